import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import { DingTalkEvent } from '../entities';
import type { JobQueue } from '../jobs/jobTypes';

/** Contact events that name people (EventType → re-read those users). */
const USER_EVENTS = new Set(['user_add_org', 'user_modify_org', 'user_leave_org', 'user_active_org']);
/** Department events (re-sync the org). */
const DEPT_EVENTS = new Set(['org_dept_create', 'org_dept_modify', 'org_dept_remove']);

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
 * Take in one decrypted DingTalk event: record it once (a repeat delivery is a no-op), then enqueue only a
 * targeted re-sync. The event itself is never trusted as data: the job re-reads DingTalk, and a lost event is
 * healed by the next scheduled sync. Returns quickly: DingTalk wants an answer within 1.5 s.
 */
export async function takeInEvent(
  deps: { ds: DataSource; jobs: JobQueue },
  corpId: string,
  source: 'http' | 'stream',
  event: Record<string, unknown>,
  eventId?: string,
): Promise<IntakeOutcome> {
  const type = String(field(event, 'EventType', 'eventType') ?? '');
  if (type === 'check_url' || type === '') return 'ignored';
  const eventKey = eventKeyOf(event, eventId);
  const repo = deps.ds.getRepository(DingTalkEvent);
  if (await repo.existsBy({ corpId, eventKey })) return 'duplicate';
  try {
    await repo.insert({ corpId, eventKey, eventType: type.slice(0, 64), source, payload: event as never, receivedAt: new Date() });
  } catch (err) {
    // Two deliveries of the same event at once: the primary key lets one in.
    if (err instanceof QueryFailedError && (await repo.existsBy({ corpId, eventKey }))) return 'duplicate';
    throw err;
  }
  if (USER_EVENTS.has(type)) {
    const ids = field(event, 'UserId', 'userId');
    const userids = (Array.isArray(ids) ? ids : [ids]).filter((x): x is string => typeof x === 'string' && x.length > 0);
    if (userids.length === 0) return 'recorded';
    await deps.jobs.enqueue('org.syncUsers', { corpId, userids }, { jobId: `event-${corpId}-${eventKey}` });
    return 'queued';
  }
  if (DEPT_EVENTS.has(type)) {
    await deps.jobs.enqueue('org.eventSync', { corpId }, { jobId: `event-${corpId}-${eventKey}` });
    return 'queued';
  }
  return 'recorded'; // check-ins and approvals: kept for the attendance and leave sync to come
}
