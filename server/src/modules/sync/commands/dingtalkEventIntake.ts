import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import { DingTalkEvent } from '../../../entities';
import type { JobQueue } from '../../../jobs/jobTypes';
import type { Config } from '../../../config';
import { shanghaiDate } from '../../../util/dates';
import { isMeteredEvent } from '../../../dingtalk/wireFacts';
import { spendEvents, type MeteredPurpose } from './callBudget';

/** Contact events that name people (EventType → re-read those users). */
const USER_EVENTS = new Set(['user_add_org', 'user_modify_org', 'user_leave_org', 'user_active_org']);
/** Department events (re-sync the org). */
const DEPT_EVENTS = new Set(['org_dept_create', 'org_dept_modify', 'org_dept_remove']);
/** A person clocked (re-read their attendance for that day). */
const CHECK_EVENT = 'attendance_check_record';
/** An approval instance started or finished (re-read it when it is the leave form's). */
const APPROVAL_EVENT = 'bpms_instance_change';
/** At most this many person-days from one check-in event (DingTalk batches a few clocks per event). */
const MAX_CHECK_DAYS = 200;

/** The person-days an attendance_check_record names: DataList[].userId and checkTime (ms, number or text). */
function checkDaysOf(event: Record<string, unknown>): { userid: string; workDate: string }[] {
  const list = field(event, 'DataList', 'dataList');
  const seen = new Map<string, { userid: string; workDate: string }>();
  for (const item of Array.isArray(list) ? list : []) {
    if (typeof item !== 'object' || item === null) continue;
    const userid = (item as Record<string, unknown>).userId;
    const at = Number((item as Record<string, unknown>).checkTime);
    if (typeof userid !== 'string' || userid === '' || userid.length > 64 || !Number.isFinite(at) || at <= 0) continue;
    const day = { userid, workDate: shanghaiDate(at) };
    seen.set(`${day.userid}/${day.workDate}`, day);
  }
  return [...seen.values()].slice(0, MAX_CHECK_DAYS);
}

export type IntakeOutcome = 'queued' | 'duplicate' | 'recorded' | 'ignored';

/** Field names differ between HTTP callbacks (UserId, EventType) and Stream (userId, eventType). */
function field(event: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (event[n] !== undefined) return event[n];
  return undefined;
}

/** The dedup key of an event: DingTalk's event id when it gives one, otherwise a hash of the event itself. */
export function eventKeyOf(event: Record<string, unknown>, eventId?: string): string {
  if (eventId) return eventId.slice(0, 64);
  return createHash('sha1').update(JSON.stringify(event)).digest('hex');
}

/**
 * Take in one decrypted DingTalk event: record it once, then enqueue only a targeted re-sync. The event itself is
 * never trusted as data: the job re-reads DingTalk, and a lost event is healed by the next scheduled sync.
 * A repeat delivery records nothing but enqueues the event's job again: if the first delivery was recorded and
 * then failed to enqueue (and so was answered with a failure), the repeat still gets the re-sync done. Job ids are
 * deterministic, so a job already known to the queue is not run twice.
 * Returns quickly: DingTalk wants an answer within 1.5 s.
 */
export async function takeInEvent(
  deps: { ds: DataSource; jobs: JobQueue; config?: Pick<Config, 'leaveProcessCode'> },
  corpId: string,
  source: 'http' | 'stream',
  event: Record<string, unknown>,
  eventId?: string,
): Promise<IntakeOutcome> {
  const type = String(field(event, 'EventType', 'eventType') ?? '');
  if (type === 'check_url' || type === '') return 'ignored';
  const eventKey = eventKeyOf(event, eventId);
  const repo = deps.ds.getRepository(DingTalkEvent);
  const seen = await repo.findOneBy({ corpId, eventKey });
  if (seen) {
    await enqueueResync(deps.jobs, deps.config?.leaveProcessCode, corpId, eventKey, seen.eventType, seen.payload);
    return 'duplicate';
  }
  try {
    await repo.insert({ corpId, eventKey, eventType: type.slice(0, 64), source, payload: event as never, receivedAt: new Date() });
  } catch (err) {
    // Two deliveries of the same event at once: the primary key lets one in, and that one enqueues.
    if (err instanceof QueryFailedError && (await repo.existsBy({ corpId, eventKey }))) return 'duplicate';
    throw err;
  }
  // Each event DingTalk pushes counts against the month's Webhook&Stream quota, except 通讯录 events (doc 8.1);
  // a repeated delivery of the same event is counted once (wireFacts.REDELIVERY_COUNTED).
  if (isMeteredEvent(type)) await spendEvents(deps.ds.manager, corpId, eventPurpose(type, event, deps.config?.leaveProcessCode), 1);
  return (await enqueueResync(deps.jobs, deps.config?.leaveProcessCode, corpId, eventKey, type, event)) ? 'queued' : 'recorded';
}

/** Which part of the budget an event is counted under: clock-ins, leave approvals, other approvals, the rest. */
function eventPurpose(type: string, event: Record<string, unknown>, leaveProcessCode: string | null | undefined): MeteredPurpose {
  if (type === CHECK_EVENT) return 'attendance';
  if (type === APPROVAL_EVENT) return leaveProcessCode && field(event, 'processCode', 'ProcessCode') === leaveProcessCode ? 'leave' : 'workflow';
  return 'other';
}

/** Enqueue the targeted re-sync an event calls for (job id from the event key); false when it calls for none. */
async function enqueueResync(
  jobs: JobQueue,
  leaveProcessCode: string | null | undefined,
  corpId: string,
  eventKey: string,
  type: string,
  event: Record<string, unknown>,
): Promise<boolean> {
  const jobId = `event-${corpId}-${eventKey}`;
  if (USER_EVENTS.has(type)) {
    const ids = field(event, 'UserId', 'userId');
    const userids = (Array.isArray(ids) ? ids : [ids]).filter((x): x is string => typeof x === 'string' && x.length > 0);
    if (userids.length === 0) return false;
    await jobs.enqueue('org.syncUsers', { corpId, userids }, { jobId });
    return true;
  }
  if (DEPT_EVENTS.has(type)) {
    await jobs.enqueue('org.eventSync', { corpId }, { jobId });
    return true;
  }
  if (type === CHECK_EVENT) {
    const checks = checkDaysOf(event);
    if (checks.length === 0) return false;
    await jobs.enqueue('attendance.resyncDays', { corpId, checks }, { jobId });
    return true;
  }
  if (type === APPROVAL_EVENT) {
    // Other forms (expenses, business trips, …) are recorded only.
    const processCode = field(event, 'processCode', 'ProcessCode');
    const id = field(event, 'processInstanceId', 'ProcessInstanceId');
    if (!leaveProcessCode || processCode !== leaveProcessCode || typeof id !== 'string' || id === '' || id.length > 64) return false;
    await jobs.enqueue('leave.syncInstance', { corpId, processInstanceId: id }, { jobId });
    return true;
  }
  return false;
}
