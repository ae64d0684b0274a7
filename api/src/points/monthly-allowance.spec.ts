import { DEFAULT_POINT_RULES } from '@bravo/shared';
import { monthlyAllowance } from './monthly-allowance';

describe('monthlyAllowance', () => {
  const rules = { ...DEFAULT_POINT_RULES, allowanceEmployee: 150, allowanceManager: 200 };

  it('gives full-timers the role’s amount', () => {
    expect(monthlyAllowance('employee', rules)).toBe(150);
    expect(monthlyAllowance('manager', rules, 1)).toBe(200);
    expect(monthlyAllowance('admin', rules, 1)).toBe(200);
  });

  it('scales by the part-time factor, rounding halves up exactly', () => {
    expect(monthlyAllowance('employee', rules, 0.5)).toBe(75);
    expect(monthlyAllowance('employee', rules, 0.15)).toBe(23); // 22.5, not float's 22.4999…
    expect(monthlyAllowance('employee', rules, 0.33)).toBe(50); // 49.5
    expect(monthlyAllowance('manager', rules, 0.1)).toBe(20);
    expect(monthlyAllowance('employee', { ...rules, allowanceEmployee: 0 }, 0.5)).toBe(0);
  });
});
