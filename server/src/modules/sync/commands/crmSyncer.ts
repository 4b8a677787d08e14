import type { DataSource } from 'typeorm';
import { zh } from '@liucai/shared';
import { Customer } from '../../../entities';
import { DingTalkError } from '../../../dingtalk/errors';
import { CRM_CUSTOMER_OBJECT_TYPE, CRM_MAX_RESULTS, CRM_PARAM_ERROR, CRM_PERSONAL_CUSTOMER_OBJECT_TYPE } from '../../../dingtalk/wireFacts';
import { callsAvailable, spendCalls } from './callBudget';
import { readCheckpoint, saveCheckpoint } from './checkpoints';
import { deriveSegments, loadOrgUnits } from './crmDerived';
import { closeCrmList, writeCrmPage, type AnyCrmPage, type CrmPageContext } from './crmPageWriter';
import { modifiedSince, passToRun, PHASE_LABELS, PHASES, positionAfter, readsWhole, removalNote, type CrmPass, type CrmPosition, type Phase } from './crmPass';
import { CRM_CHECKPOINT, DEFAULT_CRM_SETTINGS, type CrmSettings, type CrmSource } from './crmSettings';
import { quotaStopNote, syncAllowance } from './quotaStop';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';

export { CRM_CHECKPOINT, CRM_OVERLAP_MS, DEFAULT_CRM_SETTINGS, type CrmSettings, type CrmSource } from './crmSettings';

/** Read the page of the pass's current list at `token`. */
function fetchPage(source: CrmSource, settings: CrmSettings, pass: CrmPass, token: string | undefined): Promise<AnyCrmPage> {
  if (pass.phase === 'customers') return source.crmCustomers(CRM_CUSTOMER_OBJECT_TYPE, token, CRM_MAX_RESULTS, settings.operatorUserid);
  if (pass.phase === 'personalCustomers') return source.crmCustomers(CRM_PERSONAL_CUSTOMER_OBJECT_TYPE, token, CRM_MAX_RESULTS, settings.operatorUserid);
  const name = pass.phase === 'contracts' ? settings.contractObject : settings.followRecordObject;
  const since = pass.phase === 'contracts' ? pass.contractsSinceMs : pass.followUpsSinceMs;
  return source.crmObjects(name, since === null ? undefined : modifiedSince(since), token, CRM_MAX_RESULTS, settings.operatorUserid);
}

/** The run's note: rows skipped, rows DingTalk removed, and (when it stopped early) why. */
const joinNotes = (...parts: (string | null)[]): string | null => {
  const note = parts.filter(Boolean).join('；');
  return note === '' ? null : note;
};

/**
 * CRM sync (doc 5): enterprise and personal customers (POST /v1.0/crm/customerInstances, objectType crm_customer
 * then crm_customer_personal), then the contract object and the follow-record object
 * (POST /v1.0/crm/customObjects/datas/query), 100 rows a page. A full pass (the first, then every `fullPassDays`)
 * reads both customer lists, every contract and the follow records of the last `followUpLookbackDays` days (later
 * full passes: `followUpRecheckDays`); passes in between read only contracts and follow records modified since the
 * previous pass began (less a day of overlap) — crmPass.ts. When a list of a full pass is read to its end, stored
 * rows of it that the pass did not see are marked removed (crmRemovals.ts); a row listed again is un-removed. Each
 * page lands with the checkpoint (phase + nextToken), the ids it showed and the calls it spent (crmPageWriter.ts),
 * so a crash resumes at the page in flight; at the end segments and first/last deal dates are derived
 * (crmDerived.ts). Only changed rows are written, so a re-run writes nothing. When the month's metered calls run
 * out, or DingTalk refuses a call for the monthly quota, the pass stops at a page boundary and the next run
 * continues it.
 */
export async function syncCrm(
  deps: { ds: DataSource; source: CrmSource; apiCalls: () => number; monthlyCallLimit: number; notifyShare?: number; crm?: CrmSettings; now?: () => Date },
  corpId: string,
  report: ReportProgress,
): Promise<TrackedOutcome> {
  const { ds, source } = deps;
  const settings = deps.crm ?? DEFAULT_CRM_SETTINGS;
  const now = deps.now ?? (() => new Date());
  const saved = await readCheckpoint<CrmPosition>(ds, corpId, CRM_CHECKPOINT);
  let resumedToken = saved?.pass?.nextToken ?? null;
  const pass = passToRun(saved, settings, now().getTime());
  const ctx: CrmPageContext = {
    corpId,
    units: await loadOrgUnits(ds, corpId),
    customerNames: new Map(
      (await ds.getRepository(Customer).find({ where: { corpId, source: 'dingtalk' }, select: { sourceId: true, name: true } })).map((c) => [
        c.sourceId,
        c.name,
      ]),
    ),
    problems: [],
  };
  const available = await callsAvailable(ds, corpId, 'crm', syncAllowance(deps), now());
  const runStartCalls = deps.apiCalls();
  let rows = 0;
  let passDone = false;
  const removed: Record<Phase, number> = { customers: 0, personalCustomers: 0, contracts: 0, followUps: 0 };
  const skippedNote = () => (ctx.problems.length ? `${ctx.problems.length} 条 CRM 记录无法识别已跳过，例如：${ctx.problems.slice(0, 3).join('；')}` : null);

  for (;;) {
    if (deps.apiCalls() - runStartCalls >= available) {
      const note = zh`本月计量调用已用完（上限 ${deps.monthlyCallLimit} 次）：CRM 同步已读 ${pass.pages} 页，停在${PHASE_LABELS[pass.phase]}，预算恢复后从这里继续`;
      return { rows, note: joinNotes(note, removalNote(removed)) };
    }
    const callsBefore = deps.apiCalls();
    let page: AnyCrmPage;
    try {
      page = await fetchPage(source, settings, pass, pass.nextToken ?? undefined);
    } catch (err) {
      // Calls that failed were still made (and retried): they count against the month's budget too.
      await spendCalls(ds.manager, corpId, 'crm', deps.apiCalls() - callsBefore, now());
      // A token saved before a crash may have expired at DingTalk; the phase is read again from its start
      // (rows are compared before writing, so re-reading costs calls, not correctness).
      if (resumedToken !== null && pass.nextToken === resumedToken && err instanceof DingTalkError && err.code === CRM_PARAM_ERROR) {
        resumedToken = null;
        pass.nextToken = null;
        continue;
      }
      const stop = await quotaStopNote(ds, corpId, err, zh`CRM 同步已读 ${pass.pages} 页，停在${PHASE_LABELS[pass.phase]}`, now());
      if (stop === null) throw err;
      return { rows, note: joinNotes(stop, skippedNote(), removalNote(removed)) };
    }
    resumedToken = null;
    const importedAt = now();
    await ds.transaction(async (em) => {
      const phase = pass.phase;
      rows += await writeCrmPage(em, ctx, pass, phase, page, importedAt);
      pass.pages += 1;
      pass.nextToken = page.nextToken ?? null;
      if (pass.nextToken === null && readsWhole(pass, phase)) {
        // The list's last page: what this pass did not see of it is gone from DingTalk.
        const closed = await closeCrmList(em, corpId, pass, phase, importedAt);
        removed[phase] += closed.removed;
        rows += closed.rows;
      }
      const nextPhase = PHASES[PHASES.indexOf(pass.phase) + 1];
      if (pass.nextToken === null && nextPhase) pass.phase = nextPhase;
      passDone = pass.nextToken === null && !nextPhase;
      if (passDone) rows += await deriveSegments(em, corpId, settings);
      await saveCheckpoint(em, corpId, CRM_CHECKPOINT, positionAfter(pass, passDone, saved));
      await spendCalls(em, corpId, 'crm', deps.apiCalls() - callsBefore, now());
    });
    report(pass.phase, pass.pages, pass.pages + 1);
    if (passDone) break;
  }
  return { rows, note: joinNotes(skippedNote(), removalNote(removed)) };
}
