/**
 * The covering index for name lookups by userid (`idx_users_names`, migration UserNameIndex): the managers of a
 * department and the people a list refers to are read from the index alone, and the answer is the same names.
 */
import { buildCorp, buildDepartment, buildUser, onBothDatabases } from './support/factories';
import { presentOrg } from '../server/src/modules/people/presenters/org';

const NAME_LOOKUP = 'SELECT userid, name, title, status FROM users WHERE corp_id = ? AND userid IN (?, ?)';

describe('name lookups by userid', () => {
  it('read the covering index on both databases and answer the managers’ names', async () => {
    await onBothDatabases('names', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'names');
      const lead = await buildUser(ds, corpId, { name: '周文', title: '销售总监' });
      const gone = await buildUser(ds, corpId, { name: '离职者', status: 'left' });
      await buildDepartment(ds, corpId, { deptId: 1, parentId: null, name: '销售中心', managerUserids: [lead.userid, gone.userid] });

      if (kind === 'sqlite') {
        const plan = (await ds.query(`EXPLAIN QUERY PLAN ${NAME_LOOKUP}`, [corpId, lead.userid, gone.userid])) as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX idx_users_names');
      } else {
        const cols = (await ds.query(
          "SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'users' AND index_name = 'idx_users_names' ORDER BY seq_in_index",
        )) as { c: string }[];
        expect(cols.map((r) => r.c)).toEqual(['corp_id', 'userid', 'status', 'name', 'title']);
      }

      const tree = await presentOrg(ds, corpId, new Set([1]), { kind: 'all' });
      // Only active managers are named (the one who left is not).
      expect(tree.departments.map((d) => d.managers)).toEqual([[{ userid: lead.userid, name: '周文', title: '销售总监' }]]);
    });
  });
});
