import type { DataSource } from 'typeorm';
import type { Role } from '@liucai/shared';
import type { Actor } from '../../../appTypes';

// tenancy: every part is read by (corp_id, userid) of the signed-in person.
// One statement per request (every API authenticates with it): a first row with the person's standing and whether
// anyone active reports to them (the supervisor index answers it from its first entry), then a row per HR department.
const STANDING = `'user' AS part, u.status AS status, u.is_admin AS value,
  EXISTS (SELECT 1 FROM users r WHERE r.corp_id = u.corp_id AND r.supervisor_userid = u.userid AND r.status = 'active') AS reports`;

export const ACTOR_SQL = `SELECT ${STANDING}
FROM users u WHERE u.corp_id = ? AND u.userid = ?
UNION ALL
SELECT 'hr', NULL, h.dept_id, NULL FROM hr_scopes h WHERE h.corp_id = ? AND h.userid = ?`;

// tenancy: the session is found by its token's hash (unique); the person and HR departments by the session's own
// (corp_id, userid), and authenticate() then refuses a session of another corp.
// What every signed-in request reads, in one statement: ACTOR_SQL's rows for the session's person, the first (part
// 'user') also carrying the session (a left join: the session's row comes even when its person is not in users), and
// the corp's org version (part 'org', none before any department was written: version 0) and its data topics'
// versions (part 'topic': the topic in `status`, its version in `value`).
export const SESSION_ACTOR_SQL = `SELECT ${STANDING},
  s.corp_id AS corp_id, s.userid AS userid, s.created_at AS created_at, s.expires_at AS expires_at, s.last_seen_at AS last_seen_at
FROM sessions s LEFT JOIN users u ON u.corp_id = s.corp_id AND u.userid = s.userid WHERE s.id_hash = ?
UNION ALL
SELECT 'hr', NULL, h.dept_id, NULL, NULL, NULL, NULL, NULL, NULL FROM sessions s JOIN hr_scopes h ON h.corp_id = s.corp_id AND h.userid = s.userid WHERE s.id_hash = ?
UNION ALL
SELECT 'org', NULL, o.version, NULL, NULL, NULL, NULL, NULL, NULL FROM sessions s JOIN org_versions o ON o.corp_id = s.corp_id WHERE s.id_hash = ?
UNION ALL
SELECT 'topic', d.topic, d.version, NULL, NULL, NULL, NULL, NULL, NULL FROM sessions s JOIN data_versions d ON d.corp_id = s.corp_id WHERE s.id_hash = ?`;

/**
 * A row of ACTOR_SQL or SESSION_ACTOR_SQL: the person's standing (part 'user'), one HR department (part 'hr'), or
 * (SESSION_ACTOR_SQL only) the corp's org version in `value` (part 'org') or a data topic's (part 'topic', the topic
 * in `status`).
 */
export interface ActorRow {
  part: 'user' | 'hr' | 'org' | 'topic';
  status: string | null;
  value: number | string | boolean | null;
  reports: number | string | null;
}

/**
 * The actor the rows describe, or null when the person is unknown or has left. Roles: everyone is an employee;
 * supervisor when someone active reports to them; hr when an admin granted departments; admin when DingTalk says `sys`.
 */
export function actorOf(corpId: string, userid: string, rows: readonly ActorRow[]): Actor | null {
  const user = rows.find((r) => r.part === 'user');
  if (!user || user.status !== 'active') return null;
  const hrDeptIds = rows
    .filter((r) => r.part === 'hr')
    .map((r) => Number(r.value))
    .sort((a, b) => a - b);
  const roles: Role[] = ['employee'];
  if (Number(user.reports) > 0) roles.push('supervisor');
  if (hrDeptIds.length > 0) roles.push('hr');
  if (Number(user.value) === 1) roles.push('admin');
  return { corpId, userid, roles, hrDeptIds };
}

/** Build the actor for a person of a corp (see actorOf), in one statement. */
export async function loadActor(ds: DataSource, corpId: string, userid: string): Promise<Actor | null> {
  return actorOf(corpId, userid, (await ds.query(ACTOR_SQL, [corpId, userid, corpId, userid])) as ActorRow[]);
}
