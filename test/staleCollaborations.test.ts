/**
 * A re-read follow-up's collaborations that it no longer gives are dropped (`dropStaleCollaborations`), found by their
 * key's prefix `crm:<follow-up>:`: on SQLite by a range of the key (an OR of LIKEs scanned every collaboration of the
 * corp inside the CRM sync's write transaction), on MariaDB by LIKE; the same rows either way.
 */
import { CollaborationEvent } from '../server/src/entities';
import { dropStaleCollaborations } from '../server/src/modules/sync/commands/crmDerived';
import { buildCorp, onBothDatabases } from './support/factories';

const event = (corpId: string, sourceId: string) =>
  Object.assign(new CollaborationEvent(), {
    corpId,
    source: 'dingtalk',
    sourceId,
    userid: 'u1',
    withDepartment: '售前支持部',
    customerName: null,
    occurredOn: '2026-11-02',
    importedAt: new Date('2026-11-03T00:00:00Z'),
  });

describe('dropping stale collaborations of re-read follow-ups', () => {
  it('drops only the given follow-ups’ events that the re-read no longer gives, on both databases', async () => {
    await onBothDatabases('stalecollab', async (ds) => {
      const corpId = await buildCorp(ds, 'stalecollab');
      const other = await buildCorp(ds, 'stalecollab2');
      const ids = ['crm:A:100', 'crm:A:200', 'crm:B:100', 'crm:A1:100', 'crm:C:100', 'crm:A_x:100', 'crm:A%:100'];
      await ds.getRepository(CollaborationEvent).insert([...ids.map((id) => event(corpId, id)), event(other, 'crm:A:200')]);
      const kept = [event(corpId, 'crm:A:100')];
      const dropped = await dropStaleCollaborations(ds.manager, corpId, [{ sourceId: 'A' }, { sourceId: 'B' }, { sourceId: 'A%' }], kept);
      const left = (await ds.getRepository(CollaborationEvent).findBy({ corpId })).map((e) => e.sourceId).sort();
      // A's other department, B's only one and “A%”'s (a wildcard character taken literally) go; A1, C, A_x stay.
      expect(dropped).toBe(3);
      expect(left).toEqual(['crm:A1:100', 'crm:A:100', 'crm:A_x:100', 'crm:C:100'].sort());
      // Another corp's row with the same key is not touched.
      expect(await ds.getRepository(CollaborationEvent).countBy({ corpId: other })).toBe(1);
    });
  });
});
