import type { PointRules, Role } from '@bravo/shared';

/**
 * A member's giving allowance for a month: employees get one amount, managers and admins
 * another, scaled by their part-time factor (0.1–1.0) and rounded to the nearest whole
 * point, halves up. Computed in hundredths so that it is exact (150 × 0.15 = 23, not the
 * 22 that floating point would give) and agrees with PostgreSQL's `round(numeric)`.
 */
export function monthlyAllowance(role: Role, rules: PointRules, partTimeFactor = 1): number {
  const fullTime = role === 'employee' ? rules.allowanceEmployee : rules.allowanceManager;
  const hundredths = Math.round(partTimeFactor * 100);
  return Math.floor((fullTime * hundredths + 50) / 100);
}
