import type { DataSource } from 'typeorm';
import {
  COUNT_METRICS,
  RISK_MODEL_KIND,
  addDays,
  articleRule,
  emptyWeek,
  featureRow,
  matchScoreFact,
  payoutFact,
  personWeekSignals,
  riskFacts,
  scoreRisk,
  teamTotals,
  trainingFact,
  weekStartOf,
  weeksEnding,
  type ModelNoteFact,
  type RiskModelKind,
  type WeekActivity,
} from '@liucai/shared';
import { RetentionRisk, RetentionWeekSignal } from '../../../entities';
import { weeklyActivity } from '../queries/weeklyActivity';
import { domainSignalInputs } from '../queries/domainSignalInputs';
import { radarPeople, type RadarPerson } from '../queries/retentionPeople';
import { attendanceAndLeaveSyncedThrough, firstSyncedDay } from '../queries/syncedThrough';
import { upsertBatches } from './upsertBatches';
import { trainedModelOf } from './modelParams';
import { findAbsencesWithoutLeave } from './absenceFinder';
import { trainRetentionModel } from './retentionModelTrainer';

/** Weeks each run recomputes: the 4 recent and 12 baseline weeks the signals read. */
export const RUN_WEEKS = 16;
/** Weeks the first run of a corp fills in, so leavers of the past year have their history for training. */
export const FIRST_RUN_WEEKS = 68;

export interface RetentionRunResult {
  weekStart: string | null;
  people: number;
  weekRows: number;
  /** Person-weeks written (new or changed since the last run). */
  weekRowsWritten: number;
  risks: number;
  ruleFired: number;
  modelVersion: string | null;
  skipped?: string;
  /** Milliseconds per phase, for the logs and the benchmark. */
  ms?: Record<string, number>;
}

/** The latest complete week (Monday) on or before `through`: a week counts once its Sunday is synced. */
export function completeWeekThrough(through: string): string {
  return weekStartOf(addDays(through, -6));
}

/**
 * Weeks of `mondays` during which the person was employed (hired on or before its Sunday, not gone before its
 * Monday) and that the synced data covers whole (starting on or after `dataFrom`, the first synced attendance day):
 * a week before the first sync is unknown, not a week of zeros.
 */
export function observedWeeks(person: Pick<RadarPerson, 'userid' | 'hiredOn' | 'lastDay'>, mondays: readonly string[], dataFrom: string | null): string[] {
  return mondays.filter(
    (m) => (!dataFrom || m >= dataFrom) && (!person.hiredOn || person.hiredOn <= addDays(m, 6)) && (!person.lastDay || person.lastDay >= m),
  );
}

const bp = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10000));

/**
 * The weekly retention run of one corp: absences without leave up to the synced day, each person's weekly
 * activity over the trailing weeks (stored), then for every active person the week's signals, the articles' rule,
 * and the model's probability when the corp has a trained model (trained monthly here when due). Safe to run
 * twice: every write is an upsert keyed by person and week. Without `weekStart`, the week is the latest one whose
 * attendance and leave are both synced; nothing is computed before that.
 */
export async function runRetention(
  ds: DataSource,
  corpId: string,
  opts: { weekStart?: string; now?: () => Date; weeks?: number; modelKind?: RiskModelKind } = {},
): Promise<RetentionRunResult> {
  const now = opts.now ?? (() => new Date());
  const ms: Record<string, number> = {};
  let mark = Date.now();
  const lap = (phase: string) => {
    const t = Date.now();
    ms[phase] = t - mark;
    mark = t;
  };
  const through = await attendanceAndLeaveSyncedThrough(ds, corpId);
  if (through) await findAbsencesWithoutLeave(ds, corpId, { through, now });
  lap('absences');
  const weekStart = opts.weekStart ?? (through ? completeWeekThrough(through) : null);
  if (!weekStart)
    return { weekStart: null, people: 0, weekRows: 0, weekRowsWritten: 0, risks: 0, ruleFired: 0, modelVersion: null, skipped: '考勤与请假尚未同步' };

  // tenancy: stored weeks of this corp only.
  const firstRun = (await ds.getRepository(RetentionWeekSignal).countBy({ corpId })) === 0;
  const mondays = weeksEnding(weekStart, opts.weeks ?? (firstRun ? FIRST_RUN_WEEKS : RUN_WEEKS));
  const activity = await weeklyActivity(ds, corpId, mondays);
  lap('activity');
  const people = await radarPeople(ds, corpId);
  const dataFrom = await firstSyncedDay(ds, corpId);
  const computedAt = now();

  const weekRows: RetentionWeekSignal[] = [];
  const historyOf = new Map<string, WeekActivity[]>();
  for (const person of people) {
    const weeks = observedWeeks(person, mondays, dataFrom).map((m) => ({ ...emptyWeek(m), ...activity.get(person.userid)?.get(m) }));
    historyOf.set(person.userid, weeks);
    for (const w of weeks) weekRows.push(Object.assign(new RetentionWeekSignal(), { corpId, userid: person.userid, ...w, computedAt }));
  }
  const changed = await changedWeeks(ds, corpId, mondays, weekRows);
  lap('compare');
  await upsertBatches(ds, RetentionWeekSignal, changed, WEEK_UPDATE_COLUMNS, ['corp_id', 'userid', 'week_start']);
  lap('weeks');

  const modelRow = await trainRetentionModel(ds, corpId, { weekStart, people, now, kind: opts.modelKind ?? RISK_MODEL_KIND });
  const model = trainedModelOf(modelRow);
  lap('model');

  // Only people employed at the week's end get a risk (a past week's run includes people who left later), and they
  // are the teams of the team comparison.
  const end = addDays(weekStart, 6);
  const active = people
    .filter((p) => !(p.lastDay && p.lastDay <= end) && !(p.hiredOn && p.hiredOn > end))
    .map((p) => ({ userid: p.userid, deptId: p.mainDeptId, signals: personWeekSignals(historyOf.get(p.userid) ?? [], weekStart) }));
  const teams = teamTotals(active);
  const domain = await domainSignalInputs(ds, corpId, weekStart);
  lap('inputs');

  const risks: RetentionRisk[] = [];
  for (const { userid, signals } of active) {
    const rule = articleRule(signals);
    const domainFacts = [
      payoutFact(domain.payouts.get(userid) ?? [], weekStart),
      matchScoreFact(domain.scores.get(userid) ?? [], weekStart),
      trainingFact(domain.training.get(userid) ?? [], weekStart),
    ];
    const scored = model && signals.baseline === 'ok' ? scoreRisk(model, featureRow(model.model.features, signals, domainFacts)) : null;
    const modelNote: ModelNoteFact = scored
      ? null
      : signals.baseline !== 'ok'
        ? { kind: 'baseline' }
        : modelRow?.status === 'insufficient'
          ? { kind: 'insufficient', leavers: modelRow.leavers, stayers: modelRow.stayers }
          : { kind: 'untrained' };
    risks.push(
      Object.assign(new RetentionRisk(), {
        corpId,
        userid,
        weekStart,
        baseline: signals.baseline,
        baselineWeeks: signals.baselineWeeks,
        ruleVersion: rule.version,
        ruleFired: rule.fired,
        ruleProbabilityBp: bp(rule.probability),
        communicationChangeBp: bp(rule.communicationChange),
        leaveChangeBp: bp(rule.leaveFrequencyChange),
        modelVersion: scored ? modelRow!.version : null,
        modelProbabilityBp: scored ? bp(scored.probability) : null,
        band: rule.fired ? '高' : (scored?.band ?? null),
        // Numbers only: the words are built on read (`explainRisk`).
        explanation: riskFacts(
          signals,
          teams.get(userid)!,
          domainFacts,
          scored?.drivers.map(({ feature, value, contribution }) => ({ feature, value, contribution })) ?? [],
          modelNote,
        ),
        computedAt,
      }),
    );
  }
  lap('score');
  await upsertBatches(ds, RetentionRisk, risks, RISK_UPDATE_COLUMNS, ['corp_id', 'userid', 'week_start']);
  lap('risks');
  return {
    ms,
    weekStart,
    people: people.length,
    weekRows: weekRows.length,
    weekRowsWritten: changed.length,
    risks: risks.length,
    ruleFired: risks.filter((r) => r.ruleFired).length,
    modelVersion: model ? modelRow!.version : null,
  };
}

const COUNT_FIELDS = COUNT_METRICS;

/**
 * The rows whose counts differ from what is stored (or are not stored yet): a weekly run rewrites only the weeks
 * a late sync changed, not 16 weeks of everyone (one read of the stored window).
 */
async function changedWeeks(ds: DataSource, corpId: string, mondays: readonly string[], rows: RetentionWeekSignal[]): Promise<RetentionWeekSignal[]> {
  // tenancy: stored weeks of this corp only.
  const stored = await ds
    .getRepository(RetentionWeekSignal)
    .createQueryBuilder('s')
    .where('s.corp_id = :corpId AND s.week_start >= :from AND s.week_start <= :to', { corpId, from: mondays[0], to: mondays[mondays.length - 1] })
    .getMany();
  const key = (r: { userid: string; weekStart: string }) => `${r.userid}|${r.weekStart}`;
  const byKey = new Map(stored.map((r) => [key(r), r]));
  return rows.filter((r) => {
    const old = byKey.get(key(r));
    return !old || COUNT_FIELDS.some((f) => Number(old[f]) !== r[f]);
  });
}

const WEEK_UPDATE_COLUMNS = [
  'leave_count',
  'leave_day_hundredths',
  'late_count',
  'absence_count',
  'unexcused_absence_count',
  'follow_ups',
  'collaborations',
  'helping',
  'deals',
  'computed_at',
];
const RISK_UPDATE_COLUMNS = [
  'baseline',
  'baseline_weeks',
  'rule_version',
  'rule_fired',
  'rule_probability_bp',
  'communication_change_bp',
  'leave_change_bp',
  'model_version',
  'model_probability_bp',
  'band',
  'explanation',
  'computed_at',
];
