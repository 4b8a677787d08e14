/** Job names and their payloads. Payloads carry ids only: never secrets, never whole records. */
export interface JobPayloads {
  /** Run the org sync recorded as sync_runs.id = syncRunId. */
  'org.sync': { corpId: string; syncRunId: number };
  /** Periodic trigger: create a scheduled org sync run for the corp (skipped if one is already running). */
  'org.scheduledSync': { corpId: string };
  /** A DingTalk contact event named these people: re-read just them. */
  'org.syncUsers': { corpId: string; userids: string[] };
  /** Run the attendance, leave or departure sync recorded as sync_runs.id = syncRunId. */
  'data.sync': { corpId: string; syncRunId: number };
  /** Nightly trigger: create and run attendance, leave and departure syncs in turn. */
  'data.scheduledSync': { corpId: string };
  /** First start: run these data sync runs (already recorded, trigger `startup`) one after another, in this order. */
  'data.startupSync': { corpId: string; syncRunIds: number[] };
  /** A DingTalk department event: run an org sync (departments decide everyone's supervisor). */
  'org.eventSync': { corpId: string };
  /** A check-in event (attendance_check_record): re-read these people's results and raw clocks for these days. */
  'attendance.resyncDays': { corpId: string; checks: { userid: string; workDate: string }[] };
  /** An approval event (bpms_instance_change) of the leave form: re-read this instance and upsert its leave. */
  'leave.syncInstance': { corpId: string; processInstanceId: string };
  /** Send what is due in the corp's notification outbox (own queue: never waits behind a sync). */
  'notify.drain': { corpId: string };
  /** Every minute: drain the outbox and read back delivery of recent messages. */
  'notify.tick': { corpId: string };
  /** Retention radar: absences without leave, weekly signals and risks of the latest synced week (after the nightly sync). */
  'retention.compute': { corpId: string };
  /** Daily: delete the corp's audit events older than AUDIT_RETENTION_YEARS. */
  'audit.purge': { corpId: string };
  /** Compute a draft payout run for its compute request `seq` (a stale request does nothing). */
  'pay.computeRun': { corpId: string; runId: number; seq: number };
  /** Recompute the corp's portraits and match scores of one month (yyyy-mm); `runId`: an on-demand run to report progress on. */
  'talent.recompute': { corpId: string; period: string; runId?: number };
  /** Score the corp's KPI of one month (yyyy-mm) and check promotion streaks. */
  'kpi.score': { corpId: string; period: string };
}
export type JobName = keyof JobPayloads;

/** Notification jobs run on their own queue (BullMQ) so a long sync never holds a message back. */
export const isNotifyJob = (name: string): boolean => name.startsWith('notify.');

/** What a handler learns about the job it runs. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** Report progress 0–100 to the queue (BullMQ's job.updateProgress, seen on the queue board); absent in-process. */
  progress?: (percent: number) => Promise<void>;
}
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: JobContext) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** Retry and retention policy shared by BullMQ and the in-process runner. */
export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 5000;
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** Where jobs go. BullMQ when Redis is configured, otherwise an in-process runner using the same handlers. */
export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** Enqueue once per jobId: a second enqueue with the same id while the first is known is a no-op. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void>;
  /** Create or update a repeating job (cron with seconds, Asia/Shanghai). */
  schedule<N extends JobName>(schedulerId: string, cron: string, name: N, payload: JobPayloads[N]): Promise<void>;
  /** Ids of the schedulers this process registered that no longer exist (Redis lost its data). Absent: they cannot go. */
  missingSchedulers?(): Promise<string[]>;
  /** Register the missing schedulers again; returns their ids. */
  restoreSchedulers?(): Promise<string[]>;
  close(): Promise<void>;
}
