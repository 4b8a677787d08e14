import { Brackets, In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { CollaborationEvent, Customer, Deal, Department, Departure, FollowUp, User } from '../../../entities';
import type { CrmCustomerRow, CrmCustomerType, CrmObjectRow, CrmPage } from '../../../dingtalk/crmApi';
import { DingTalkError } from '../../../dingtalk/errors';
import {
  CRM_CUSTOMER_OBJECT_TYPE,
  CRM_DSL_GE,
  CRM_DSL_MODIFIED_FIELD,
  CRM_MAX_RESULTS,
  CRM_PARAM_ERROR,
  CRM_PERSONAL_CUSTOMER_OBJECT_TYPE,
  DEFAULT_CRM_CONTRACT_OBJECT,
  DEFAULT_CRM_FOLLOW_RECORD_OBJECT,
} from '../../../dingtalk/wireFacts';
import { addMeteredCalls, meteredCallsThisMonth } from './callBudget';
import { upsertBySourceId, writeChangedBySourceId } from './changedRows';
import { readCheckpoint, saveCheckpoint } from './checkpoints';
import { collaborationsFrom, customerFrom, dealFrom, fitId, followUpFrom, type OrgUnits } from './crmRows';
import { markSeen, removeUnseen, type CrmList } from './crmRemovals';
import { customerSegment, DEFAULT_SEGMENT_THRESHOLDS, type SegmentThresholds } from './customerSegments';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';

/** The DingTalk CRM calls the sync needs (CrmApi, as DingTalkPort.data offers them). */
export interface CrmSource {
  crmCustomers(objectType: CrmCustomerType, nextToken: string | undefined, maxResults: number, operatorUserId?: string): Promise<CrmPage<CrmCustomerRow>>;
  crmObjects(
    name: string,
    queryDsl: string | undefined,
    nextToken: string | undefined,
    maxResults: number,
    operatorUserId?: string,
  ): Promise<CrmPage<CrmObjectRow>>;
}

/** What the CRM sync is configured with (config.crm). */
export interface CrmSettings extends SegmentThresholds {
  contractObject: string;
  followRecordObject: string;
  operatorUserid?: string | undefined;
  followUpLookbackDays: number;
  /** Days between full passes. */
  fullPassDays: number;
  /** Days of follow records a full pass after the first re-reads (and so can find deleted). */
  followUpRecheckDays: number;
}

/** The configuration defaults (for callers without a config, e.g. benchmarks). */
export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  ...DEFAULT_SEGMENT_THRESHOLDS,
  contractObject: DEFAULT_CRM_CONTRACT_OBJECT,
  followRecordObject: DEFAULT_CRM_FOLLOW_RECORD_OBJECT,
  followUpLookbackDays: 180,
  fullPassDays: 7,
  followUpRecheckDays: 30,
};

export const CRM_CHECKPOINT = 'crm';
/** A later pass re-reads contracts and follow records changed this long before the previous pass began. */
export const CRM_OVERLAP_MS = 86_400_000;
/*
 * A full pass (all customers, personal ones too, all contracts, and recent follow records) runs every
 * `fullPassDays` (CRM_FULL_PASS_DAYS, default weekly); passes in between read contracts and follow records changed
 * since the previous pass. customerInstances has no filter, so every read of it is a full one (10,000 people ≈
 * 50,000 customers ≈ 500 calls): nightly that alone would spend more than the standard edition's 10,000 metered
 * calls a month. Contracts carry their customer's id and name, so deals link in between. List APIs do not report
 * deletions: only a full read shows what DingTalk no longer has (crmRemovals.ts), so a deletion is seen within one
 * interval. The first pass reads `followUpLookbackDays` of follow records; later full passes re-read only
 * `followUpRecheckDays` (default 30), since the whole 180 days weekly would cost ≈2,700 calls a week at 10,000 people.
 */
const DAY_MS = 86_400_000;

type Phase = CrmList;
const PHASES: readonly Phase[] = ['customers', 'personalCustomers', 'contracts', 'followUps'];

/** A pass over the CRM lists: where it is, and from when contracts and follow records are read. */
interface CrmPass {
  startedMs: number;
  phase: Phase;
  nextToken: string | null;
  /** Null: all contracts (a full pass). */
  contractsSinceMs: number | null;
  followUpsSinceMs: number;
  /** The follow records of the whole lookback window are read (a full pass), not only those changed since the last. */
  followUpsFull?: boolean;
  pages: number;
  /** A full pass (the first, then every `fullPassDays`): it reads all customers. */
  readsCustomers: boolean;
}

interface CrmPosition extends Record<string, unknown> {
  pass: CrmPass | null;
  lastPassStartedMs: number | null;
  /** When the last full pass began (named for when only customers were read in full). */
  customersReadMs: number | null;
}

/** Whether this pass reads `phase` whole, so that what it did not see is gone from DingTalk. */
const readsWhole = (pass: CrmPass, phase: Phase) =>
  phase === 'customers' || phase === 'personalCustomers' ? true : phase === 'contracts' ? pass.contractsSinceMs === null : pass.followUpsFull === true;

/** queryDsl "modified at or after `ms`" (format UNCONFIRMED for v1.0, see wireFacts). */
const modifiedSince = (ms: number) =>
  JSON.stringify({ queryGroupList: [{ logicType: 'AND', queryObjectList: [{ fieldId: CRM_DSL_MODIFIED_FIELD, filterType: CRM_DSL_GE, value: String(ms) }] }] });

/** The unit (department directly under the root) of each synced person's main department. */
async function loadOrgUnits(ds: DataSource, corpId: string): Promise<OrgUnits> {
  const depts = new Map((await ds.getRepository(Department).findBy({ corpId })).map((d) => [Number(d.deptId), d]));
  const users = new Map(
    (await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, mainDeptId: true } })).map((u) => [u.userid, u.mainDeptId]),
  );
  // People who left before any org sync saw them are placed by the main department DingTalk's dismission gave.
  for (const d of await ds.getRepository(Departure).find({ where: { corpId, source: 'dingtalk' }, select: { userid: true, mainDeptId: true } })) {
    if (!users.has(d.userid)) users.set(d.userid, d.mainDeptId);
  }
  const unitCache = new Map<number, { deptId: number; name: string } | undefined>();
  const unitOfDept = (deptId: number): { deptId: number; name: string } | undefined => {
    if (unitCache.has(deptId)) return unitCache.get(deptId);
    let dept = depts.get(deptId);
    for (let hops = 0; dept && hops < 50; hops++) {
      const parent = dept.parentId === null ? undefined : depts.get(Number(dept.parentId));
      if (!parent || parent.parentId === null) break;
      dept = parent;
    }
    // A person directly in the root has no unit of their own.
    const unit = dept && dept.parentId !== null ? { deptId: Number(dept.deptId), name: dept.name } : undefined;
    unitCache.set(deptId, unit);
    return unit;
  };
  return {
    unitOf: (userid) => {
      const main = users.get(userid);
      return main === null || main === undefined ? undefined : unitOfDept(Number(main));
    },
  };
}

/**
 * Collaborations a re-read follow-up no longer gives (a participant was removed, or moved to another department).
 * Events are keyed `crm:<follow-up>:<department>`, so a follow-up's events are found by prefix.
 */
async function dropStaleCollaborations(em: EntityManager, corpId: string, followUps: { sourceId: string }[], events: CollaborationEvent[]): Promise<number> {
  if (followUps.length === 0) return 0;
  if (followUps.length > 200) {
    // Keep each statement's LIKE list short (the follow-ups a full pass found removed can be many).
    let n = 0;
    for (let i = 0; i < followUps.length; i += 200) n += await dropStaleCollaborations(em, corpId, followUps.slice(i, i + 200), events);
    return n;
  }
  const keep = new Set(events.map((e) => e.sourceId));
  const qb = em
    .getRepository(CollaborationEvent)
    .createQueryBuilder('e')
    .select('e.source_id', 'sourceId')
    .where("e.corp_id = :corpId AND e.source = 'dingtalk'", { corpId });
  qb.andWhere(
    new Brackets((or) => {
      // '!' escapes LIKE's wildcards the same way in MySQL and SQLite (a backslash would not).
      followUps.forEach((f, i) => or.orWhere(`e.source_id LIKE :p${i} ESCAPE '!'`, { [`p${i}`]: `crm:${f.sourceId.replace(/[!%_]/g, (c) => `!${c}`)}:%` }));
    }),
  );
  const stale = (await qb.getRawMany<{ sourceId: string }>()).map((r) => r.sourceId).filter((id) => !keep.has(id));
  if (stale.length > 0) await em.delete(CollaborationEvent, { corpId, source: 'dingtalk', sourceId: In(stale) });
  return stale.length;
}

/** Recompute every CRM customer's segment and first/last deal from its deals that were not cancelled. */
async function deriveSegments(em: EntityManager, corpId: string, t: SegmentThresholds): Promise<number> {
  const deals = await em.find(Deal, {
    where: { corpId, source: 'dingtalk', customerSourceId: Not(IsNull()), status: Not('cancelled'), removedAt: IsNull() },
    select: { sourceId: true, customerSourceId: true, amountFen: true, signedOn: true },
  });
  const byCustomer = new Map<string, { amountFen: number; signedOn: string; sourceId: string }[]>();
  for (const d of deals) {
    const list = byCustomer.get(d.customerSourceId!) ?? [];
    list.push({ amountFen: Number(d.amountFen), signedOn: d.signedOn, sourceId: d.sourceId });
    byCustomer.set(d.customerSourceId!, list);
  }
  const customers = await em.find(Customer, { where: { corpId, source: 'dingtalk' } });
  const changed: Customer[] = [];
  for (const c of customers) {
    const list = (byCustomer.get(c.sourceId) ?? []).sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.sourceId.localeCompare(b.sourceId));
    const next = { segment: customerSegment(list, t), firstDealOn: list[0]?.signedOn ?? null, lastDealOn: list.at(-1)?.signedOn ?? null };
    if (c.segment !== next.segment || c.firstDealOn !== next.firstDealOn || c.lastDealOn !== next.lastDealOn) changed.push(Object.assign(c, next));
  }
  await upsertBySourceId(em, Customer, changed, ['segment', 'first_deal_on', 'last_deal_on']);
  return changed.length;
}

/**
 * CRM sync (doc 5): enterprise and personal customers (POST /v1.0/crm/customerInstances, objectType crm_customer
 * then crm_customer_personal), then the contract object and the follow-record object
 * (POST /v1.0/crm/customObjects/datas/query), 100 rows a page. A full pass (the first, then every `fullPassDays`)
 * reads both customer lists, every contract and the follow records of the last `followUpLookbackDays` days (later
 * full passes: `followUpRecheckDays`); passes in between read only contracts and follow records modified since the previous
 * pass began (less a day of overlap). When a list of a full pass is read to its end, stored rows of it that the pass
 * did not see are marked removed (crmRemovals.ts); a row listed again is un-removed. Each page lands with the
 * checkpoint (phase + nextToken), the ids it showed and the calls it spent, so a crash resumes at the page in
 * flight; at the end segments and first/last deal dates are derived. Only changed rows are written, so a re-run
 * writes nothing. When the month's metered-call budget runs out the pass stops at a page boundary and the next run
 * continues it.
 */
export async function syncCrm(
  deps: { ds: DataSource; source: CrmSource; apiCalls: () => number; monthlyCallLimit: number; crm?: CrmSettings; now?: () => Date },
  corpId: string,
  report: ReportProgress,
): Promise<TrackedOutcome> {
  const { ds, source } = deps;
  const settings = deps.crm ?? DEFAULT_CRM_SETTINGS;
  const now = deps.now ?? (() => new Date());
  const saved = await readCheckpoint<CrmPosition>(ds, corpId, CRM_CHECKPOINT);
  const lastPassStartedMs = saved?.lastPassStartedMs ?? null;
  const customersReadMs = saved?.customersReadMs ?? null;
  let resumedToken = saved?.pass?.nextToken ?? null;
  const full = customersReadMs === null || now().getTime() - customersReadMs >= settings.fullPassDays * DAY_MS;
  const followUpDays = customersReadMs === null ? settings.followUpLookbackDays : Math.min(settings.followUpLookbackDays, settings.followUpRecheckDays);
  const pass: CrmPass = saved?.pass ?? {
    startedMs: now().getTime(),
    phase: full ? 'customers' : 'contracts',
    readsCustomers: full,
    nextToken: null,
    contractsSinceMs: full || lastPassStartedMs === null ? null : lastPassStartedMs - CRM_OVERLAP_MS,
    followUpsSinceMs: full || lastPassStartedMs === null ? now().getTime() - followUpDays * DAY_MS : lastPassStartedMs - CRM_OVERLAP_MS,
    followUpsFull: full,
    pages: 0,
  };
  const units = await loadOrgUnits(ds, corpId);
  const customerNames = new Map(
    (await ds.getRepository(Customer).find({ where: { corpId, source: 'dingtalk' }, select: { sourceId: true, name: true } })).map((c) => [c.sourceId, c.name]),
  );
  const usedBefore = await meteredCallsThisMonth(ds, corpId, now());
  const runStartCalls = deps.apiCalls();
  const problems: string[] = [];
  let rows = 0;
  let passDone = false;
  const removed: Record<Phase, number> = { customers: 0, personalCustomers: 0, contracts: 0, followUps: 0 };

  const fetchPage = (token: string | undefined): Promise<CrmPage<CrmCustomerRow> | CrmPage<CrmObjectRow>> => {
    if (pass.phase === 'customers') return source.crmCustomers(CRM_CUSTOMER_OBJECT_TYPE, token, CRM_MAX_RESULTS, settings.operatorUserid);
    if (pass.phase === 'personalCustomers') return source.crmCustomers(CRM_PERSONAL_CUSTOMER_OBJECT_TYPE, token, CRM_MAX_RESULTS, settings.operatorUserid);
    const name = pass.phase === 'contracts' ? settings.contractObject : settings.followRecordObject;
    const since = pass.phase === 'contracts' ? pass.contractsSinceMs : pass.followUpsSinceMs;
    return source.crmObjects(name, since === null ? undefined : modifiedSince(since), token, CRM_MAX_RESULTS, settings.operatorUserid);
  };

  for (;;) {
    if (usedBefore + (deps.apiCalls() - runStartCalls) >= deps.monthlyCallLimit) {
      const note = `本月计量调用已用完（上限 ${deps.monthlyCallLimit} 次）：CRM 同步已读 ${pass.pages} 页，停在${PHASE_LABELS[pass.phase]}，预算恢复后从这里继续`;
      return { rows, note: [note, removalNote(removed)].filter(Boolean).join('；') };
    }
    const callsBefore = deps.apiCalls();
    let page: CrmPage<CrmCustomerRow> | CrmPage<CrmObjectRow>;
    try {
      page = await fetchPage(pass.nextToken ?? undefined);
    } catch (err) {
      // Calls that failed were still made (and retried): they count against the month's budget too.
      await addMeteredCalls(ds.manager, corpId, deps.apiCalls() - callsBefore, now());
      // A token saved before a crash may have expired at DingTalk; the phase is read again from its start
      // (rows are compared before writing, so re-reading costs calls, not correctness).
      if (resumedToken !== null && pass.nextToken === resumedToken && err instanceof DingTalkError && err.code === CRM_PARAM_ERROR) {
        resumedToken = null;
        pass.nextToken = null;
        continue;
      }
      throw err;
    }
    resumedToken = null;
    const importedAt = now();
    await ds.transaction(async (em) => {
      const phase = pass.phase;
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
        for (const c of customers) customerNames.set(c.sourceId, c.name);
        rows += await writeChangedBySourceId(
          em,
          Customer,
          corpId,
          customers,
          ['name', 'ownerUserid', 'data', 'kind', 'removedAt'],
          ['name', 'owner_userid', 'data', 'kind', 'removed_at', 'imported_at'],
        );
      } else if (phase === 'contracts') {
        const deals: Deal[] = [];
        for (const r of (page as CrmPage<CrmObjectRow>).rows) {
          const d = dealFrom(corpId, r, customerNames, importedAt);
          if ('problem' in d) problems.push(d.problem);
          else deals.push(d);
        }
        rows += await writeChangedBySourceId(
          em,
          Deal,
          corpId,
          deals,
          ['customerSourceId', 'customerName', 'ownerUserid', 'amountFen', 'signedOn', 'renewalYears', 'status', 'removedAt'],
          ['customer_source_id', 'customer_name', 'owner_userid', 'amount_fen', 'signed_on', 'renewal_years', 'status', 'removed_at', 'imported_at'],
        );
      } else {
        const followUps: FollowUp[] = [];
        const events: CollaborationEvent[] = [];
        for (const r of (page as CrmPage<CrmObjectRow>).rows) {
          const f = followUpFrom(corpId, r, importedAt);
          if (!f) {
            problems.push(`跟进记录 ${r.instanceId} 时间无法识别`);
            continue;
          }
          followUps.push(f);
          const customerName = f.customerSourceId ? (customerNames.get(f.customerSourceId) ?? null) : null;
          events.push(...collaborationsFrom(corpId, f, r.participantUserIds, customerName, units, importedAt));
        }
        rows += await writeChangedBySourceId(
          em,
          FollowUp,
          corpId,
          followUps,
          ['ownerUserid', 'customerSourceId', 'followedAt', 'modifiedAt', 'removedAt'],
          ['owner_userid', 'customer_source_id', 'followed_at', 'modified_at', 'removed_at', 'imported_at'],
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
      }
      pass.pages += 1;
      pass.nextToken = page.nextToken ?? null;
      if (pass.nextToken === null && readsWhole(pass, phase)) {
        // The list's last page: what this pass did not see of it is gone from DingTalk.
        const gone = await removeUnseen(em, corpId, phase, pass.startedMs, pass.followUpsSinceMs, importedAt);
        if (phase === 'followUps')
          rows += await dropStaleCollaborations(
            em,
            corpId,
            gone.map((sourceId) => ({ sourceId })),
            [],
          );
        removed[phase] += gone.length;
        rows += gone.length;
      }
      const nextPhase = PHASES[PHASES.indexOf(pass.phase) + 1];
      if (pass.nextToken === null && nextPhase) pass.phase = nextPhase;
      passDone = pass.nextToken === null && !nextPhase;
      if (passDone) {
        rows += await deriveSegments(em, corpId, settings);
        const position: CrmPosition = {
          pass: null,
          lastPassStartedMs: pass.startedMs,
          customersReadMs: pass.readsCustomers ? pass.startedMs : customersReadMs,
        };
        await saveCheckpoint(em, corpId, CRM_CHECKPOINT, position);
      } else {
        await saveCheckpoint(em, corpId, CRM_CHECKPOINT, { pass, lastPassStartedMs, customersReadMs } satisfies CrmPosition);
      }
      await addMeteredCalls(em, corpId, deps.apiCalls() - callsBefore, now());
    });
    report(pass.phase, pass.pages, pass.pages + 1);
    if (passDone) break;
  }
  const skipped = problems.length ? `${problems.length} 条 CRM 记录无法识别已跳过，例如：${problems.slice(0, 3).join('；')}` : null;
  const note = [skipped, removalNote(removed)].filter(Boolean).join('；');
  return { rows, note: note === '' ? null : note };
}

const PHASE_LABELS: Record<Phase, string> = { customers: '客户', personalCustomers: '个人客户', contracts: '合同', followUps: '跟进记录' };

/** "removed N" for the run's note: rows DingTalk no longer has, per list; null when none. */
function removalNote(removed: Record<Phase, number>): string | null {
  const total = PHASES.reduce((n, p) => n + removed[p], 0);
  if (total === 0) return null;
  const parts = PHASES.filter((p) => removed[p] > 0).map((p) => `${PHASE_LABELS[p]} ${removed[p]}`);
  return `钉钉中已删除 ${total} 条，已标记为移除（${parts.join('，')}）`;
}
