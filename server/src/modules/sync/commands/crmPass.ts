import { CRM_DSL_GE, CRM_DSL_MODIFIED_FIELD } from '../../../dingtalk/wireFacts';
import type { CrmList } from './crmRemovals';
import { CRM_OVERLAP_MS, type CrmSettings } from './crmSettings';

/*
 * A full pass (all customers, personal ones too, all contracts, and recent follow records) runs every
 * `fullPassDays` (CRM_FULL_PASS_DAYS, default weekly); passes in between read contracts and follow records changed
 * since the previous pass. customerInstances has no filter, so every read of it is a full one (10,000 people ≈
 * 50,000 customers ≈ 500 calls): nightly that alone would spend more than the standard edition's metered calls a
 * month. Contracts carry their customer's id and name, so deals link in between. List APIs do not report
 * deletions: only a full read shows what DingTalk no longer has (crmRemovals.ts), so a deletion is seen within one
 * interval. The first pass reads `followUpLookbackDays` of follow records; later full passes re-read only
 * `followUpRecheckDays` (default 30), since the whole 180 days weekly would cost ≈2,700 calls a week at 10,000 people.
 */
const DAY_MS = 86_400_000;

export type Phase = CrmList;
export const PHASES: readonly Phase[] = ['customers', 'personalCustomers', 'contracts', 'followUps'];
export const PHASE_LABELS: Record<Phase, string> = { customers: '客户', personalCustomers: '个人客户', contracts: '合同', followUps: '跟进记录' };

/** A pass over the CRM lists: where it is, and from when contracts and follow records are read. */
export interface CrmPass {
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

/** The CRM checkpoint: the pass in flight, and when the last pass and the last full pass began. */
export interface CrmPosition extends Record<string, unknown> {
  pass: CrmPass | null;
  lastPassStartedMs: number | null;
  /** When the last full pass began (named for when only customers were read in full). */
  customersReadMs: number | null;
}

/** Whether this pass reads `phase` whole, so that what it did not see is gone from DingTalk. */
export const readsWhole = (pass: CrmPass, phase: Phase) =>
  phase === 'customers' || phase === 'personalCustomers' ? true : phase === 'contracts' ? pass.contractsSinceMs === null : pass.followUpsFull === true;

/** queryDsl "modified at or after `ms`" (format UNCONFIRMED for v1.0, see wireFacts). */
export const modifiedSince = (ms: number) =>
  JSON.stringify({ queryGroupList: [{ logicType: 'AND', queryObjectList: [{ fieldId: CRM_DSL_MODIFIED_FIELD, filterType: CRM_DSL_GE, value: String(ms) }] }] });

/** The pass to run now: the one a crash left in flight, else a new full or incremental pass. */
export function passToRun(saved: CrmPosition | null, settings: CrmSettings, nowMs: number): CrmPass {
  if (saved?.pass) return saved.pass;
  const lastPassStartedMs = saved?.lastPassStartedMs ?? null;
  const customersReadMs = saved?.customersReadMs ?? null;
  const full = customersReadMs === null || nowMs - customersReadMs >= settings.fullPassDays * DAY_MS;
  const followUpDays = customersReadMs === null ? settings.followUpLookbackDays : Math.min(settings.followUpLookbackDays, settings.followUpRecheckDays);
  return {
    startedMs: nowMs,
    phase: full ? 'customers' : 'contracts',
    readsCustomers: full,
    nextToken: null,
    contractsSinceMs: full || lastPassStartedMs === null ? null : lastPassStartedMs - CRM_OVERLAP_MS,
    followUpsSinceMs: full || lastPassStartedMs === null ? nowMs - followUpDays * DAY_MS : lastPassStartedMs - CRM_OVERLAP_MS,
    followUpsFull: full,
    pages: 0,
  };
}

/** The checkpoint after a page: the pass in flight, or (when it is done) when it and the last full pass began. */
export function positionAfter(pass: CrmPass, done: boolean, saved: CrmPosition | null): CrmPosition {
  const lastPassStartedMs = saved?.lastPassStartedMs ?? null;
  const customersReadMs = saved?.customersReadMs ?? null;
  if (!done) return { pass, lastPassStartedMs, customersReadMs };
  return { pass: null, lastPassStartedMs: pass.startedMs, customersReadMs: pass.readsCustomers ? pass.startedMs : customersReadMs };
}

/** "removed N" for the run's note: rows DingTalk no longer has, per list; null when none. */
export function removalNote(removed: Record<Phase, number>): string | null {
  const total = PHASES.reduce((n, p) => n + removed[p], 0);
  if (total === 0) return null;
  const parts = PHASES.filter((p) => removed[p] > 0).map((p) => `${PHASE_LABELS[p]} ${removed[p]}`);
  return `钉钉中已删除 ${total} 条，已标记为移除（${parts.join('，')}）`;
}
