import { In, type DataSource, type EntityManager } from 'typeorm';
import { LeaveRecord } from '../../../entities';
import type { ApprovalInstance } from '../../../dingtalk/attendanceApi';
import { LEAVE_FORM_COMPONENT, WORKFLOW_LIST_MAX_DAYS, WORKFLOW_LIST_MAX_RESULTS } from '../../../dingtalk/wireFacts';
import { addDays, daysBetween, shanghaiDate, shanghaiMidnight, windowEnd } from '../../../util/dates';
import { Semaphore } from '../../../util/semaphore';
import { callsAvailable, spendCalls } from './callBudget';
import { quotaStopNote, syncAllowance } from './quotaStop';
import { writeChangedBySourceId } from './changedRows';
import { readDayCheckpoint, saveCheckpoint } from './checkpoints';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';

/** The DingTalk calls the approval-based leave sync needs (a subset of AttendanceApi). */
export interface LeaveApprovalSource {
  listApprovalIds(
    processCode: string,
    fromMs: number,
    toMs: number,
    nextToken: number,
    maxResults: number,
  ): Promise<{ ids: string[]; nextToken: number | undefined }>;
  getApproval(processInstanceId: string): Promise<ApprovalInstance>;
}

export interface LeaveApprovalSyncDeps {
  ds: DataSource;
  source: LeaveApprovalSource;
  apiCalls: () => number;
  concurrency: number;
  monthlyCallLimit: number;
  /** Share of the month's calls kept for work notifications (0 when absent). */
  notifyShare?: number;
  lookbackDays: number;
  /** The 请假 form's process code. */
  processCode: string;
  now?: () => Date;
}

export const LEAVE_APPROVALS_CHECKPOINT = 'leave-approvals';
/** Approvals are decided after they are filed: every run lists this many days before its checkpoint again. */
export const APPROVAL_OVERLAP_DAYS = 30;
/** Instance details are written this many at a time, so a crash loses little. */
const DETAIL_CHUNK = 50;

type ApprovalState = LeaveRecord['approvalState'];
/** States that never change again: an instance stored in one is not fetched again. */
const FINAL_STATES: readonly ApprovalState[] = ['approved', 'rejected', 'cancelled'];

/** Our approval state of an instance's status/result (doc 4.4; the lists are UNCONFIRMED, see wireFacts). */
export function approvalStateOf(status: string, result: string): ApprovalState {
  if (status === 'COMPLETED') return result === 'agree' ? 'approved' : 'rejected';
  if (status === 'TERMINATED' || status === 'CANCELED') return 'cancelled';
  return 'pending';
}

/** "yyyy-MM-dd HH:mm" (or with seconds, or a date alone) in Beijing time, as ms; undefined when unreadable. */
function beijingMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - 8 * 3600 * 1000;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The leave an approval instance asks for, from the form's holiday component: value
 * [start, end, duration, unit, leave name, …] and extValue {leaveCode}. Undefined when the form carries none.
 */
export function leaveOfInstance(corpId: string, i: ApprovalInstance, importedAt: Date): LeaveRecord | undefined {
  const field = i.formComponentValues.find((f) => f.componentType === LEAVE_FORM_COMPONENT);
  if (!field?.value || !i.originatorUserId) return undefined;
  let value: unknown;
  let ext: unknown;
  try {
    value = JSON.parse(field.value);
    ext = field.extValue ? JSON.parse(field.extValue) : {};
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const [start, end, duration, unit, name] = value as unknown[];
  const startMs = beijingMs(start);
  const endMs = beijingMs(end);
  const amount = typeof duration === 'number' ? duration : Number(duration);
  if (startMs === undefined || endMs === undefined || !Number.isFinite(amount)) return undefined;
  const code =
    ext && typeof ext === 'object' && typeof (ext as { leaveCode?: unknown }).leaveCode === 'string' ? (ext as { leaveCode: string }).leaveCode : undefined;
  return Object.assign(new LeaveRecord(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: i.processInstanceId.slice(0, 64),
    userid: i.originatorUserId,
    leaveType: (code ?? (typeof name === 'string' ? name : '')).slice(0, 64),
    startAt: new Date(startMs),
    endAt: new Date(endMs),
    durationUnit: unit === 'hour' ? ('hour' as const) : ('day' as const),
    durationHundredths: Math.round(amount * 100),
    approvalState: approvalStateOf(i.status, i.result),
    importedAt,
  });
}

const COMPARED: (keyof LeaveRecord)[] = ['userid', 'leaveType', 'startAt', 'endAt', 'durationUnit', 'durationHundredths', 'approvalState'];

/** Upsert leaves read from approval instances; only new or changed rows are written. Returns how many changed. */
export async function writeApprovalLeaves(em: EntityManager, corpId: string, leaves: LeaveRecord[]): Promise<number> {
  return writeChangedBySourceId(em, LeaveRecord, corpId, leaves, COMPARED, [
    'userid',
    'leave_type',
    'start_at',
    'end_at',
    'duration_unit',
    'duration_hundredths',
    'approval_state',
    'imported_at',
  ]);
}

/**
 * Leave sync from the 请假 form's approval instances (doc 4.4): for windows of ≤120 days of creation time from
 * APPROVAL_OVERLAP_DAYS before the checkpoint (or `lookbackDays` ago) to yesterday, list the instance ids (pages
 * of ≤20), then fetch details only for instances not already stored in a final state (approved, rejected,
 * cancelled), so a re-run costs the id pages alone. Instances still pending from before the re-read range are
 * fetched again at the end. Details land in chunks with their metered calls; the checkpoint moves per window.
 * When the month's budget cannot cover a window's details the run stops there and says so.
 */
export async function syncLeaveApprovals(deps: LeaveApprovalSyncDeps, corpId: string, report: ReportProgress): Promise<TrackedOutcome> {
  const progress = { rows: 0, through: null as string | null };
  try {
    return await readLeaveApprovals(deps, corpId, report, progress);
  } catch (err) {
    const stop = await quotaStopNote(deps.ds, corpId, err, `请假审批已同步到 ${progress.through ?? '（尚无）'}`, (deps.now ?? (() => new Date()))());
    if (stop === null) throw err;
    return { rows: progress.rows, note: stop };
  }
}

/** The body of syncLeaveApprovals; `progress` says how far it got, for the note when DingTalk stops it. */
async function readLeaveApprovals(
  deps: LeaveApprovalSyncDeps,
  corpId: string,
  report: ReportProgress,
  progress: { rows: number; through: string | null },
): Promise<TrackedOutcome> {
  const now = deps.now ?? (() => new Date());
  const yesterday = addDays(shanghaiDate(now()), -1);
  const checkpoint = await readDayCheckpoint(deps.ds, corpId, LEAVE_APPROVALS_CHECKPOINT, yesterday);
  const firstFrom = checkpoint ? addDays(checkpoint.through, -APPROVAL_OVERLAP_DAYS + 1) : addDays(yesterday, -(deps.lookbackDays - 1));
  const lanes = new Semaphore(deps.concurrency);
  const seen = new Set<string>();
  let rows = 0;
  let skipped = 0;
  let note: string | null = null;
  let through = checkpoint?.through ?? null;
  progress.through = through;

  /** Run DingTalk reads; if they fail, the calls they made still count before the error goes on. */
  const spentOnFailure = async <T>(callsBefore: number, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      await deps.ds.transaction((em) => spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now()));
      throw err;
    }
  };

  /** Fetch and write details of `ids`, chunk by chunk; false when the budget ran out first. */
  const fetchAndWrite = async (ids: string[], phase: string): Promise<boolean> => {
    for (let i = 0; i < ids.length; i += DETAIL_CHUNK) {
      const chunk = ids.slice(i, i + DETAIL_CHUNK);
      const remaining = await callsAvailable(deps.ds, corpId, 'leave', syncAllowance(deps), now());
      if (chunk.length > remaining) return false;
      const callsBefore = deps.apiCalls();
      const instances = await spentOnFailure(callsBefore, () => Promise.all(chunk.map((id) => lanes.run(() => deps.source.getApproval(id)))));
      const importedAt = now();
      const leaves = instances.map((x) => leaveOfInstance(corpId, x, importedAt)).filter((l): l is LeaveRecord => l !== undefined);
      skipped += instances.length - leaves.length;
      await deps.ds.transaction(async (em) => {
        rows += await writeApprovalLeaves(em, corpId, leaves);
        progress.rows = rows;
        await spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now());
      });
      report(phase, Math.min(i + DETAIL_CHUNK, ids.length), ids.length);
    }
    return true;
  };

  for (let from = firstFrom; daysBetween(from, yesterday) >= 0;) {
    const to = windowEnd(from, WORKFLOW_LIST_MAX_DAYS, yesterday);
    const fromMs = shanghaiMidnight(from);
    const toMs = shanghaiMidnight(addDays(to, 1)) - 1;
    if ((await callsAvailable(deps.ds, corpId, 'leave', syncAllowance(deps), now())) <= 0) {
      return { rows, note: `本月计量调用已用完：请假审批已同步到 ${through ?? '（尚无）'}，其余待下月预算恢复后继续` };
    }
    const callsBefore = deps.apiCalls();
    const ids: string[] = [];
    await spentOnFailure(callsBefore, async () => {
      for (let token: number | undefined = 0; token !== undefined;) {
        const page = await deps.source.listApprovalIds(deps.processCode, fromMs, toMs, token, WORKFLOW_LIST_MAX_RESULTS);
        ids.push(...page.ids);
        token = page.ids.length === 0 ? undefined : page.nextToken;
      }
    });
    await deps.ds.transaction((em) => spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now()));
    for (const id of ids) seen.add(id);
    const final = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const stored = await deps.ds.getRepository(LeaveRecord).find({
        where: { corpId, source: 'dingtalk', sourceId: In(ids.slice(i, i + 500)), approvalState: In([...FINAL_STATES]) },
        select: { sourceId: true },
      });
      for (const s of stored) final.add(s.sourceId);
    }
    const needed = ids.filter((id) => !final.has(id));
    if (!(await fetchAndWrite(needed, 'leave'))) {
      return { rows, note: `本月计量调用预算不足：请假审批已同步到 ${through ?? '（尚无）'}，其余待下月预算恢复后继续` };
    }
    await deps.ds.transaction((em) => saveCheckpoint(em, corpId, LEAVE_APPROVALS_CHECKPOINT, { through: to }));
    through = to;
    progress.through = to;
    from = addDays(to, 1);
  }

  // Instances filed before the re-read range and still pending: their decision came later.
  const pending = (
    await deps.ds.getRepository(LeaveRecord).find({ where: { corpId, source: 'dingtalk', approvalState: 'pending' }, select: { sourceId: true } })
  )
    .map((p) => p.sourceId)
    .filter((id) => !seen.has(id));
  if (!(await fetchAndWrite(pending, 'leave-pending'))) note = '本月计量调用预算不足：部分待审批的请假未能复查，待下月预算恢复后继续';
  if (skipped > 0) note = [note, `${skipped} 个审批实例没有请假时间组件，已跳过`].filter(Boolean).join('；');
  return { rows, note };
}
