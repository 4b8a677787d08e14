import type { DataSource } from 'typeorm';
import type { PersonLink, PersonProfile } from '@liucai/shared';
import { User } from '../../../entities';
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

/** A row of PROFILE_SQL: one step up the reporting line, one membership, or one direct report. */
interface ProfileRow extends LinkRow {
  part: 'chain' | 'member' | 'report';
  /** The step (1: the supervisor) on the line; the place in name order of a report; the department of a membership. */
  n: number | string;
  leader: number | string | boolean | null;
}

// tenancy: the chain starts at the person's supervisor in the person's corp and each step reads the next supervisor by
// (corp_id, userid); memberships and reports by the person's (corp_id, userid).
// The supervisor, their supervisor, … (nearest first, each step the next supervisor's row by key: a join of the chain
// to `users` afterwards let SQLite start from every user of the corp), the person's memberships, and their first
// REPORTS_SHOWN active direct reports in name order (the supervisor index): one statement, three parts.
const PROFILE_SQL = `WITH RECURSIVE chain (userid, name, title, status, next_userid, depth) AS (
  SELECT s.userid, s.name, s.title, s.status, s.supervisor_userid, 1 FROM users s WHERE s.corp_id = ? AND s.userid = ?
  UNION ALL
  SELECT s.userid, s.name, s.title, s.status, s.supervisor_userid, c.depth + 1 FROM chain c JOIN users s ON s.corp_id = ? AND s.userid = c.next_userid
  WHERE c.depth < ?
)
SELECT 'chain' AS part, userid, name, title, status, depth AS n, NULL AS leader FROM chain
UNION ALL
SELECT 'member', NULL, NULL, NULL, NULL, m.dept_id, m.is_leader FROM user_departments m WHERE m.corp_id = ? AND m.userid = ?
UNION ALL
SELECT 'report', r.userid, r.name, r.title, r.status, r.n, NULL FROM (
  SELECT u.userid, u.name, u.title, u.status, ROW_NUMBER() OVER (ORDER BY u.name_pinyin, u.userid) AS n
  FROM users u WHERE u.corp_id = ? AND u.supervisor_userid = ? AND u.status = 'active' ORDER BY u.name_pinyin, u.userid LIMIT ?
) r`;

/** A reporting line that loops (bad data) is followed once round: it stops before anyone seen already, the person first. */
function chainOf(person: User, rows: readonly ProfileRow[]): LinkRow[] {
  const seen = new Set<string>([person.userid]);
  const out: LinkRow[] = [];
  for (const r of rows.filter((x) => x.part === 'chain').sort((a, b) => Number(a.n) - Number(b.n))) {
    if (seen.has(r.userid)) break;
    seen.add(r.userid);
    out.push(r);
  }
  return out;
}

/**
 * The person page's header: profile, memberships with paths, the reporting line up and the direct reports (one
 * statement), each link saying whether the viewer may open it (one scope query for all of them).
 */
export async function presentPersonProfile(ds: DataSource, actor: Actor, person: User, scope: PeopleScope, depts: DepartmentIndex): Promise<PersonProfile> {
  const { corpId, userid } = person;
  // The chain's anchor finds no row for a person without a supervisor (NULL matches no userid).
  const rows = (await ds.query(PROFILE_SQL, [
    corpId,
    person.supervisorUserid,
    corpId,
    CHAIN_MAX,
    corpId,
    userid,
    corpId,
    userid,
    REPORTS_SHOWN,
  ])) as ProfileRow[];
  const chain = chainOf(person, rows);
  const memberships = rows
    .filter((r) => r.part === 'member')
    .map((r) => ({ deptId: Number(r.n), isLeader: r.leader === true || Number(r.leader) === 1 }))
    .sort((a, b) => a.deptId - b.deptId);
  const reports = rows.filter((r) => r.part === 'report').sort((a, b) => Number(a.n) - Number(b.n));
  const directReportsTotal =
    reports.length < REPORTS_SHOWN ? reports.length : await ds.getRepository(User).countBy({ corpId, supervisorUserid: userid, status: 'active' });
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
