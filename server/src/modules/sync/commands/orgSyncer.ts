import type { DataSource, EntityManager } from 'typeorm';
import { trackSyncRun } from './syncRunTracker';
import { shanghaiDate } from '../../../util/dates';
import { fetchOrg, type FetchedOrg, type OrgSource } from './orgFetcher';
import { OrgLeaders } from './orgLeaders';
import { Department } from '../../../entities';
import { writeOrgDepartments } from './orgDepartmentWriter';
import { writeOrgUsers } from './orgUserWriter';
import { writeOrgMemberships } from './orgMembershipWriter';
import { refreshDepartmentHeadcounts } from '../../people/commands/departmentHeadcountRefresher';
import { rebuildOutcomeGroups } from '../../outcomes/commands/outcomeGroupsBuilder';

export interface OrgSyncDeps {
  ds: DataSource;
  source: OrgSource;
  /** DingTalk calls made so far by `source` (for the progress HR sees). */
  apiCalls: () => number;
  concurrency: number;
  now?: () => Date;
}

/** What a sync changed; all zero when re-run on an unchanged org. */
export interface OrgSyncResult {
  departments: number;
  users: number;
  supervisors: number;
  created: number;
  updated: number;
  left: number;
  membershipsChanged: number;
}

/**
 * Run one org sync for sync_runs.id = runId: fetch the org, then write only what differs from the database in
 * batched upserts. People missing from DingTalk are marked left (never deleted); nothing is marked left unless
 * the whole fetch succeeded. Safe to run twice: a second run on an unchanged org writes nothing.
 */
export function runOrgSync(deps: OrgSyncDeps, runId: number, opts: { finalAttempt: boolean }): Promise<OrgSyncResult | null> {
  const now = deps.now ?? (() => new Date());
  return trackSyncRun(deps, runId, opts, async (report, run) => {
    const org = await fetchOrg(deps.source, deps.concurrency, report);
    report('saving', 0, 1);
    const { result, peopleOrTreeChanged } = await deps.ds.transaction((em) => writeOrg(em, run.corpId, org, shanghaiDate(now())));
    // The 转型看板's sums are by department subtree of each person's main department: added up again when people or
    // the tree changed, after the org's transaction (not holding the write lock while they are computed).
    if (peopleOrTreeChanged) await rebuildOutcomeGroups(deps.ds, run.corpId);
    return result;
  });
}

/** Write a fetched org in three steps (departments, users with their supervisors, memberships), in one transaction. */
async function writeOrg(em: EntityManager, corpId: string, org: FetchedOrg, today: string): Promise<{ result: OrgSyncResult; peopleOrTreeChanged: boolean }> {
  const leaders = new OrgLeaders(org);
  const treeBefore = await departmentTree(em, corpId);
  const { departments } = await writeOrgDepartments(em, corpId, org);
  const users = await writeOrgUsers(em, corpId, org, leaders, today);
  const membershipsChanged = await writeOrgMemberships(em, corpId, org, leaders, users.seen);
  // The org page's headcounts land with the org they count (only rows whose counts changed are written).
  await refreshDepartmentHeadcounts(em, corpId);
  return {
    result: {
      departments,
      users: users.users,
      supervisors: users.supervisors,
      created: users.created,
      updated: users.updated,
      left: users.left,
      membershipsChanged,
    },
    peopleOrTreeChanged: users.created + users.updated + users.left > 0 || (await departmentTree(em, corpId)) !== treeBefore,
  };
}

/** The corp's departments with their parents, as one comparable text (one small read). */
async function departmentTree(em: EntityManager, corpId: string): Promise<string> {
  // tenancy: the corp's departments.
  const rows = await em.getRepository(Department).find({ where: { corpId }, select: { deptId: true, parentId: true }, order: { deptId: 'ASC' } });
  return rows.map((d) => `${d.deptId}<${d.parentId ?? ''}`).join(',');
}
