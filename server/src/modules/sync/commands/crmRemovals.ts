import { MoreThanOrEqual, type EntityManager } from 'typeorm';
import { CrmSeen, Customer, Deal, FollowUp } from '../../../entities';
import { updateWhereIn, upsertInBatches } from './changedRows';
import { heldFromDingTalk } from '../queries/crmRecords';

/** The CRM lists a full pass reads whole, each of which can tell what DingTalk no longer has. */
export type CrmList = 'customers' | 'personalCustomers' | 'contracts' | 'followUps';

/** Remember that this pass's page of `list` showed these source ids (lands with the page and its checkpoint). */
export async function markSeen(em: EntityManager, corpId: string, list: CrmList, sourceIds: string[], passMs: number): Promise<void> {
  const rows = [...new Set(sourceIds)].map((sourceId) => Object.assign(new CrmSeen(), { corpId, kind: list, sourceId, passMs }));
  await upsertInBatches(em, CrmSeen, rows, ['pass_ms'], ['corp_id', 'kind', 'source_id']);
}

/** What a full read of `list` covers: the stored DingTalk rows it must list again if DingTalk still has them. */
async function inScope(em: EntityManager, corpId: string, list: CrmList, followUpsSinceMs: number): Promise<string[]> {
  const base = heldFromDingTalk(corpId);
  const select = { sourceId: true } as const;
  let rows: { sourceId: string }[];
  if (list === 'contracts') rows = await em.find(Deal, { where: base, select });
  else if (list === 'followUps') {
    // The full read lists records modified within the lookback window. DingTalk's modification time only grows, so a
    // record last seen modified inside the window is listed again unless it was deleted; older ones cannot be told.
    rows = await em.find(FollowUp, { where: { ...base, modifiedAt: MoreThanOrEqual(new Date(followUpsSinceMs)) }, select });
  } else rows = await em.find(Customer, { where: { ...base, kind: list === 'customers' ? 'enterprise' : 'personal' }, select });
  return rows.map((r) => r.sourceId);
}

/**
 * When the last page of a full read of `list` lands: stored DingTalk rows of that list in its scope that this pass
 * did not see are gone from DingTalk (list APIs do not report deletions), so they are marked removed, never deleted;
 * rows imported from Excel are never touched. The pass's seen ids are then cleared. Returns the removed source ids.
 */
export async function removeUnseen(em: EntityManager, corpId: string, list: CrmList, passMs: number, followUpsSinceMs: number, now: Date): Promise<string[]> {
  const seen = new Set((await em.find(CrmSeen, { where: { corpId, kind: list, passMs }, select: { sourceId: true } })).map((s) => s.sourceId));
  const gone = (await inScope(em, corpId, list, followUpsSinceMs)).filter((id) => !seen.has(id));
  const entity: new () => Deal | FollowUp | Customer = list === 'contracts' ? Deal : list === 'followUps' ? FollowUp : Customer;
  await updateWhereIn(em, entity, { corpId, source: 'dingtalk' }, 'sourceId', gone, { removedAt: now });
  await em.delete(CrmSeen, { corpId, kind: list });
  return gone;
}
