/**
 * The demo company's KPI inputs that DingTalk does not hold, seeded once after the first data syncs and before the
 * first KPI scoring (rules in shared/src/pay/demoKpiInputs.ts): the monthly satisfaction surveys of the clients of the
 * demo KPI scheme's job (大客户经理), as a company would import them, and their supervisors' monthly team-project
 * ratings.
 * Without them the demo's 客户满意度 (14) and 团队项目贡献 (15) score 0 for everyone, so nobody can reach the pass
 * score of 80. Skipped when the demo surveys exist; returns whether it wrote anything.
 */
import { In, Like, type DataSource } from 'typeorm';
import { addMonths, demoSurvey, demoTeamProjectRating, monthEnd, periodDays, stableHash } from '@liucai/shared';
import { CollaborationEvent, Deal, KpiRating, KpiScheme, SatisfactionScore, User } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';
import { whereDealCounts } from '../../sync/queries/crmRows';
import { DEMO_PLAN_CODES } from './demoIncentivePlansSeeder';

const BATCH = 500;
const DEMO_PREFIX = 'demo-survey-';

export async function seedDemoKpiInputs(ds: DataSource, corpId: string, periods: readonly string[]): Promise<boolean> {
  if (periods.length === 0) return false;
  // tenancy: the corp's demo surveys.
  if (await ds.getRepository(SatisfactionScore).existsBy({ corpId, source: 'import', sourceId: Like(`${DEMO_PREFIX}%`) })) return false;
  // tenancy: the corp's demo KPI scheme and the people of its job.
  const scheme = await ds.getRepository(KpiScheme).findOneBy({ corpId, code: DEMO_PLAN_CODES.kpi });
  if (!scheme?.jobTitle) return false;
  const people = await ds.getRepository(User).find({ where: { corpId, title: scheme.jobTitle }, select: { userid: true, supervisorUserid: true } });
  if (people.length === 0) return false;
  const ids = people.map((p) => p.userid);
  const first = periodDays(addMonths(periods[0]!, -11))!.first;
  const last = monthEnd(periods[periods.length - 1]!);
  const today = shanghaiDate(new Date());

  // tenancy: d.corp_id = the corp.
  const deals = await whereDealCounts(
    ds
      .getRepository(Deal)
      .createQueryBuilder('d')
      .where('d.corp_id = :corpId AND d.owner_userid IN (:...ids) AND d.signed_on >= :first AND d.signed_on <= :last', { corpId, ids, first, last }),
    'd',
  ).getMany();
  // tenancy: the corp's collaborations of those people.
  const collabs = await ds
    .getRepository(CollaborationEvent)
    .find({ where: { corpId, userid: In(ids) }, select: { userid: true, customerName: true, occurredOn: true } });
  const perCustomer = new Map<string, number>();
  const perMonth = new Map<string, number>();
  for (const c of collabs) {
    if (c.customerName) perCustomer.set(`${c.userid}|${c.customerName}`, (perCustomer.get(`${c.userid}|${c.customerName}`) ?? 0) + 1);
    const m = `${c.userid}|${c.occurredOn.slice(0, 7)}`;
    perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
  }

  const now = new Date();
  const surveys: SatisfactionScore[] = [];
  const dealsOf = new Map<string, Deal[]>();
  for (const d of deals) dealsOf.set(d.ownerUserid!, [...(dealsOf.get(d.ownerUserid!) ?? []), d]);
  for (const p of people) {
    for (const period of periods) {
      const end = monthEnd(period);
      const from = periodDays(addMonths(period, -11))!.first;
      const clients = new Map<string, Deal[]>();
      for (const d of dealsOf.get(p.userid) ?? [])
        if (d.signedOn >= from && d.signedOn <= end) clients.set(d.customerName, [...(clients.get(d.customerName) ?? []), d]);
      for (const [customerName, ds] of clients) {
        const key = `${p.userid}|${customerName}|${period}`;
        const s = demoSurvey({
          key,
          amountFen: Math.max(...ds.map((d) => Number(d.amountFen))),
          renewalYears: Math.max(...ds.map((d) => d.renewalYears)),
          collaborations: perCustomer.get(`${p.userid}|${customerName}`) ?? 0,
        });
        const surveyedOn = `${period}-${String(s.day).padStart(2, '0')}`;
        if (surveyedOn > today) continue;
        surveys.push(
          Object.assign(new SatisfactionScore(), {
            corpId,
            source: 'import' as const,
            sourceId: `${DEMO_PREFIX}${stableHash(key).toString(16)}-${period}`,
            importedAt: now,
            customerName,
            ownerUserid: p.userid,
            scoreTenths: s.scoreTenths,
            surveyedOn,
          }),
        );
      }
    }
  }
  // tenancy: the corp's existing ratings of those months (a supervisor's own rating is never replaced).
  const rated = new Set(
    (
      await ds
        .getRepository(KpiRating)
        .find({ where: { corpId, period: In([...periods]), indicatorId: 'teamProject' }, select: { userid: true, period: true } })
    ).map((r) => `${r.userid}|${r.period}`),
  );
  const ratings: KpiRating[] = [];
  for (const p of people) {
    if (!p.supervisorUserid) continue;
    for (const period of periods) {
      if (rated.has(`${p.userid}|${period}`)) continue;
      const r = demoTeamProjectRating(perMonth.get(`${p.userid}|${period}`) ?? 0);
      const end = monthEnd(period) < today ? monthEnd(period) : today;
      ratings.push(
        Object.assign(new KpiRating(), {
          corpId,
          userid: p.userid,
          period,
          indicatorId: 'teamProject',
          rating: r.rating,
          comment: r.comment,
          ratedBy: p.supervisorUserid,
          ratedAt: new Date(`${end}T10:00:00+08:00`),
        }),
      );
    }
  }
  await ds.transaction(async (em) => {
    for (let i = 0; i < surveys.length; i += BATCH) await em.getRepository(SatisfactionScore).insert(surveys.slice(i, i + BATCH));
    for (let i = 0; i < ratings.length; i += BATCH) await em.getRepository(KpiRating).insert(ratings.slice(i, i + BATCH));
  });
  return surveys.length + ratings.length > 0;
}
