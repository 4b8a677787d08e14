import { importRunsVisibleTo } from './importRunScope';

describe('importRunsVisibleTo', () => {
  it('keeps everyone to their corp; HR to its own runs; admins see every run of the corp', () => {
    expect(importRunsVisibleTo({ corpId: 'c1', userid: 'hr1', roles: ['employee', 'hr'], hrDeptIds: [2] })).toEqual({ corpId: 'c1', createdBy: 'hr1' });
    expect(importRunsVisibleTo({ corpId: 'c1', userid: 'a1', roles: ['employee', 'admin'], hrDeptIds: [] })).toEqual({ corpId: 'c1' });
    expect(importRunsVisibleTo({ corpId: 'c2', userid: 'a1', roles: ['admin', 'hr'], hrDeptIds: [] })).toEqual({ corpId: 'c2' });
  });
});
