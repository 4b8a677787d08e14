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

export interface DataSyncDeps {
  ds: DataSource;
  source: AttendanceSource & LeaveSource & LeaveApprovalSource & DepartureSource & CrmSource;
  apiCalls: () => number;
  concurrency: number;
  monthlyCallLimit: number;
  lookbackDays: number;
  /** Lookback of runs triggered by the first start (default: lookbackDays). */
  startupLookbackDays?: number;
  now?: () => Date;
  /** CRM object names and segment thresholds (config.crm); defaults when absent. */
  crm?: CrmSettings;
  /** The 请假 form's process code: leave comes from its approval instances; without one, from getleavestatus. */
  leaveProcessCode?: string | null;
}

/** Run the attendance, leave, departure or CRM sync recorded as `runId`, tracking progress and outcome on the run. */
export function runDataSync(deps: DataSyncDeps, runId: number, opts: { finalAttempt: boolean }): Promise<TrackedOutcome | null> {
  return trackSyncRun(deps, runId, opts, (report, run: SyncRun) => {
    // Lookbacks apply to a source's first sync only (later runs continue from their checkpoints).
    const d = run.trigger === 'startup' && deps.startupLookbackDays !== undefined ? { ...deps, lookbackDays: deps.startupLookbackDays } : deps;
    switch (run.kind) {
      case 'attendance':
        return syncAttendance(d, run.corpId, report);
      case 'leave':
        return d.leaveProcessCode ? syncLeaveApprovals({ ...d, processCode: d.leaveProcessCode }, run.corpId, report) : syncLeave(d, run.corpId, report);
      case 'departures':
        return syncDepartures(d, run.corpId, report);
      case 'crm':
        return syncCrm(d, run.corpId, report);
      default:
        throw new Error(`runDataSync cannot run a ${run.kind} sync`);
    }
  });
}
