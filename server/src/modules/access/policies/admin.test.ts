import { AppError } from '../../../errors';
import type { Actor } from '../../../appTypes';
import type { Role } from '@liucai/shared';
import { assertAdmin, assertHrOrAdmin } from './admin';

const actor = (...roles: Role[]): Actor => ({ corpId: 'c', userid: 'u', roles: ['employee', ...roles], hrDeptIds: roles.includes('hr') ? [1] : [] });
const refusal = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? { id: err.id, status: err.status } : 'other';
  }
};

describe('role policies', () => {
  it('lets only admins manage roles and queues', () => {
    expect(refusal(() => assertAdmin(actor('admin')))).toBeNull();
    for (const roles of [[], ['supervisor'], ['hr'], ['hr', 'supervisor']] as Role[][]) {
      expect(refusal(() => assertAdmin(actor(...roles)))).toEqual({ id: 'forbidden', status: 403 });
    }
  });

  it('lets HR and admins use the HR pages, never a supervisor or employee as such', () => {
    expect(refusal(() => assertHrOrAdmin(actor('hr')))).toBeNull();
    expect(refusal(() => assertHrOrAdmin(actor('admin')))).toBeNull();
    expect(refusal(() => assertHrOrAdmin(actor('supervisor')))).toEqual({ id: 'forbidden', status: 403 });
    expect(refusal(() => assertHrOrAdmin(actor()))).toEqual({ id: 'forbidden', status: 403 });
  });
});
