import type { EntityManager } from 'typeorm';
import { Department } from '../../../entities';
import type { FetchedOrg } from './orgFetcher';
import { updateWhereIn, upsertInBatches } from './changedRows';
import { sameRow } from './sameRow';

const COMPARED: (keyof Department)[] = ['parentId', 'name', 'sortOrder', 'managerUserids', 'active'];

/**
 * The departments step of an org sync: upsert the departments DingTalk returned that are new or changed, and mark
 * the ones it no longer has inactive (never deleted). Returns how many departments DingTalk has.
 */
export async function writeOrgDepartments(em: EntityManager, corpId: string, org: FetchedOrg): Promise<{ departments: number }> {
  const existing = new Map((await em.find(Department, { where: { corpId } })).map((d) => [d.deptId, d]));
  const rows = org.departments.map((d) =>
    Object.assign(new Department(), {
      corpId,
      deptId: d.deptId,
      parentId: d.parentId,
      name: d.name,
      sortOrder: d.order,
      managerUserids: d.managerUserids,
      active: true,
    }),
  );
  const changed = rows.filter((d) => {
    const old = existing.get(d.deptId);
    return !old || !sameRow(old, d, COMPARED);
  });
  await upsertInBatches(em, Department, changed, ['parent_id', 'name', 'sort_order', 'manager_userids', 'active'], ['corp_id', 'dept_id']);
  const seen = new Set(rows.map((d) => d.deptId));
  const gone = [...existing.values()].filter((d) => d.active && !seen.has(d.deptId)).map((d) => d.deptId);
  await updateWhereIn(em, Department, { corpId }, 'deptId', gone, { active: false });
  return { departments: rows.length };
}
