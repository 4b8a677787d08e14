/**
 * 留才雷达 API (PIPL Art. 24): GET /api/v1/retention/risks (the current week's risks of the people in the viewer's
 * risk scope), GET /api/v1/retention/people/:userid (one person's weekly history, signals and drivers) and POST
 * /api/v1/retention/people/:userid/reviews (HR's 已沟通 / 误报 with a note). HR sees
 * everything of the people in its departments, a supervisor the band and drivers of their direct reports; nobody sees
 * their own risk; others 403, a person outside scope 404. Every view records exactly one audit event.
 */
import Router from '@koa/router';
import type { RetentionPersonView, RetentionRiskList } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { forbidden, notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import { keptRead } from '../../../db/keptReads';
import { peopleWithRows } from '../../../db/peopleWithRows';
import { RetentionReview } from '../../../entities';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { actorKey } from '../../people/policies/peopleScope';
import { learnHrMembers, riskScopeOf, seenAsHr, type RiskScope } from '../policies/riskScope';
import { currentRiskWeek, namesOf, personHistory, personInRiskScope, reviewsOf, riskPage } from '../queries/riskViews';
import { presentReview, presentRisk, presentWeeks, riskWords } from '../presenters/riskPresenter';
import { REVIEW_HR_ONLY, reviewRisk } from '../commands/riskReviewer';
import { RETENTION_FIELD_LABELS, ReviewBodySchema, RiskListQuerySchema, UseridParamSchema } from './schema';

export function retentionRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/retention' });

  r.get('/risks', async (ctx) => {
    const actor = ctx.state.actor!;
    const rs = await riskScopeOf(deps.ds, actor);
    const query = validate(RiskListQuerySchema, ctx.query, RETENTION_FIELD_LABELS);
    const weekStart = await currentRiskWeek(deps.ds, actor.corpId);
    // The page as shown (risks, HR's latest reviews) is kept while no risk, review, person or department changed; the
    // view is audited every time.
    const { risks, total, counts } = weekStart
      ? await keptRead(deps.ds, actor, ['org', 'people', 'retention'], ['riskList', actorKey(actor), weekStart, query], () =>
          riskList(deps.ds, rs, weekStart, query),
        )
      : { risks: [], total: 0, counts: { 高: 0, 中: 0, 低: 0, none: 0 } };
    // One event for the view, naming everyone whose risk it showed.
    await recordReadAudit(deps.ds, actor, {
      action: 'retention.riskList.read',
      targetKind: 'retention_risk_list',
      targetId: weekStart ?? '-',
      detail: { weekStart, band: query.band ?? null, page: query.page, userids: risks.map((x) => x.userid) },
    });
    const data: RetentionRiskList = { weekStart, counts, risks, total, page: query.page, pageSize: query.pageSize };
    ctx.body = { ok: true, data };
  });

  r.get('/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const { userid } = validate(UseridParamSchema, ctx.params, RETENTION_FIELD_LABELS);
    const rs = await riskScopeOf(deps.ds, actor, userid);
    const person = await personInRiskScope(deps.ds, rs, userid);
    if (!person) throw notFound('人员');
    const asHr = seenAsHr(rs, person);
    const { risks, signals } = await personHistory(deps.ds, actor.corpId, userid);
    const latest = risks.at(-1) ?? null;
    await recordReadAudit(deps.ds, actor, {
      action: 'retention.risk.read',
      targetKind: 'retention_risk',
      targetId: userid,
      subjectUserid: userid,
      detail: { weekStart: latest?.weekStart ?? null, asHr },
    });
    // HR's reviews of the person: none to read for the many never reviewed (the corp's reviewed people are kept).
    const reviewed = asHr && (await peopleWithRows(deps.ds, actor, 'retention', RetentionReview)).has(userid);
    const reviews = reviewed ? await reviewsOf(deps.ds, actor.corpId, [userid]) : [];
    const names = await namesOf(
      deps.ds,
      actor.corpId,
      reviews.map((x) => x.reviewerUserid),
    );
    const current = latest ? presentRisk(latest, person, asHr) : null;
    const words = asHr && latest ? riskWords(latest) : null;
    const currentReview = latest ? reviews.find((rv) => rv.weekStart === latest.weekStart) : undefined;
    if (current && currentReview) current.review = presentReview(currentReview, names);
    const data: RetentionPersonView = {
      current,
      signals: words?.signals ?? null,
      team: words?.team ?? null,
      domainSignals: words?.domainSignals ?? null,
      weeks: presentWeeks(risks, signals, asHr),
      reviews: reviews.map((rv) => presentReview(rv, names)),
    };
    ctx.body = { ok: true, data };
  });

  r.post('/people/:userid/reviews', async (ctx) => {
    const actor = ctx.state.actor!;
    if (!actor.roles.includes('hr')) throw forbidden(REVIEW_HR_ONLY);
    const { userid } = validate(UseridParamSchema, ctx.params, RETENTION_FIELD_LABELS);
    const body = validate(ReviewBodySchema, ctx.request.body ?? {}, RETENTION_FIELD_LABELS);
    const review = await reviewRisk(deps.ds, actor, userid, body);
    const names = await namesOf(deps.ds, actor.corpId, [actor.userid]);
    ctx.status = 201;
    ctx.body = { ok: true, data: presentReview(review, names) };
  });

  return r;
}

/** The current week's page of risks in the risk scope as the list shows them, with HR's latest review of each. */
async function riskList(
  ds: AppDeps['ds'],
  rs: RiskScope,
  weekStart: string,
  query: Parameters<typeof riskPage>[3],
): Promise<Pick<RetentionRiskList, 'risks' | 'total' | 'counts'>> {
  const corpId = rs.scope.corpId;
  const { rows, total, counts } = await riskPage(ds, rs, weekStart, query);
  await learnHrMembers(
    ds,
    rs,
    rows.map((row) => row.userid),
  );
  const risks = rows.map((row) => presentRisk(row.risk, row, seenAsHr(rs, row)));
  // HR sees the latest review of this week's risk (one query for the page).
  const hrIds = risks.filter((x) => x.asHr).map((x) => x.userid);
  const reviews = await reviewsOf(ds, corpId, hrIds, weekStart);
  const names = await namesOf(
    ds,
    corpId,
    reviews.map((x) => x.reviewerUserid),
  );
  for (const x of risks) {
    const latest = x.asHr ? reviews.find((rv) => rv.userid === x.userid) : undefined;
    if (latest) x.review = presentReview(latest, names);
  }
  return { risks, total, counts };
}
