/**
 * KPI results: GET /api/v1/kpi/mine (我的绩效, everyone), GET /api/v1/kpi/team (团队绩效: the actor's direct reports,
 * no pay), POST /api/v1/kpi/ratings (a supervisor rates a report), GET /api/v1/kpi/people (HR within its departments,
 * admins all; a page at a time by name, with the month's 共 N 人 and 达标 M 人), GET /api/v1/kpi/people/:userid
 * (someone's detail: the people scope; reading someone else's records one audit row), GET /api/v1/kpi/promotions and
 * POST /api/v1/kpi/promotions/:id/decision (HR records its decision), POST /api/v1/kpi/recompute (HR and admins:
 * rescore a month). Anyone outside the actor's scope answers 404.
 */
import Router from '@koa/router';
import { In } from 'typeorm';
import { z } from 'zod';
import { addMonths, DEFAULT_KPI_SETTINGS, KPI_PEOPLE_PAGE_SIZE_MAX, ratingWindow, type KpiPeopleList, type KpiPeoplePage } from '@liucai/shared';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import { KpiPromotion, KpiScore, User } from '../../../entities';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import { shanghaiDate } from '../../../util/dates';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { keptUserRow, scopeKey, visiblePerson, whereInPeopleScope } from '../../people/policies/peopleScope';
import { keptRead } from '../../../db/keptReads';
import { payScopeOf, payVisibleUserIds } from '../policies/payScope';
import { assertPayAdmin } from '../policies/payAdmin';
import { presentKpiPerson, presentKpiRows, presentPromotion } from '../presenters/kpiResultPresenter';
import { recordKpiRating } from '../commands/kpiRatingRecorder';
import { decideKpiPromotion } from '../commands/kpiPromotionDecider';
import { enqueueKpiScoring } from '../jobs/kpiScoreJob';
import { IdParamSchema } from './schema';

const LABELS = {
  period: '月份',
  userid: '员工',
  indicatorId: '指标',
  rating: '评分',
  comment: '评语',
  decision: '决定',
  note: '说明',
  id: '编号',
  page: '页码',
  pageSize: '每页条数',
};
const PERIOD = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 yyyy-mm，如 2026-06');
const PeriodQuery = z.object({ period: PERIOD.optional() });
const POSITIVE = '应为正整数';
const PAGE_SIZE = `应为 1 到 ${KPI_PEOPLE_PAGE_SIZE_MAX} 的整数`;
const PeoplePageQuery = PeriodQuery.extend({
  page: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).default(1),
  pageSize: z.coerce.number({ message: PAGE_SIZE }).int(PAGE_SIZE).min(1, PAGE_SIZE).max(KPI_PEOPLE_PAGE_SIZE_MAX, PAGE_SIZE).default(20),
});
const RatingBody = z.object({
  userid: z.string({ message: '必填' }).min(1, '必填').max(64),
  period: PERIOD,
  indicatorId: z.string({ message: '必填' }).min(1, '必填').max(64),
  rating: z.number({ message: '应为 1 到 5 的整数' }),
  comment: z.string().max(500, '最多 500 个字').nullish(),
});
const DecisionBody = z.object({
  decision: z.enum(['promote', 'notYet'], { message: '应为 promote（晋升）或 notYet（暂不晋升）' }),
  note: z.string().trim().max(500, '最多 500 个字').nullish(),
});
const RecomputeBody = z.object({ period: PERIOD });

export function kpiResultRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/kpi' });
  const settings = () => deps.config.kpi ?? DEFAULT_KPI_SETTINGS;
  const today = () => shanghaiDate(new Date());
  /** The month a list shows by default: the last complete one. */
  const periodOf = (q: unknown) => validate(PeriodQuery, q, LABELS).period ?? addMonths(today().slice(0, 7), -1);
  const userOf = async (actor: Actor, userid: string) => {
    const u = await keptUserRow(deps.ds, actor, userid);
    if (!u) throw notFound('员工');
    return u;
  };
  /** The promotions of these people, newest first; `known` names people already read (the rest are read, once). */
  const promotionsOf = async (actor: Actor, userids: string[], known: ReadonlyMap<string, string> = new Map()) => {
    if (userids.length === 0) return [];
    // tenancy: the actor's corp.
    const rows = await deps.ds
      .getRepository(KpiPromotion)
      .find({ where: { corpId: actor.corpId, userid: In(userids) }, order: { period: 'DESC', id: 'DESC' } });
    const unknown = [...new Set(rows.map((p) => p.userid))].filter((id) => !known.has(id));
    const names = new Map(known);
    if (unknown.length > 0)
      // tenancy: the actor's corp.
      for (const u of await deps.ds.getRepository(User).find({ where: { corpId: actor.corpId, userid: In(unknown) }, select: { userid: true, name: true } }))
        names.set(u.userid, u.name);
    return rows.map((p) => presentPromotion(p, names));
  };

  r.get('/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    const { period } = validate(PeriodQuery, ctx.query, LABELS);
    ctx.body = {
      ok: true,
      data: await presentKpiPerson(deps.ds, actor, await userOf(actor, actor.userid), period ?? null, { required: settings().promotionMonths, today: today() }),
    };
  });

  r.get('/team', async (ctx) => {
    const actor = ctx.state.actor!;
    const period = periodOf(ctx.query);
    const day = today();
    // Kept while no person and no pay table changed (a supervisor opens the page again after each rating).
    const data = await keptRead(deps.ds, actor, ['people', 'pay'], ['kpiTeam', actor.userid, period, day], async (): Promise<KpiPeopleList> => {
      // tenancy: the actor's corp; their direct reports only.
      const reports = (
        await deps.ds.getRepository(User).find({ where: { corpId: actor.corpId, supervisorUserid: actor.userid, status: 'active' }, order: { name: 'ASC' } })
      ).filter((u) => u.userid !== actor.userid);
      return {
        period,
        ratingWindow: ratingWindow(period, settings().ratingWindowDays),
        people: await presentKpiRows(deps.ds, actor, reports, period, { required: settings().promotionMonths, today: day, ratable: true }),
        promotions: await promotionsOf(
          actor,
          reports.map((u) => u.userid),
          new Map(reports.map((u) => [u.userid, u.name])),
        ),
      };
    });
    ctx.body = { ok: true, data };
  });

  r.post('/ratings', async (ctx) => {
    const actor = ctx.state.actor!;
    const body = validate(RatingBody, ctx.request.body, LABELS);
    const rating = await recordKpiRating(deps.ds, actor, body, { today: today(), settings: settings() });
    await enqueueKpiScoring(deps.jobs, actor.corpId, body.period, `rating-${rating.id}-${rating.ratedAt.getTime()}`);
    ctx.status = 201;
    ctx.body = {
      ok: true,
      data: { id: rating.id, userid: rating.userid, period: rating.period, indicatorId: rating.indicatorId, rating: rating.rating, comment: rating.comment },
    };
  });

  r.get('/people', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    const query = validate(PeoplePageQuery, ctx.query, LABELS);
    const day = today();
    const period = query.period ?? addMonths(day.slice(0, 7), -1);
    const scope = await payScopeOf(deps.ds, actor);
    // Kept while the people, their scores and the org are unchanged (per scope, month, page and day).
    const key = ['kpiPeople', scopeKey(scope), period, query.page, query.pageSize, day];
    const data = await keptRead(deps.ds, actor, ['org', 'people', 'pay'], key, async (): Promise<KpiPeoplePage> => {
      // tenancy: whereInPeopleScope adds the corp; the people scored that month.
      const scored = () =>
        whereInPeopleScope(
          deps.ds
            .getRepository(User)
            .createQueryBuilder('u')
            .innerJoin(KpiScore, 'k', 'k.corp_id = u.corp_id AND k.userid = u.userid AND k.period = :period', { period }),
          'u',
          scope,
        );
      // The month's figures over every page, in SQL; then one page by name (pinyin, then userid: a stable order).
      const sums = await scored()
        .select('COUNT(*)', 'total')
        .addSelect('COALESCE(SUM(CASE WHEN k.met THEN 1 ELSE 0 END), 0)', 'met')
        .getRawOne<{ total: number | string; met: number | string }>();
      const people = await scored()
        .select(['u.userid', 'u.name', 'u.title', 'u.namePinyin'])
        .orderBy('u.name_pinyin', 'ASC')
        .addOrderBy('u.userid', 'ASC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getMany();
      return {
        period,
        ratingWindow: ratingWindow(period, settings().ratingWindowDays),
        people: await presentKpiRows(deps.ds, actor, people, period, { required: settings().promotionMonths, today: day, ratable: false }),
        promotions: [],
        total: Number(sums?.total ?? 0),
        metCount: Number(sums?.met ?? 0),
        page: query.page,
        pageSize: query.pageSize,
      };
    });
    ctx.body = { ok: true, data };
  });

  r.get('/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const { userid } = validate(z.object({ userid: z.string().min(1).max(64) }), ctx.params, LABELS);
    const { period } = validate(PeriodQuery, ctx.query, LABELS);
    const person = await visiblePerson(deps.ds, actor, userid);
    if (!person) throw notFound('员工');
    const data = await presentKpiPerson(deps.ds, actor, person, period ?? null, { required: settings().promotionMonths, today: today() });
    if (userid !== actor.userid) {
      await recordReadAudit(deps.ds, actor, {
        action: 'pay.kpi.read',
        targetKind: 'kpi_score',
        targetId: `${userid}:${data.period ?? '-'}`,
        subjectUserid: userid,
        detail: { period: data.period },
      });
    }
    ctx.body = { ok: true, data };
  });

  r.get('/promotions', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    // tenancy: the actor's corp; then only the people in its departments.
    const rows = await deps.ds.getRepository(KpiPromotion).find({ where: { corpId: actor.corpId }, select: { userid: true } });
    const visible = await payVisibleUserIds(
      deps.ds,
      actor,
      rows.map((p) => p.userid),
    );
    ctx.body = { ok: true, data: await promotionsOf(actor, [...visible]) };
  });

  r.post('/promotions/:id/decision', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    const { id } = validate(IdParamSchema, ctx.params, LABELS);
    const body = validate(DecisionBody, ctx.request.body, LABELS);
    // tenancy: the actor's corp; a person outside its departments answers 404.
    const promo = await deps.ds.getRepository(KpiPromotion).findOneBy({ corpId: actor.corpId, id });
    if (!promo || !(await payVisibleUserIds(deps.ds, actor, [promo.userid])).has(promo.userid)) throw notFound('晋升资格');
    const decided = await decideKpiPromotion(deps.ds, actor, id, { decision: body.decision, note: body.note?.trim() || null });
    const names = new Map([[promo.userid, (await userOf(actor, promo.userid)).name]]);
    ctx.body = { ok: true, data: presentPromotion(decided, names) };
  });

  r.post('/recompute', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    const { period } = validate(RecomputeBody, ctx.request.body, LABELS);
    await enqueueKpiScoring(deps.jobs, actor.corpId, period, `request-${Date.now()}`);
    ctx.status = 202;
    ctx.body = { ok: true, data: { period, queued: true } };
  });

  return r;
}
