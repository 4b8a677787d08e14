import type { Actor } from '../../../appTypes';
import { canHoldHrScope } from './hrScopeGrant';

const admin: Actor = { corpId: 'corp-a', userid: 'boss', roles: ['employee', 'admin'], hrDeptIds: [] };

describe('canHoldHrScope', () => {
  it('allows an active person of the admin’s corp only', () => {
    expect(canHoldHrScope(admin, { corpId: 'corp-a', status: 'active' })).toBe(true);
    expect(canHoldHrScope(admin, { corpId: 'corp-a', status: 'left' })).toBe(false);
    expect(canHoldHrScope(admin, { corpId: 'corp-b', status: 'active' })).toBe(false);
    expect(canHoldHrScope(admin, null)).toBe(false);
  });
});
