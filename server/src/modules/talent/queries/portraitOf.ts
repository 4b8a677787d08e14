/**
 * A person's stored portrait (metrics and assessment scores) of a period — the one asked for (a month yyyy-mm or a
 * quarter yyyyQn), else the newest of a kind (months by default) — in catalogue order, each metric with the team
 * (the person's main department) and company medians the recompute stored for the same month and HR's reference
 * value in force, and the client-feedback keywords of its follow-up notes: one query for the period's rows (the newest
 * period found inside it) with their medians and the month's keywords; the references are kept (one read by key).
 */
import type { DataSource } from 'typeorm';
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
import { keptCorpId, type KeptCorp } from '../../../db/keptReads';

/** Portrait metrics, then assessment scores (those land on the portrait from submitted assessments). */
const ORDER = TALENT_INPUT_KEYS;

export async function portraitOf(
  ds: DataSource,
  corp: KeptCorp,
  person: { userid: string; mainDeptId: number | null },
  depts: DepartmentIndex,
  want: { period: string } | { kind: PeriodKind } = { kind: 'month' },
): Promise<{ period: string; metrics: PortraitMetricView[]; feedback: FeedbackKeywords } | null> {
  const { userid } = person;
  const corpId = keptCorpId(corp);
  const team = person.mainDeptId === null ? null : teamGroup(person.mainDeptId);
  // tenancy: the person's rows in the corp, of their newest period of the kind (or the one asked for), each with the
  // company's and their team's median of the same month and metric (by the medians' unique key).
  const medianColumns = (alias: string) =>
    [`${alias}.median`, `${alias}.people`, `${alias}.population`, `${alias}.missing`].map((c) => `${c} AS ${c.replace('.', '_')}`);
  const { entities: rows, raw } = await ds
    .getRepository(TalentMetric)
    .createQueryBuilder('m')
    .leftJoin(TalentMetricMedian, 'cm', 'cm.corp_id = m.corp_id AND cm.period = m.period AND cm.group_key = :company AND cm.metric = m.metric', {
      company: COMPANY_GROUP,
    })
    .leftJoin(TalentMetricMedian, 'tm', 'tm.corp_id = m.corp_id AND tm.period = m.period AND tm.group_key = :team AND tm.metric = m.metric', {
      team: team ?? '',
    })
    // tenancy: the person's client-feedback keywords in the corp, that month (on every row: one row per person and month).
    .leftJoin(TalentFeedbackTerms, 'f', 'f.corp_id = m.corp_id AND f.userid = m.userid AND f.period = m.period')
    .addSelect([...medianColumns('cm'), ...medianColumns('tm'), 'f.documents AS f_documents', 'f.terms AS f_terms'])
    .where('m.corp_id = :corpId AND m.userid = :userid', { corpId, userid })
    .andWhere(
      `m.period = (SELECT MAX(n.period) FROM talent_metrics n WHERE n.corp_id = :corpId AND n.userid = :userid AND n.period ${'period' in want ? '= :period' : 'LIKE :like'})`,
      'period' in want ? { period: want.period } : { like: PERIOD_LIKE[want.kind] },
    )
    .getRawAndEntities<Record<string, unknown>>();
  const period = rows[0]?.period;
  if (period === undefined) return null;
  // One raw row per metric row (each median joined by its unique key).
  const medianAt = (i: number, alias: 'cm' | 'tm') => {
    const r = raw[i]!;
    return r[`${alias}_people`] === null || r[`${alias}_people`] === undefined
      ? null
      : {
          median: (r[`${alias}_median`] as string | null) ?? null,
          people: Number(r[`${alias}_people`]),
          population: Number(r[`${alias}_population`]),
          missing: (r[`${alias}_missing`] as string | null) ?? null,
        };
  };
  const mediansOf = new Map(rows.map((row, i) => [row.metric, { company: medianAt(i, 'cm'), team: team ? medianAt(i, 'tm') : null }]));
  const { references, names } = await referencesInForceNamed(ds, corp);
  const byKey = new Map(rows.map((r) => [r.metric, r]));
  const medianOf = (which: 'company' | 'team', metric: string): MetricMedianView | null => {
    const m = mediansOf.get(metric)?.[which];
    if (!m) return null;
    return { label: which === 'company' ? '全公司' : depts.path(person.mainDeptId!), ...m };
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
        team: medianOf('team', key),
        company: medianOf('company', key),
        reference: ref && ref.value !== null ? presentReference(ref, names) : null,
      },
    ];
  });
  const terms = raw[0]!.f_terms as string | null | undefined;
  const notes = terms == null ? 0 : Number(raw[0]!.f_documents);
  const feedback: FeedbackKeywords = {
    notes,
    terms: terms == null ? [] : (JSON.parse(terms) as FeedbackKeywords['terms']),
    missing: feedbackMissing(notes),
  };
  return { period, metrics, feedback };
}
