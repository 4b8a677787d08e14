/** Refusals of payout runs, with stable ids and Chinese messages. */
import { zh, periodText, PAYOUT_RUN_STATUSES } from '@liucai/shared';
import { AppError, conflict } from '../../errors';
import type { PayoutRun } from '../../entities';

const stateName = (run: PayoutRun) => PAYOUT_RUN_STATUSES[run.status];

/** 409: a locked (or later) run never changes. */
export const runLocked = (run: PayoutRun) =>
  conflict('payout_run_locked', `发放批次 #${run.id}（${periodText(run.period)}）${stateName(run)}，不能再重新计算或修改：如需更正，请在下一期批次中调整`, {
    runId: run.id,
    status: run.status,
  });

/** 409: the step asked for does not follow from the run's state. */
export const runWrongState = (run: PayoutRun, wanted: string, needs: PayoutRun['status']) =>
  conflict('payout_run_state', zh`发放批次 #${run.id} 目前${stateName(run)}，只有${PAYOUT_RUN_STATUSES[needs]}的批次才能${wanted}`, {
    runId: run.id,
    status: run.status,
  });

/** 409: the draft is being computed, or its last computation failed. */
export const runNotComputed = (run: PayoutRun) =>
  run.computeState === 'failed'
    ? conflict('payout_run_failed', `发放批次 #${run.id} 上次计算失败：${run.computeError ?? '原因不明'}。请修正后重新计算，再锁定`, { runId: run.id })
    : conflict('payout_run_computing', `发放批次 #${run.id} 正在计算，请计算完成后再锁定`, { runId: run.id });

/** 409: another run of the same month already covers some of these people. */
export const runOverlaps = (period: string, dept: string, other: { id: number; dept: string }) =>
  conflict('payout_run_overlap', zh`${periodText(period)}已有发放批次 #${other.id}（“${other.dept}”）与“${dept}”的人员重叠：同一员工每月只能在一个批次中发放`, {
    field: 'deptId',
    conflictRunId: other.id,
  });

/** 404 with the pay wording. */
export const runNotFound = () => new AppError('not_found', '发放批次不存在或无权查看', 404);
