/**
 * Reads that run on every signed-in request or every page open, each answered by an index that fits it (migrations
 * SupervisorStatusIndex, PulseInvitationsByUser and TalentScoresByPerson). Without statistics SQLite picks a plan from
 * the indexes' shape: these reads used to walk every row of the corp in a wider index (≈0.8 ms, ≈11 ms and ≈2.4 ms at
 * 10,000 people).
 */
import { buildCorp, buildUser, grantHrScope, onBothDatabases } from './support/factories';
import { ACTOR_SQL, loadActor } from '../server/src/modules/access/auth/actorLoader';

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
