import { ROLES, ROLE_LABELS, canSeeHrPages } from './roles';

describe('roles', () => {
  it('has a Chinese label for every role', () => {
    expect(ROLES.map((r) => ROLE_LABELS[r])).toEqual(['员工', '主管', 'HR', '管理员']);
  });
  it('opens HR pages to HR and admins only', () => {
    expect(canSeeHrPages(['employee'])).toBe(false);
    expect(canSeeHrPages(['employee', 'supervisor'])).toBe(false);
    expect(canSeeHrPages(['employee', 'hr'])).toBe(true);
    expect(canSeeHrPages(['employee', 'admin'])).toBe(true);
  });
});
