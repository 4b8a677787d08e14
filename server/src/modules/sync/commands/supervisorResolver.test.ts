import { resolveSupervisor, type SupervisorInputs } from './supervisorResolver';

// root(1) <- sales(2) <- team(3). boss leads root, vp leads sales, lead leads team.
function org(): SupervisorInputs {
  const u = (deptIds: number[], leaderOf: number[] = [], managerUserid: string | null = null) => ({ managerUserid, deptIds, leaderOf: new Set(leaderOf) });
  return {
    departments: new Map([
      [1, { parentId: null, managerUserids: ['boss'] }],
      [2, { parentId: 1, managerUserids: ['vp'] }],
      [3, { parentId: 2, managerUserids: ['lead', 'colead'] }],
      [4, { parentId: 2, managerUserids: [] }],
    ]),
    users: new Map([
      ['boss', u([1], [1])],
      ['vp', u([2], [2])],
      ['lead', u([3], [3])],
      ['colead', u([3], [3])],
      ['rep', u([3])],
      ['explicit', u([3], [], 'vp')],
      ['ghostManaged', u([3], [], 'gone')],
      ['loner', u([4])],
    ]),
  };
}

describe('resolveSupervisor (dingtalk-api.md 3.5)', () => {
  it('takes the explicit manager_userid first', () => {
    expect(resolveSupervisor('explicit', org())).toBe('vp');
  });
  it('ignores an explicit manager who is not an active user and falls back to the department', () => {
    expect(resolveSupervisor('ghostManaged', org())).toBe('lead');
  });
  it('takes the first manager of the main department for a member', () => {
    expect(resolveSupervisor('rep', org())).toBe('lead');
  });
  it('moves up one department for someone who leads their own department', () => {
    expect(resolveSupervisor('lead', org())).toBe('vp');
    expect(resolveSupervisor('colead', org())).toBe('vp');
    expect(resolveSupervisor('vp', org())).toBe('boss');
  });
  it('moves up when the department has no manager', () => {
    expect(resolveSupervisor('loner', org())).toBe('vp');
  });
  it('finds nobody above the top', () => {
    expect(resolveSupervisor('boss', org())).toBeNull();
    expect(resolveSupervisor('nobody', org())).toBeNull();
  });
});
