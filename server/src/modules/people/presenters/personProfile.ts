import type { DataSource } from 'typeorm';
import type { PersonLink, PersonProfile } from '@liucai/shared';
import { User, UserDepartment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import type { PeopleScope } from '../policies/peopleScope';
import type { DepartmentIndex } from '../queries/departmentIndex';
import { inScope } from '../queries/personInScope';

/** How far up a supervisor chain is followed (a loop in bad data stops here too). */
const CHAIN_MAX = 12;
const REPORTS_SHOWN = 100;

interface LinkRow {
  userid: string;
  name: string;
  title: string | null;
  status: string;
}

/**
 * The supervisor, their supervisor, … (nearest first) in one recursive query: each step reads the next supervisor's
 * row by key and carries what the page shows (a join of the chain to `users` afterwards let SQLite start from every
 * user of the corp).
 */
async function supervisorChain(ds: DataSource, person: User): Promise<LinkRow[]> {
  if (!person.supervisorUserid) return [];
  const rows: (LinkRow & { depth: number | string })[] = await ds.query(
    `WITH RECURSIVE chain (userid, name, title, status, next_userid, depth) AS (
       SELECT s.userid, s.name, s.title, s.status, s.supervisor_userid, 1 FROM users s WHERE s.corp_id = ? AND s.userid = ?
       UNION ALL
       SELECT s.userid, s.name, s.title, s.status, s.supervisor_userid, c.depth + 1 FROM chain c JOIN users s ON s.corp_id = ? AND s.userid = c.next_userid
       WHERE c.depth < ?
     )
     SELECT userid, name, title, status, depth FROM chain ORDER BY depth`,
    [person.corpId, person.supervisorUserid, person.corpId, CHAIN_MAX],
  );
  const seen = new Set<string>([person.userid]);
  const out: LinkRow[] = [];
  for (const r of rows) {
    if (seen.has(r.userid)) break;
    seen.add(r.userid);
    out.push(r);
  }
  return out;
}

/**
 * The person page's header: profile, memberships with paths, the reporting line up and the direct reports, each
 * link saying whether the viewer may open it (one scope query for all of them).
 */
export async function presentPersonProfile(ds: DataSource, actor: Actor, person: User, scope: PeopleScope, depts: DepartmentIndex): Promise<PersonProfile> {
  const { corpId, userid } = person;
  const memberships = await ds.getRepository(UserDepartment).find({ where: { corpId, userid } });
  const chain = await supervisorChain(ds, person);
  const reportsWhere = { corpId, supervisorUserid: userid, status: 'active' as const };
  const reports = await ds.getRepository(User).find({
    where: reportsWhere,
    select: { userid: true, name: true, title: true, status: true },
    order: { namePinyin: 'ASC', userid: 'ASC' },
    take: REPORTS_SHOWN,
  });
  const directReportsTotal = reports.length < REPORTS_SHOWN ? reports.length : await ds.getRepository(User).countBy(reportsWhere);
  const openable = await inScope(
    ds,
    scope,
    [...chain, ...reports].map((u) => u.userid),
  );
  const link = (u: LinkRow): PersonLink => ({
    userid: u.userid,
    name: u.name,
    title: u.title,
    status: u.status === 'left' ? 'left' : 'active',
    canOpen: openable.has(u.userid),
  });

  const ordered = [...new Set([...(person.mainDeptId !== null ? [person.mainDeptId] : []), ...memberships.map((m) => m.deptId)])];
  return {
    userid,
    name: person.name,
    title: person.title,
    jobNumber: person.jobNumber,
    avatar: person.avatar,
    status: person.status,
    hiredOn: person.hiredOn,
    leftOn: person.leftOn,
    self: actor.userid === userid,
    department: depts.ref(person.mainDeptId),
    departments: ordered.flatMap((id) => {
      const ref = depts.ref(id);
      const m = memberships.find((x) => x.deptId === id);
      return ref ? [{ ...ref, main: id === person.mainDeptId, leader: m?.isLeader === true }] : [];
    }),
    supervisorChain: chain.map(link),
    directReports: reports.map(link),
    directReportsTotal,
  };
}
