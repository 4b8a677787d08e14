import type { DataSource } from 'typeorm';
import type { SyncRun } from '../../../entities';
import type { AttendanceSource } from './attendanceSyncer';
import { syncAttendance } from './attendanceSyncer';
import type { CrmSettings, CrmSource } from './crmSyncer';
import { syncCrm } from './crmSyncer';
import type { DepartureSource } from './departureSyncer';
import { syncDepartures } from './departureSyncer';
import type { LeaveApprovalSource } from './leaveApprovalSyncer';
import { syncLeaveApprovals } from './leaveApprovalSyncer';
import type { LeaveSource } from './leaveSyncer';
import { syncLeave } from './leaveSyncer';
import { trackSyncRun, type TrackedOutcome } from './syncRunTracker';
import { withCallTally } from '../../../dingtalk/callScope';

export interface DataSyncDeps {
  ds: DataSource;
  source: AttendanceSource & LeaveSource & LeaveApprovalSource & DepartureSource & CrmSource;
  apiCalls: () => number;
  concurrency: number;
  /** Metered calls a month (config.budget.apiCalls). */
  monthlyCallLimit: number;
  /** Share of the month's calls kept for work notifications (config.budget.notifyShare; 0 when absent). */
  notifyShare?: number;
  lookbackDays: number;
  /** Lookback of runs triggered by the first start (default: lookbackDays). */
  startupLookbackDays?: number;
  now?: () => Date;
  /** CRM object names and segment thresholds (config.crm); defaults when absent. */
  crm?: CrmSettings;
  /** The 请假 form's process code: leave comes from its approval instances; without one, from getleavestatus. */
  leaveProcessCode?: string | null;
}

/**
 * Run the attendance, leave, departure or CRM sync recorded as `runId`, tracking progress and outcome on the run.
 * The run counts its own DingTalk calls (withCallTally), not the client's: syncs of several kinds run at once on one
 * client. The run shows every call it made; the budget is charged only the metered ones (doc 8.1).
 */
export function runDataSync(deps: DataSyncDeps, runId: number, opts: { finalAttempt: boolean }): Promise<TrackedOutcome | null> {
  return withCallTally((tally) => {
    // Lookbacks apply to a source's first sync only (later runs continue from their checkpoints).
    const lookbackDays = deps.startupLookbackDays;
    const base = { ...deps, apiCalls: () => tally.metered };
    return trackSyncRun({ ...deps, apiCalls: () => tally.calls }, runId, opts, (report, run: SyncRun) => {
      const own = run.trigger === 'startup' && lookbackDays !== undefined ? { ...base, lookbackDays } : base;
      switch (run.kind) {
        case 'attendance':
          return syncAttendance(own, run.corpId, report);
        case 'leave':
          return own.leaveProcessCode
            ? syncLeaveApprovals({ ...own, processCode: own.leaveProcessCode }, run.corpId, report)
            : syncLeave(own, run.corpId, report);
        case 'departures':
          return syncDepartures(own, run.corpId, report);
        case 'crm':
          return syncCrm(own, run.corpId, report);
        default:
          throw new Error(`runDataSync cannot run a ${run.kind} sync`);
      }
    });
  });
}
