/**
 * The source rows of one person's portrait metric for a month or quarter (GET /api/v1/people/:userid/portrait/metrics/:metric/sources):
 * the person's CRM rows read with the named CRM rules, as the recompute reads them (talentActivity.ts), then chosen by
 * the metric's own window and rule (shared/src/talent/metricSources.ts). Assessment metrics list the submitted sheets
 * of the 12 months with the dimension's score. A few queries for one person; nothing is computed into storage.
 */
import { Between, In, IsNull, Not, type DataSource } from 'typeorm';
import {
  addMonths,
  ASSESSMENT_DIMENSIONS,
  metricSourceRows,
  metricWindow,
  monthEnd,
  periodSpan,
  sourceDealsFrom,
  zh,
  type AssessmentKey,
  type DimensionScore,
  type MetricSourceRow,
  type PortraitMetricKey,
  type SourceActivity,
} from '@liucai/shared';
import { AssessmentCycle, AssessmentResponse, CollaborationEvent, Customer, Deal, FollowUp, SatisfactionScore } from '../../../entities';
import { whereCrmRowPresent, whereDealCounts } from '../../sync/queries/crmRows';
import { addDays, shanghaiDate, shanghaiMidnight } from '../../../util/dates';
import { isoOf, selectAs } from '../../people/queries/paging';

/** Most rows one answer lists (the newest). */
export const SOURCE_ROW_LIMIT = 500;

const keyOf = (source: string, sourceId: string) => `${source}:${sourceId}`;
const customerKeyOf = (sourceId: string | null, name: string) => sourceId ?? `name:${name}`;

export async function metricSourcesOf(
  ds: DataSource,
  corpId: string,
  userid: string,
  metric: string,
  period: string,
  bigDealFen: number,
): Promise<{ window: { from: string; to: string }; rows: MetricSourceRow[]; truncated: boolean }> {
  const rows = metric.startsWith('assessment.')
    ? await assessmentSources(ds, corpId, userid, metric.slice('assessment.'.length) as AssessmentKey, period)
    : await crmSources(ds, corpId, userid, metric as PortraitMetricKey, period, bigDealFen);
  const { last } = periodSpan(period);
  const window = metric.startsWith('assessment.')
    ? { from: `${addMonths(last, -11)}-01`, to: monthEnd(last) }
    : metricWindow(metric as PortraitMetricKey, period);
  return { window, rows: rows.slice(0, SOURCE_ROW_LIMIT), truncated: rows.length > SOURCE_ROW_LIMIT };
}

async function crmSources(
  ds: DataSource,
  corpId: string,
  userid: string,
  metric: PortraitMetricKey,
  period: string,
  bigDealFen: number,
): Promise<MetricSourceRow[]> {
  const { last } = periodSpan(period);
  const end = monthEnd(last);
  const from24 = `${addMonths(last, -23)}-01`;
  // Follow-ups as far back as a 12-month big deal's 90-day lookback, and the 24 months.
  const followFrom = addDays(`${addMonths(last, -11)}-01`, -90) < from24 ? addDays(`${addMonths(last, -11)}-01`, -90) : from24;

  // tenancy: the person's deals in the corp that count.
  const deals = await whereDealCounts(
    selectAs(ds.getRepository(Deal).createQueryBuilder('d'), {
      source: 'd.source',
      sid: 'd.source_id',
      customer: 'd.customer_source_id',
      name: 'd.customer_name',
      fen: 'd.amount_fen',
      signed: 'd.signed_on',
      renewal: 'd.renewal_years',
    }).where('d.corp_id = :corpId AND d.owner_userid = :userid AND d.signed_on >= :from AND d.signed_on <= :to', {
      corpId,
      userid,
      from: sourceDealsFrom(period),
      to: end,
    }),
    'd',
  ).getRawMany<{ source: string; sid: string; customer: string | null; name: string; fen: number | string; signed: string; renewal: number | string }>();

  // tenancy: the person's follow-ups in the corp, present.
  const follows = await whereCrmRowPresent(
    selectAs(ds.getRepository(FollowUp).createQueryBuilder('f'), {
      source: 'f.source',
      sid: 'f.source_id',
      customer: 'f.customer_source_id',
      at: 'f.followed_at',
      content: 'f.content',
    }).where('f.corp_id = :corpId AND f.owner_userid = :userid AND f.followed_at >= :from AND f.followed_at < :to', {
      corpId,
      userid,
      from: new Date(shanghaiMidnight(followFrom)),
      to: new Date(shanghaiMidnight(end) + 86_400_000),
    }),
    'f',
  ).getRawMany<{ source: string; sid: string; customer: string | null; at: Date | string; content: string | null }>();

  const customerIds = [...new Set([...deals.map((d) => d.customer), ...follows.map((f) => f.customer)].filter((c): c is string => !!c))];
  // tenancy: the corp's customers the person's rows name, present.
  const customers =
    customerIds.length === 0
      ? []
      : await whereCrmRowPresent(
          ds
            .getRepository(Customer)
            .createQueryBuilder('c')
            .select('c.source_id', 'id')
            .addSelect('c.name', 'name')
            .addSelect('c.segment', 'segment')
            .where('c.corp_id = :corpId AND c.source_id IN (:...ids)', { corpId, ids: customerIds }),
          'c',
        ).getRawMany<{ id: string; name: string; segment: string | null }>();
  const customerOf = new Map(customers.map((c) => [c.id, c]));

  const a: SourceActivity = {
    deals: deals.map((d) => {
      const amountFen = Number(d.fen);
      const seg = d.customer ? customerOf.get(d.customer)?.segment : null;
      return {
        id: keyOf(d.source, d.sid),
        customerKey: customerKeyOf(d.customer, d.name),
        customerName: d.name,
        segment: seg === 'big' || seg === 'small' ? seg : amountFen >= bigDealFen ? 'big' : 'small',
        amountFen,
        signedOn: d.signed,
        renewalYears: Number(d.renewal),
      };
    }),
    followUps: follows.map((f) => ({
      id: keyOf(f.source, f.sid),
      customerKey: f.customer,
      customerName: f.customer ? (customerOf.get(f.customer)?.name ?? null) : null,
      on: shanghaiDate(new Date(isoOf(f.at))),
      bigCustomer: !!f.customer && customerOf.get(f.customer)?.segment === 'big',
      content: f.content,
    })),
    collaborations: [],
    satisfaction: [],
  };

  const renewalsByCustomer = new Map<string, string[]>();
  if (metric === 'renewalRate' && a.deals.length > 0) {
    const keys = [...new Set(a.deals.map((d) => d.customerKey))];
    const ids = keys.filter((k) => !k.startsWith('name:'));
    const names = keys.filter((k) => k.startsWith('name:')).map((k) => k.slice('name:'.length));
    // tenancy: renewal contracts (anyone's) of the person's customers in the corp that count.
    const qb = selectAs(ds.getRepository(Deal).createQueryBuilder('r'), { customer: 'r.customer_source_id', name: 'r.customer_name', signed: 'r.signed_on' })
      .where('r.corp_id = :corpId AND r.renewal_years >= 1 AND r.signed_on >= :from', { corpId, from: sourceDealsFrom(period) })
      .andWhere(
        [
          ids.length > 0 ? 'r.customer_source_id IN (:...ids)' : null,
          names.length > 0 ? '(r.customer_source_id IS NULL AND r.customer_name IN (:...names))' : null,
        ]
          .filter(Boolean)
          .join(' OR ') || '1 = 0',
        { ids, names },
      );
    for (const r of await whereDealCounts(qb, 'r').getRawMany<{ customer: string | null; name: string; signed: string }>()) {
      const key = customerKeyOf(r.customer, r.name);
      renewalsByCustomer.set(key, [...(renewalsByCustomer.get(key) ?? []), r.signed]);
    }
  }

  if (metric === 'collaborationsPerMonth') {
    const { from, to } = metricWindow(metric, period);
    // tenancy: the person's collaborations in the corp.
    const rows = await ds.getRepository(CollaborationEvent).find({
      where: { corpId, userid, occurredOn: Between(from, to) },
      select: { source: true, sourceId: true, withDepartment: true, customerName: true, occurredOn: true },
    });
    a.collaborations = rows.map((c) => ({ id: keyOf(c.source, c.sourceId), on: c.occurredOn, withDepartment: c.withDepartment, customerName: c.customerName }));
  }
  if (metric === 'satisfaction') {
    const { from, to } = metricWindow(metric, period);
    // tenancy: the satisfaction scores of the person's clients in the corp.
    const rows = await ds.getRepository(SatisfactionScore).find({
      where: { corpId, ownerUserid: userid, surveyedOn: Between(from, to) },
      select: { source: true, sourceId: true, customerName: true, scoreTenths: true, surveyedOn: true },
    });
    a.satisfaction = rows.map((s) => ({ id: keyOf(s.source, s.sourceId), on: s.surveyedOn, scoreTenths: s.scoreTenths, customerName: s.customerName }));
  }
  return metricSourceRows(metric, a, period, renewalsByCustomer);
}

/** The person's submitted sheets of the 12 months with a score of the dimension (self and supervisor), newest first. */
async function assessmentSources(ds: DataSource, corpId: string, userid: string, key: AssessmentKey, period: string): Promise<MetricSourceRow[]> {
  const { last } = periodSpan(period);
  const from = new Date(shanghaiMidnight(`${addMonths(last, -11)}-01`));
  const to = new Date(shanghaiMidnight(addDays(monthEnd(last), 1)) - 1);
  // tenancy: the person's submitted sheets in the corp.
  const sheets = await ds.getRepository(AssessmentResponse).find({
    where: { corpId, subjectUserid: userid, submittedAt: Between(from, to), scores: Not(IsNull()) },
    select: { id: true, cycleId: true, role: true, submittedAt: true, scores: true },
  });
  const cycleIds = [...new Set(sheets.map((s) => s.cycleId))];
  // tenancy: the corp's cycles of those sheets.
  const cycles =
    cycleIds.length === 0 ? [] : await ds.getRepository(AssessmentCycle).find({ where: { corpId, id: In(cycleIds) }, select: { id: true, title: true } });
  const titleOf = new Map(cycles.map((c) => [c.id, c.title]));
  return sheets
    .flatMap((s): MetricSourceRow[] => {
      const d = (JSON.parse(s.scores!) as DimensionScore[]).find((x) => x.dimension === key && x.score !== null);
      if (!d) return [];
      return [
        {
          kind: 'assessment',
          id: String(s.id),
          on: shanghaiDate(s.submittedAt!),
          subject: titleOf.get(s.cycleId) ?? zh`测评 ${s.cycleId}`,
          text: `${d.score} 分`,
          note: zh`${s.role === 'supervisor' ? '上级评价' : '自评'}，${ASSESSMENT_DIMENSIONS[key].label}，答题 ${d.answered} 道`,
        },
      ];
    })
    .sort((x, y) => y.on.localeCompare(x.on) || Number(y.id) - Number(x.id));
}
