import { Between, In, type DataSource } from 'typeorm';
import {
  RISK_MODEL_KIND,
  SIGNAL_FEATURES,
  addDays,
  personWeekSignals,
  signalFeatureRow,
  trainRiskModel,
  weekStartOf,
  weeksEnding,
  type TrainingSet,
  type WeekActivity,
} from '@liucai/shared';
import { RetentionModel, RetentionWeekSignal } from '../../../entities';
import type { RadarPerson } from '../queries/retentionPeople';

/** Leavers are read as they were this many days before their last day (the alert must come ≥ 30 days ahead). */
export const LEAD_DAYS = 35;
/** Leavers of this many days before the evaluated week teach the model. */
export const TRAINING_YEARS_DAYS = 365;

/** `logistic-l2-platt-v1@2026-11`: one model a month. */
export const modelVersionFor = (weekStart: string): string => `${RISK_MODEL_KIND}@${weekStart.slice(0, 7)}`;

/** The week a leaver is read at: the latest whose Sunday is at least LEAD_DAYS − 6 days before the last day. */
export const leaverReferenceWeek = (lastDay: string): string => weekStartOf(addDays(lastDay, -LEAD_DAYS));

/**
 * The corp's model for the month of `weekStart`: the one already trained this month, or a new training from the
 * stored weekly activity. Leavers of the past year (label 1) are read at their reference week, ≥ 30 days before
 * their last day; active people (label 0) at the same lead before the evaluated week. Only people with a baseline
 * count. Too few of either → a row saying “数据不足”; the rule alone is used. Rows are never changed afterwards.
 */
export async function trainRetentionModel(
  ds: DataSource,
  corpId: string,
  opts: { weekStart: string; people: readonly RadarPerson[]; now: () => Date },
): Promise<RetentionModel> {
  const version = modelVersionFor(opts.weekStart);
  // tenancy: models and stored weeks of this corp only.
  const existing = await ds.getRepository(RetentionModel).findOne({ where: { corpId, version }, order: { id: 'DESC' } });
  if (existing) return existing;

  const since = addDays(opts.weekStart, -TRAINING_YEARS_DAYS);
  const stayerWeek = addDays(opts.weekStart, -LEAD_DAYS); // five weeks before, like the leavers
  const samples = opts.people
    .filter((p) => !p.lastDay || (p.lastDay > since && p.lastDay <= addDays(opts.weekStart, 6)))
    .map((p) => ({ userid: p.userid, label: p.lastDay ? 1 : 0, week: p.lastDay ? leaverReferenceWeek(p.lastDay) : stayerWeek }));
  // Two reads: everyone's stored weeks around the stayers' reference week, and the leavers' own weeks.
  const stayerFrom = weeksEnding(stayerWeek, 16)[0]!;
  const stored = await ds.getRepository(RetentionWeekSignal).find({ where: { corpId, weekStart: Between(stayerFrom, stayerWeek) } });
  const leaverIds = samples.filter((s) => s.label === 1).map((s) => s.userid);
  for (let i = 0; i < leaverIds.length; i += 500) {
    stored.push(...(await ds.getRepository(RetentionWeekSignal).find({ where: { corpId, userid: In(leaverIds.slice(i, i + 500)) } })));
  }
  const weeksOf = new Map<string, WeekActivity[]>();
  for (const r of stored) {
    const list = weeksOf.get(r.userid) ?? [];
    list.push(r);
    weeksOf.set(r.userid, list);
  }
  const set: TrainingSet = { features: [...SIGNAL_FEATURES], rows: [], labels: [] };
  for (const s of samples) {
    const signals = personWeekSignals(weeksOf.get(s.userid) ?? [], s.week);
    if (signals.baseline !== 'ok') continue;
    set.rows.push(signalFeatureRow(signals));
    set.labels.push(s.label);
  }
  const trained = trainRiskModel(set);
  const row = Object.assign(new RetentionModel(), {
    corpId,
    version,
    status: trained.status,
    leavers: trained.leavers,
    stayers: trained.stayers,
    outOfFoldAucBp: trained.status === 'trained' && Number.isFinite(trained.outOfFoldAuc) ? Math.round(trained.outOfFoldAuc * 10000) : null,
    params: trained.status === 'trained' ? (trained as unknown as Record<string, unknown>) : null,
    message: trained.status === 'insufficient' ? trained.message : null,
    createdAt: opts.now(),
  });
  return ds.getRepository(RetentionModel).save(row);
}
