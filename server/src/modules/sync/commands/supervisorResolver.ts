/** The org facts the supervisor rules need (dingtalk-api.md 3.5). */
export interface SupervisorInputs {
  /** Active users: explicit manager (manager_userid), departments in DingTalk order, departments they lead. */
  users: Map<string, { managerUserid: string | null; deptIds: number[]; leaderOf: Set<number> }>;
  departments: Map<number, { parentId: number | null; managerUserids: string[] }>;
}

/**
 * Resolve a user's supervisor: (1) DingTalk's explicit manager_userid when that person is active; otherwise
 * (2) a manager of the main department other than the user; (3) when the user leads that department or it has
 * no other manager, the same question one department up, until the root. Null when nobody is found.
 */
export function resolveSupervisor(userid: string, inputs: SupervisorInputs): string | null {
  const user = inputs.users.get(userid);
  if (!user) return null;
  if (user.managerUserid && user.managerUserid !== userid && inputs.users.has(user.managerUserid)) return user.managerUserid;
  let deptId: number | null = user.deptIds[0] ?? null;
  const seen = new Set<number>();
  while (deptId !== null && !seen.has(deptId)) {
    seen.add(deptId);
    const dept = inputs.departments.get(deptId);
    if (!dept) return null;
    const others = dept.managerUserids.filter((m) => m !== userid && inputs.users.has(m));
    if (!user.leaderOf.has(deptId) && others.length > 0) return others[0] ?? null;
    deptId = dept.parentId;
  }
  return null;
}
