/** Retention tests' history: stored weeks of a person and a payout run with its statements, written directly. */
import type { DataSource } from 'typeorm';
import { weeksEnding } from '@liucai/shared';
import { PayoutRun, PayoutStatement, RetentionWeekSignal } from '../../server/src/entities';

/** Stored weeks of one person: steady for 12 weeks, then 4 weeks that drift (leave up, communication down) or not. */
export function storedWeeks(corpId: string, userid: string, lastWeek: string, drifts: boolean, rand: () => number): RetentionWeekSignal[] {
  return weeksEnding(lastWeek, 16).map((weekStart, i) => {
    const late = i >= 12 && drifts;
    const count = (mean: number) => Math.max(0, Math.round(mean + (rand() - 0.5) * mean));
    return Object.assign(new RetentionWeekSignal(), {
      corpId,
      userid,
      weekStart,
      leaveCount: rand() < (late ? 0.6 : 0.1) ? 1 : 0,
      leaveDayHundredths: 0,
      lateCount: rand() < (late ? 0.4 : 0.1) ? 1 : 0,
      absenceCount: 0,
      unexcusedAbsenceCount: 0,
      followUps: count(late ? 3 : 8),
      collaborations: count(late ? 0.3 : 1.5),
      helping: count(late ? 0.2 : 2),
      deals: 0,
      computedAt: new Date(),
    });
  });
}

/** A payout run of a month and department in `status`, with one statement per [userid, total fen]. */
export async function payoutRunWith(
  ds: DataSource,
  corpId: string,
  period: string,
  status: PayoutRun['status'],
  deptId: number,
  lines: readonly (readonly [string, number])[],
): Promise<PayoutRun> {
  const run = await ds.getRepository(PayoutRun).save(
    Object.assign(new PayoutRun(), {
      corpId,
      period,
      deptId,
      status,
      computeState: 'done',
      createdBy: 'hr',
      createdAt: new Date(),
      totalFen: 0,
      people: lines.length,
    }),
  );
  await ds.getRepository(PayoutStatement).insert(
    lines.map(([userid, totalFen]) => ({
      corpId,
      runId: run.id,
      userid,
      deptId,
      planId: null,
      planVersionId: null,
      planDefinition: null,
      totalFen,
      explanation: '',
    })),
  );
  return run;
}
