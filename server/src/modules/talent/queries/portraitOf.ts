/**
 * A person's stored portrait (metrics and assessment scores) of a period — the one asked for (a month yyyy-mm or a
 * quarter yyyyQn), else the newest of a kind (months by default) — in catalogue order, each metric with the team
 * (the person's main department) and company medians the recompute stored for the same month and HR's reference
 * value in force, and the client-feedback keywords of its follow-up notes: one query for the period's rows (the newest
 * period found inside it), one for the medians, one for the keywords; the references are kept (one read by key).
 */
import { In, type DataSource } from 'typeorm';
import {
  COMPANY_GROUP,
  feedbackMissing,
  TALENT_INPUT_KEYS,
  talentInputInfo,
  teamGroup,
  type FeedbackKeywords,
  type MetricMedianView,
  type PeriodKind,
  type PortraitMetricView,
} from '@liucai/shared';
import { TalentFeedbackTerms, TalentMetric, TalentMetricMedian } from '../../../entities';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { presentReference, referencesInForceNamed } from './metricReferences';
import { PERIOD_LIKE } from './periodKinds';

/** Portrait metrics, then assessment scores (those land on the portrait from submitted assessments). */
const ORDER = TALENT_INPUT_KEYS;

export async function portraitOf(
  ds: DataSource,
  corpId: string,
  person: { userid: string; mainDeptId: number | null },
  depts: DepartmentIndex,
  want: { period: string } | { kind: PeriodKind } = { kind: 'month' },
): Promise<{ period: string; metrics: PortraitMetricView[]; feedback: FeedbackKeywords } | null> {
  const { userid } = person;
  // tenancy: the person's rows in the corp, of their newest period of the kind (or the one asked for).
  const rows = await ds
    .getRepository(TalentMetric)
    .createQueryBuilder('m')
    .where('m.corp_id = :corpId AND m.userid = :userid', { corpId, userid })
    .andWhere(
      `m.period = (SELECT MAX(n.period) FROM talent_metrics n WHERE n.corp_id = :corpId AND n.userid = :userid AND n.period ${'period' in want ? '= :period' : 'LIKE :like'})`,
      'period' in want ? { period: want.period } : { like: PERIOD_LIKE[want.kind] },
    )
    .getMany();
  const period = rows[0]?.period;
  if (period === undefined) return null;
  const team = person.mainDeptId === null ? null : teamGroup(person.mainDeptId);
  const [medians, { references, names }, feedbackRow] = await Promise.all([
    // tenancy: the corp's company and team medians of that month.
    ds.getRepository(TalentMetricMedian).find({ where: { corpId, period, groupKey: In(team ? [COMPANY_GROUP, team] : [COMPANY_GROUP]) } }),
    referencesInForceNamed(ds, corpId),
    // tenancy: the person's feedback keywords in the corp, that month.
    ds.getRepository(TalentFeedbackTerms).findOne({ where: { corpId, userid, period } }),
  ]);
  const byKey = new Map(rows.map((r) => [r.metric, r]));
  const medianOf = (group: string | null, metric: string): MetricMedianView | null => {
    const m = group && medians.find((x) => x.groupKey === group && x.metric === metric);
    if (!m) return null;
    return {
      label: group === COMPANY_GROUP ? '全公司' : depts.path(person.mainDeptId!),
      median: m.median,
      people: m.people,
      population: m.population,
      missing: m.missing,
    };
  };
  const metrics = ORDER.flatMap((key): PortraitMetricView[] => {
    const r = byKey.get(key);
    if (!r) return [];
    const info = talentInputInfo(key)!;
    const ref = references.get(key);
    return [
      {
        metric: key,
        label: info.label,
        unit: info.unit,
        means: info.means,
        value: r.value,
        sample: r.sample,
        missing: r.missing,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
        team: medianOf(team, key),
        company: medianOf(COMPANY_GROUP, key),
        reference: ref && ref.value !== null ? presentReference(ref, names) : null,
      },
    ];
  });
  const notes = feedbackRow?.documents ?? 0;
  const feedback: FeedbackKeywords = {
    notes,
    terms: feedbackRow ? (JSON.parse(feedbackRow.terms) as FeedbackKeywords['terms']) : [],
    missing: feedbackMissing(notes),
  };
  return { period, metrics, feedback };
}
