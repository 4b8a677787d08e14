import type { EntityManager } from 'typeorm';
import { CollaborationEvent, Customer, Deal, FollowUp } from '../../../entities';
import type { CrmCustomerRow, CrmObjectRow, CrmPage } from '../../../dingtalk/crmApi';
import { writeChangedBySourceId } from './changedRows';
import { dropStaleCollaborations } from './crmDerived';
import { markSeen, removeUnseen } from './crmRemovals';
import { collaborationsFrom, customerFrom, dealFrom, fitId, followUpFrom, type OrgUnits } from './crmRows';
import { readsWhole, type CrmPass, type Phase } from './crmPass';

/** What writing CRM pages needs besides the page: the corp, customer names by id (kept current), units, problems. */
export interface CrmPageContext {
  corpId: string;
  /** Customer names by source id: filled as customer pages land, read by contracts and follow-ups. */
  customerNames: Map<string, string>;
  units: OrgUnits;
  /** Rows that could not be read, for the run's note. */
  problems: string[];
}

/** A page of any CRM list. */
export type AnyCrmPage = CrmPage<CrmCustomerRow> | CrmPage<CrmObjectRow>;

/**
 * Write one page of `phase` (only rows that are new or changed); on a whole read, remember the ids it showed so
 * the list's last page can tell what DingTalk no longer has. Returns the rows written.
 */
export async function writeCrmPage(em: EntityManager, ctx: CrmPageContext, pass: CrmPass, phase: Phase, page: AnyCrmPage, importedAt: Date): Promise<number> {
  const { corpId } = ctx;
  if (readsWhole(pass, phase)) {
    await markSeen(
      em,
      corpId,
      phase,
      page.rows.map((r) => fitId(r.instanceId)),
      pass.startedMs,
    );
  }
  if (phase === 'customers' || phase === 'personalCustomers') {
    const kind = phase === 'customers' ? 'enterprise' : 'personal';
    const customers = (page as CrmPage<CrmCustomerRow>).rows.map((r) => customerFrom(corpId, r, importedAt, kind));
    for (const c of customers) ctx.customerNames.set(c.sourceId, c.name);
    return writeChangedBySourceId(
      em,
      Customer,
      corpId,
      customers,
      ['name', 'ownerUserid', 'data', 'kind', 'removedAt'],
      ['name', 'owner_userid', 'data', 'kind', 'removed_at', 'imported_at'],
    );
  }
  if (phase === 'contracts') {
    const deals: Deal[] = [];
    for (const r of (page as CrmPage<CrmObjectRow>).rows) {
      const d = dealFrom(corpId, r, ctx.customerNames, importedAt);
      if ('problem' in d) ctx.problems.push(d.problem);
      else deals.push(d);
    }
    return writeChangedBySourceId(
      em,
      Deal,
      corpId,
      deals,
      ['customerSourceId', 'customerName', 'ownerUserid', 'amountFen', 'signedOn', 'renewalYears', 'status', 'removedAt'],
      ['customer_source_id', 'customer_name', 'owner_userid', 'amount_fen', 'signed_on', 'renewal_years', 'status', 'removed_at', 'imported_at'],
    );
  }
  const followUps: FollowUp[] = [];
  const events: CollaborationEvent[] = [];
  for (const r of (page as CrmPage<CrmObjectRow>).rows) {
    const f = followUpFrom(corpId, r, importedAt);
    if (!f) {
      ctx.problems.push(`跟进记录 ${r.instanceId} 时间无法识别`);
      continue;
    }
    followUps.push(f);
    const customerName = f.customerSourceId ? (ctx.customerNames.get(f.customerSourceId) ?? null) : null;
    events.push(...collaborationsFrom(corpId, f, r.participantUserIds, customerName, ctx.units, importedAt));
  }
  let rows = await writeChangedBySourceId(
    em,
    FollowUp,
    corpId,
    followUps,
    ['ownerUserid', 'customerSourceId', 'followedAt', 'content', 'modifiedAt', 'removedAt'],
    ['owner_userid', 'customer_source_id', 'followed_at', 'content', 'modified_at', 'removed_at', 'imported_at'],
  );
  rows += await dropStaleCollaborations(em, corpId, followUps, events);
  rows += await writeChangedBySourceId(
    em,
    CollaborationEvent,
    corpId,
    events,
    ['userid', 'withDepartment', 'customerName', 'occurredOn'],
    ['userid', 'with_department', 'customer_name', 'occurred_on', 'imported_at'],
  );
  return rows;
}

/**
 * After the last page of a whole read of `phase`: what this pass did not see of the list is gone from DingTalk and
 * is marked removed (a removed follow-up's collaborations go with it). Returns the rows written and how many were
 * removed.
 */
export async function closeCrmList(
  em: EntityManager,
  corpId: string,
  pass: CrmPass,
  phase: Phase,
  importedAt: Date,
): Promise<{ rows: number; removed: number }> {
  const gone = await removeUnseen(em, corpId, phase, pass.startedMs, pass.followUpsSinceMs, importedAt);
  let rows = gone.length;
  if (phase === 'followUps')
    rows += await dropStaleCollaborations(
      em,
      corpId,
      gone.map((sourceId) => ({ sourceId })),
      [],
    );
  return { rows, removed: gone.length };
}
