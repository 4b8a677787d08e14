/**
 * Reads that run on every signed-in request or every page open, each answered by an index that fits it (migrations
 * SupervisorStatusIndex, PulseInvitationsByUser and TalentScoresByPerson). Without statistics SQLite picks a plan from
 * the indexes' shape: these reads used to walk every row of the corp in a wider index (≈0.8 ms, ≈11 ms and ≈2.4 ms at
 * 10,000 people).
 */
import { buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases } from './support/factories';
import { ACTOR_SQL, SESSION_ACTOR_SQL, loadActor } from '../server/src/modules/access/auth/actorLoader';
import { createSession, findSession } from '../server/src/modules/access/auth/sessions';

const PERSON_SCORES = 'SELECT id FROM talent_match_scores s WHERE s.corp_id = ? AND s.userid = ? ORDER BY s.period DESC, s.job_model_id ASC';
const MY_INVITATIONS = 'SELECT id, round_id FROM pulse_invitations WHERE corp_id = ? AND userid = ? ORDER BY round_id DESC LIMIT 20';

async function indexColumns(ds: import('typeorm').DataSource, table: string, index: string): Promise<string[]> {
  const rows = (await ds.query(
    'SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY seq_in_index',
    [table, index],
  )) as { c: string }[];
  return rows.map((r) => r.c);
}

describe('per-request reads', () => {
  it('the actor in one statement: whether anyone active reports to them from the (corp, supervisor, status) index, HR departments by key, every role', async () => {
    await onBothDatabases('perreq', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'perreq');
      const lead = await buildUser(ds, corpId, { name: '周文' });
      const alone = await buildUser(ds, corpId, { name: '单干' });
      await buildUser(ds, corpId, { name: '组员', supervisorUserid: lead.userid });
      await buildUser(ds, corpId, { name: '已离职', supervisorUserid: alone.userid, status: 'left' });
      const admin = await buildUser(ds, corpId, { name: '管理员', isAdmin: true });
      const gone = await buildUser(ds, corpId, { name: '走了', status: 'left' });
      await grantHrScope(ds, corpId, alone.userid, [30, 4, 1200]);
      if (kind === 'sqlite') {
        const plan = (await ds.query(`EXPLAIN QUERY PLAN ${ACTOR_SQL}`, [corpId, lead.userid, corpId, lead.userid])) as { detail: string }[];
        const details = plan.map((p) => p.detail).join(' | ');
        expect(details).toContain('idx_users_supervisor_status (corp_id=? AND supervisor_userid=? AND status=?)');
        expect(details).not.toMatch(/SCAN (users|r|h|hr_scopes)\b(?! USING)/);
      } else {
        expect(await indexColumns(ds, 'users', 'idx_users_supervisor_status')).toEqual(['corp_id', 'supervisor_userid', 'status']);
      }
      expect(await loadActor(ds, corpId, lead.userid)).toEqual({ corpId, userid: lead.userid, roles: ['employee', 'supervisor'], hrDeptIds: [] });
      // Someone whose only report has left leads nobody; their HR departments come in order, as numbers.
      expect(await loadActor(ds, corpId, alone.userid)).toEqual({ corpId, userid: alone.userid, roles: ['employee', 'hr'], hrDeptIds: [4, 30, 1200] });
      expect((await loadActor(ds, corpId, admin.userid))?.roles).toEqual(['employee', 'admin']);
      expect(await loadActor(ds, corpId, gone.userid)).toBeNull();
      expect(await loadActor(ds, corpId, 'nobody')).toBeNull();
      // Another corp's person of the same userid is not this corp's.
      const other = await buildCorp(ds, 'perreq-other');
      expect(await loadActor(ds, other, lead.userid)).toBeNull();
    });
  });

  it('the session and its person’s roles in one statement: by the session’s key, the same actor as loadActor, its dates as written, dead sessions told apart', async () => {
    await onBothDatabases('perreq-session', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'perreq-session');
      const lead = await buildUser(ds, corpId, { name: '周文' });
      await buildUser(ds, corpId, { name: '组员', supervisorUserid: lead.userid });
      await grantHrScope(ds, corpId, lead.userid, [30, 4]);
      const gone = await buildUser(ds, corpId, { name: '走了', status: 'left' });
      if (kind === 'sqlite') {
        const plan = (
          (await ds.query(
            `EXPLAIN QUERY PLAN ${SESSION_ACTOR_SQL}`,
            SESSION_ACTOR_SQL.split('?')
              .slice(1)
              .map(() => 'h'),
          )) as { detail: string }[]
        )
          .map((p) => p.detail)
          .join(' | ');
        expect(plan).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(id_hash=\?\)/);
        expect(plan).not.toMatch(/SCAN (users|u|r|h|hr_scopes|s|sessions)\b(?! USING)/);
      }
      const at = new Date('2026-12-01T08:30:15Z');
      const token = await createSession(ds, corpId, lead.userid, 8, at);
      const found = await findSession(ds, token, { idleMinutes: 60, now: new Date(at.getTime() + 5 * 60_000) });
      if (found.status !== 'live') throw new Error(`expected a live session, got ${found.status}`);
      // With the corp's org version as it was when the session was read (0: no department written yet).
      expect(found.actor).toEqual({ ...(await loadActor(ds, corpId, lead.userid)), orgVersion: 0 });
      expect(found.actor).toEqual({ corpId, userid: lead.userid, roles: ['employee', 'supervisor', 'hr'], hrDeptIds: [4, 30], orgVersion: 0 });
      // Every department write bumps it (triggers); the next request's session read carries the new version.
      await buildDepartment(ds, corpId, { name: '新部门' });
      const version = ((await ds.query('SELECT version FROM org_versions WHERE corp_id = ?', [corpId])) as { version: number | string }[])[0]!.version;
      expect(Number(version)).toBeGreaterThan(0);
      const again = await findSession(ds, token, { idleMinutes: 60, now: new Date(at.getTime() + 6 * 60_000) });
      expect(again.status === 'live' && again.actor?.orgVersion).toBe(Number(version));
      // A request that only reads also gets the data topics' versions (people: the users written above).
      const reading = await findSession(ds, token, { idleMinutes: 60, now: new Date(at.getTime() + 7 * 60_000), readOnly: true });
      const people = (
        (await ds.query("SELECT version FROM data_versions WHERE corp_id = ? AND topic = 'people'", [corpId])) as { version: number | string }[]
      )[0]!.version;
      expect(reading.status === 'live' && reading.actor?.dataVersions).toEqual({ people: String(people) });
      expect(again.status === 'live' && again.actor?.dataVersions).toBeUndefined();
      expect(found.session).toMatchObject({ corpId, userid: lead.userid });
      expect(found.session.createdAt.toISOString()).toBe(at.toISOString());
      expect(found.session.lastSeenAt?.toISOString()).toBe(at.toISOString());
      expect(found.session.expiresAt.toISOString()).toBe(new Date(at.getTime() + 8 * 3600_000).toISOString());
      // A live session of someone who left (or is not in users at all) comes with no actor; the caller ends it.
      const left = await findSession(ds, await createSession(ds, corpId, gone.userid, 8, at), { idleMinutes: 60, now: at });
      expect(left.status === 'live' && left.actor).toBeNull();
      const stranger = await findSession(ds, await createSession(ds, corpId, 'nobody', 8, at), { idleMinutes: 60, now: at });
      expect(stranger.status === 'live' && stranger.actor).toBeNull();
      // Idle past the limit, then (a new session) past its expiry: told apart, and deleted.
      expect((await findSession(ds, token, { idleMinutes: 60, now: new Date(at.getTime() + 61 * 60_000) })).status).toBe('idle');
      expect((await findSession(ds, token, { idleMinutes: 60, now: at })).status).toBe('none');
      const short = await createSession(ds, corpId, lead.userid, 1, at);
      expect((await findSession(ds, short, { idleMinutes: 600, now: new Date(at.getTime() + 3600_000) })).status).toBe('expired');
      expect((await findSession(ds, 'not-a-token', { idleMinutes: 60, now: at })).status).toBe('none');
    });
  });

  it('a person’s latest pulse invitations: a range of their own index in round order, no sort', async () => {
    await onBothDatabases('perreq-pulse', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'perreq-pulse');
      if (kind === 'sqlite') {
        const plan = ((await ds.query(`EXPLAIN QUERY PLAN ${MY_INVITATIONS}`, [corpId, 'u1'])) as { detail: string }[]).map((p) => p.detail).join(' ');
        expect(plan).toContain('idx_pulse_invitations_user_round (corp_id=? AND userid=?)');
        expect(plan).not.toContain('TEMP B-TREE');
      } else {
        expect(await indexColumns(ds, 'pulse_invitations', 'idx_pulse_invitations_user_round')).toEqual(['corp_id', 'userid', 'round_id']);
      }
    });
  });

  it('a person’s match scores (员工档案 画像): a range of their own index, not every score of the corp', async () => {
    await onBothDatabases('perreq-scores', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'perreq-scores');
      if (kind === 'sqlite') {
        const plan = ((await ds.query(`EXPLAIN QUERY PLAN ${PERSON_SCORES}`, [corpId, 'u1'])) as { detail: string }[]).map((p) => p.detail).join(' ');
        expect(plan).toContain('idx_talent_match_scores_person (corp_id=? AND userid=?)');
      } else {
        expect(await indexColumns(ds, 'talent_match_scores', 'idx_talent_match_scores_person')).toEqual(['corp_id', 'userid', 'period', 'job_model_id']);
      }
    });
  });
});
