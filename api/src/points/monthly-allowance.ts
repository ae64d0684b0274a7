import type { PointRules, Role } from '@bravo/shared';

/** A member's giving allowance for a month: employees get one amount, managers and admins another. */
export const monthlyAllowance = (role: Role, rules: PointRules): number =>
  role === 'employee' ? rules.allowanceEmployee : rules.allowanceManager;
