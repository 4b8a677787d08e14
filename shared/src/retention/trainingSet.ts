import type { DomainFact } from './domainSignals';
import type { TrainingSet } from './riskModel';
import { SIGNAL_FEATURES, featureRow } from './signalFeatures';
import { personWeekSignals, type PersonWeekSignals, type WeekActivity } from './signals';
import { addDays } from './weeks';

/**
 * The model's training set: one row per sample (a leaver at their reference week, label 1; a stayer at the
 * stayers' reference week, label 0), people without a baseline left out; then HR's 误报 reviews as a training hint.
 *
 * 误报 (HR judged a flagged week a false alarm): the reviewed person's weeks around the review — the reviewed week
 * and the week before and after it (FALSE_ALARM_WEEK_OFFSETS) — are added as label-0 rows, weight 1 each (one row
 * each, the fit has no weights), when they have a baseline and are not already a sample row. Only the latest
 * review of a person and week counts (a later 已沟通 replaces the 误报). A 误报 on a person who then left is ignored:
 * they did leave, their leaver row stays label 1. So a reviewed false alarm teaches the model that this pattern of
 * signals, for this person, did not mean leaving, with at most 3 rows per review.
 */
export const FALSE_ALARM_WEEK_OFFSETS = [-7, 0, 7] as const;

export interface TrainingSample {
  userid: string;
  label: 0 | 1;
  /** The week (Monday) the person is read at. */
  week: string;
}

export interface ReviewHint {
  userid: string;
  weekStart: string;
  outcome: string;
  /** Higher = later (the review's id). */
  order: number;
}

export interface BuiltTrainingSet extends TrainingSet {
  /** Label-0 rows added from 误报 reviews (already in `rows`). */
  falseAlarmRows: number;
  /** 误报 reviews that added at least one row. */
  falseAlarmReviews: number;
}

export function buildTrainingSet(
  samples: readonly TrainingSample[],
  weeksOf: ReadonlyMap<string, readonly WeekActivity[]>,
  reviews: readonly ReviewHint[] = [],
  opts: { features?: readonly string[]; domainAt?: (userid: string, week: string) => DomainFact[] } = {},
): BuiltTrainingSet {
  const features = opts.features ?? SIGNAL_FEATURES;
  const rowOf = (userid: string, signals: PersonWeekSignals) => featureRow(features, signals, opts.domainAt?.(userid, signals.weekStart) ?? []);
  const set: BuiltTrainingSet = { features: [...features], rows: [], labels: [], falseAlarmRows: 0, falseAlarmReviews: 0 };
  const used = new Set<string>();
  for (const s of samples) {
    const signals = personWeekSignals(weeksOf.get(s.userid) ?? [], s.week);
    if (signals.baseline !== 'ok') continue;
    set.rows.push(rowOf(s.userid, signals));
    set.labels.push(s.label);
    used.add(`${s.userid}|${s.week}`);
  }
  const leavers = new Set(samples.filter((s) => s.label === 1).map((s) => s.userid));
  const latest = new Map<string, ReviewHint>();
  for (const r of reviews) {
    const k = `${r.userid}|${r.weekStart}`;
    if ((latest.get(k)?.order ?? -Infinity) < r.order) latest.set(k, r);
  }
  const falseAlarms = [...latest.values()].filter((r) => r.outcome === '误报' && !leavers.has(r.userid)).sort((a, b) => a.order - b.order);
  for (const r of falseAlarms) {
    let added = 0;
    for (const offset of FALSE_ALARM_WEEK_OFFSETS) {
      const week = addDays(r.weekStart, offset);
      const k = `${r.userid}|${week}`;
      if (used.has(k)) continue;
      const signals = personWeekSignals(weeksOf.get(r.userid) ?? [], week);
      if (signals.baseline !== 'ok') continue;
      set.rows.push(rowOf(r.userid, signals));
      set.labels.push(0);
      used.add(k);
      added += 1;
    }
    set.falseAlarmRows += added;
    if (added) set.falseAlarmReviews += 1;
  }
  return set;
}
