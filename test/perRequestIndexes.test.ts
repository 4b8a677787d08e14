/**
 * Reads that run on every signed-in request or every page open, each answered by an index that fits it (migrations
 * SupervisorStatusIndex and PulseInvitationsByUser). Without statistics SQLite picks a plan from the indexes' shape:
 * both reads used to walk every row of the corp in a wider index (≈0.8 ms and ≈11 ms at 10,000 people).
 */
import { buildCorp, buildUser, onBothDatabases } from './support/factories';
import { loadActor } from '../server/src/modules/access/auth/actorLoader';

const REPORTS = 'SELECT COUNT(1) AS cnt FROM users WHERE corp_id = ? AND supervisor_userid = ? AND status = ?';
const MY_INVITATIONS = 'SELECT id, round_id FROM pulse_invitations WHERE corp_id = ? AND userid = ? ORDER BY round_id DESC LIMIT 20';

async function indexColumns(ds: import('typeorm').DataSource, table: string, index: string): Promise<string[]> {
  const rows = (await ds.query(
    'SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY seq_in_index',
    [table, index],
  )) as { c: string }[];
  return rows.map((r) => r.c);
}

describe('per-request reads', () => {
  it('whether the actor has active reports: from the (corp, supervisor, status) index, and the role follows', async () => {
    await onBothDatabases('perreq', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'perreq');
      const lead = await buildUser(ds, corpId, { name: '周文' });
      const alone = await buildUser(ds, corpId, { name: '单干' });
      await buildUser(ds, corpId, { name: '组员', supervisorUserid: lead.userid });
      await buildUser(ds, corpId, { name: '已离职', supervisorUserid: alone.userid, status: 'left' });
      if (kind === 'sqlite') {
        const plan = (await ds.query(`EXPLAIN QUERY PLAN ${REPORTS}`, [corpId, lead.userid, 'active'])) as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' ')).toContain('idx_users_supervisor_status (corp_id=? AND supervisor_userid=? AND status=?)');
      } else {
        expect(await indexColumns(ds, 'users', 'idx_users_supervisor_status')).toEqual(['corp_id', 'supervisor_userid', 'status']);
      }
      expect((await loadActor(ds, corpId, lead.userid))?.roles).toContain('supervisor');
      // Someone whose only report has left leads nobody.
      expect((await loadActor(ds, corpId, alone.userid))?.roles).not.toContain('supervisor');
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
});
