import { Between, In, type DataSource } from 'typeorm';
import {
  DOMAIN_FEATURES,
  MODEL_FEATURES,
  RISK_MODEL_KIND,
  addDays,
  addMonths,
  buildTrainingSet,
  matchScoreFact,
  payoutFact,
  trainRiskModel,
  trainingFact,
  weekStartOf,
  weeksEnding,
  type DomainFact,
  type RiskModelKind,
  type WeekActivity,
} from '@liucai/shared';
import { RetentionModel, RetentionReview, RetentionWeekSignal } from '../../../entities';
import type { RadarPerson } from '../queries/retentionPeople';
import { DOMAIN_MONTHS, domainSignalInputs } from '../queries/domainSignalInputs';

/** Leavers are read as they were this many days before their last day (the alert must come ≥ 30 days ahead). */
export const LEAD_DAYS = 35;
/** Leavers of this many days before the evaluated week teach the model. */
export const TRAINING_YEARS_DAYS = 365;

/** `logistic-l2-platt-v1@2026-11`: one model a month of each kind. */
export const modelVersionFor = (weekStart: string, kind: RiskModelKind = RISK_MODEL_KIND): string => `${kind}@${weekStart.slice(0, 7)}`;

/** The week a leaver is read at: the latest whose Sunday is at least LEAD_DAYS − 6 days before the last day. */
export const leaverReferenceWeek = (lastDay: string): string => weekStartOf(addDays(lastDay, -LEAD_DAYS));

/**
 * The corp's model for the month of `weekStart`: the one already trained this month, or a new training from the
 * stored weekly activity. Leavers of the past year (label 1) are read at their reference week, ≥ 30 days before
 * their last day; active people (label 0) at the same lead before the evaluated week. Only people with a baseline
 * count. HR's 误报 reviews of the past year add label-0 rows (`buildTrainingSet`: the reviewed week and the week
 * either side); the model row's params record how many. Too few of either → a row saying “数据不足”; the rule alone
 * is used. Rows are never changed afterwards.
 */
export async function trainRetentionModel(
  ds: DataSource,
  corpId: string,
  opts: { weekStart: string; people: readonly RadarPerson[]; now: () => Date; kind?: RiskModelKind },
): Promise<RetentionModel> {
  const kind = opts.kind ?? RISK_MODEL_KIND;
  const version = modelVersionFor(opts.weekStart, kind);
  // tenancy: models and stored weeks of this corp only.
  const existing = await ds.getRepository(RetentionModel).findOne({ where: { corpId, version }, order: { id: 'DESC' } });
  if (existing) return existing;

  const since = addDays(opts.weekStart, -TRAINING_YEARS_DAYS);
  const stayerWeek = addDays(opts.weekStart, -LEAD_DAYS); // five weeks before, like the leavers
  const samples = opts.people
    .filter((p) => !p.lastDay || (p.lastDay > since && p.lastDay <= addDays(opts.weekStart, 6)))
    .map((p) => ({ userid: p.userid, label: p.lastDay ? (1 as const) : (0 as const), week: p.lastDay ? leaverReferenceWeek(p.lastDay) : stayerWeek }));
  // Two reads: everyone's stored weeks around the stayers' reference week, and the leavers' own weeks.
  const stayerFrom = weeksEnding(stayerWeek, 16)[0]!;
  const stored = await ds.getRepository(RetentionWeekSignal).find({ where: { corpId, weekStart: Between(stayerFrom, stayerWeek) } });
  // tenancy: reviews of this corp only; the past year's, up to the evaluated week.
  const reviews = await ds.getRepository(RetentionReview).find({
    where: { corpId, weekStart: Between(since, opts.weekStart) },
    select: { id: true, userid: true, weekStart: true, outcome: true },
  });
  const ownWeeks = [
    ...new Set([...samples.filter((s) => s.label === 1).map((s) => s.userid), ...reviews.filter((r) => r.outcome === '误报').map((r) => r.userid)]),
  ];
  for (let i = 0; i < ownWeeks.length; i += 500) {
    stored.push(...(await ds.getRepository(RetentionWeekSignal).find({ where: { corpId, userid: In(ownWeeks.slice(i, i + 500)) } })));
  }
  const weeksOf = new Map<string, Map<string, WeekActivity>>();
  for (const r of stored) {
    const byWeek = weeksOf.get(r.userid) ?? new Map<string, WeekActivity>();
    byWeek.set(r.weekStart, r); // a person's week read twice (both reads) counts once
    weeksOf.set(r.userid, byWeek);
  }
  const features = MODEL_FEATURES[kind];
  const domainAt = features.some((f) => (DOMAIN_FEATURES as readonly string[]).includes(f))
    ? await domainHistory(ds, corpId, since, opts.weekStart)
    : undefined;
  const set = buildTrainingSet(
    samples,
    new Map([...weeksOf].map(([u, m]) => [u, [...m.values()]])),
    reviews.map((r) => ({ userid: r.userid, weekStart: r.weekStart, outcome: r.outcome, order: r.id })),
    { features, ...(domainAt ? { domainAt } : {}) },
  );
  const trained = trainRiskModel(set, { kind });
  const row = Object.assign(new RetentionModel(), {
    corpId,
    version,
    status: trained.status,
    leavers: trained.leavers,
    stayers: trained.stayers,
    outOfFoldAucBp: trained.status === 'trained' && Number.isFinite(trained.outOfFoldAuc) ? Math.round(trained.outOfFoldAuc * 10000) : null,
    params:
      trained.status === 'trained'
        ? ({ ...trained, trainingHints: { falseAlarmRows: set.falseAlarmRows, falseAlarmReviews: set.falseAlarmReviews } } as unknown as Record<
            string,
            unknown
          >)
        : null,
    message: trained.status === 'insufficient' ? trained.message : null,
    createdAt: opts.now(),
  });
  return ds.getRepository(RetentionModel).save(row);
}

/**
 * The other domains' values of a person at any week of the training year (the months from the year's first
 * reference week's baseline to the evaluated week: one grouped query per domain, as the weekly run reads them).
 */
async function domainHistory(ds: DataSource, corpId: string, since: string, weekStart: string): Promise<(userid: string, week: string) => DomainFact[]> {
  const inputs = await domainSignalInputs(ds, corpId, weekStart, addMonths(since.slice(0, 7), -(DOMAIN_MONTHS - 1)));
  return (userid, week) => [
    payoutFact(inputs.payouts.get(userid) ?? [], week),
    matchScoreFact(inputs.scores.get(userid) ?? [], week),
    trainingFact(inputs.training.get(userid) ?? [], week),
  ];
}
