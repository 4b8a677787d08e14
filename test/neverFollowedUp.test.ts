/**
 * The "never followed up" rule (数据 → CRM gaps), read as keyset pages of owned customers and their follow-ups by
 * (corp, customer): which customers count, and pages whose customers were all followed up still lead on.
 */
import { buildCorp, buildCustomer, buildFollowUp, buildUser, onBothDatabases } from './support/factories';
import { neverFollowedUpPage } from '../server/src/modules/sync/queries/crmRecords';
import { customersWithoutFollowUp } from '../server/src/modules/sync/queries/dataGaps';

describe('customers never followed up', () => {
  it('owned DingTalk customers with no follow-up still held, page after page', async () => {
    await onBothDatabases('neverfollowed', async (ds) => {
      const corpId = await buildCorp(ds, 'neverfollowed');
      const other = await buildCorp(ds, 'neverfollowed-other');
      const owner = await buildUser(ds, corpId, { name: '销售甲' });
      const cust = (id: string, over: Parameters<typeof buildCustomer>[2] = {}) =>
        buildCustomer(ds, corpId, { sourceId: id, name: `客户${id}`, ownerUserid: owner.userid, ...over });
      // a1, a2: followed up (so the first page of two finds nobody); a3: only a removed follow-up; a4: only another
      // corp's follow-up of the same id; a5: followed up; a6: nobody owns it; a7: removed itself; a8: imported.
      for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) await cust(id);
      await cust('a6', { ownerUserid: null });
      await cust('a7', { removedAt: new Date('2026-11-01T00:00:00Z') });
      await cust('a8', { source: 'import' });
      for (const id of ['a1', 'a2', 'a5']) await buildFollowUp(ds, corpId, { customerSourceId: id, ownerUserid: owner.userid });
      await buildFollowUp(ds, corpId, { customerSourceId: 'a3', removedAt: new Date('2026-11-02T00:00:00Z') });
      await buildFollowUp(ds, other, { customerSourceId: 'a4' });

      const first = await neverFollowedUpPage(ds, corpId, '', 2);
      expect(first).toEqual({ customers: [], after: 'a2' });
      const second = await neverFollowedUpPage(ds, corpId, first.after!, 2);
      expect(second.customers.map((c) => c.sourceId)).toEqual(['a3', 'a4']);
      expect(second.customers[0]).toMatchObject({ name: '客户a3', ownerUserid: owner.userid });
      const third = await neverFollowedUpPage(ds, corpId, second.after!, 2);
      expect(third).toEqual({ customers: [], after: null });

      const all = await customersWithoutFollowUp(ds, corpId);
      expect(all).toEqual([
        { label: '客户a3', subject: owner.userid },
        { label: '客户a4', subject: owner.userid },
      ]);
    });
  });
});
