/**
 * The talent review (人才盘点): GET /api/v1/talent/review lists the stored match scores of the people in the
 * caller's scope (HR its departments, a supervisor their reports and themself, everyone themself, admins all) for a
 * month and job model, with the tier distribution; GET /api/v1/talent/people/:userid is one person's scores over the
 * months and quarters with the newest monthly portrait (`?period=2026Q3` or `yyyy-mm`: that period's; `?kind=quarter`:
 * the newest quarter's; 404 when not computed), each metric with its value, sample size and what is missing (404 outside scope). Nothing is computed here: the talent.recompute job stores what is read.
 */
import Router from '@koa/router';
import { periodKind, periodLabel, zh, type TalentPersonScores } from '@liucai/shared';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import { keptRead } from '../../../db/keptReads';
import type { User } from '../../../entities';
import { validate } from '../../../middleware/validate';
import { loadDepartmentIndex, type DepartmentIndex } from '../../people/queries/departmentIndex';
import { findPersonInScope } from '../../people/queries/personInScope';
import { presentScore } from '../presenters/talentScorePresenter';
import { jobModelNames, latestScored, scoresOfPerson } from '../queries/talentScores';
import { portraitOf } from '../queries/portraitOf';
import {
  DecisionBodySchema,
  NineBoxQuerySchema,
  PERSON_QUERY_LABELS,
  PersonQuerySchema,
  ReviewExportQuerySchema,
  ReviewListQuerySchema,
  ReviewQuerySchema,
  TALENT_FIELD_LABELS,
} from './schema';
import { eachReviewBatch, talentReviewDepartments, talentReviewOf } from '../queries/talentReviewOf';
import { nineBoxAnswer } from '../queries/nineBoxOf';
import { TalentReviewSheet } from '../presenters/talentReviewExport';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { sendTables } from '../../../util/tableFile';
import { decisionsOf, deciderNames } from '../queries/talentDecisions';
import { presentDecision } from '../presenters/talentDecisionPresenter';
import { recordTalentDecision } from '../commands/talentDecisionRecorder';
import { assertTalentAdmin } from '../policies/talentAdmin';
import { AppError, forbidden, validationError } from '../../../errors';

/** 404 for a portrait not computed (yet): which period, and when the job computes one. */
const portraitNotComputed = (period: string | null) =>
  new AppError(
    'not_found',
    period === null
      ? '数据不足：还没有季度画像；季度画像在每季度最后一个月结束后由重新计算生成'
      : zh`数据不足：${periodLabel(period)}的画像还没有计算${periodKind(period) === 'quarter' ? '；季度画像在该季度最后一个月结束后由重新计算生成' : ''}`,
    404,
  );

export function talentReviewRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/talent' });

  // One page of the people in scope matching the filters, with the tier counts (grouped in SQL).
  r.get('/review', async (ctx) => {
    const q = validate(ReviewListQuerySchema, ctx.query, TALENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await talentReviewOf(deps.ds, ctx.state.actor!, q) };
  });

  // The tier counts per main department of the people in scope (人才盘点 → 按部门).
  r.get('/review/departments', async (ctx) => {
    const q = validate(ReviewQuerySchema, ctx.query, TALENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await talentReviewDepartments(deps.ds, ctx.state.actor!, q) };
  });

  // HR and admins: the 9-box of the same people (tier × recent sales; cut-offs over the whole corp, both as the last
  // talent recompute stored them): each cell's count and first people; with `?cell=`, one page of that cell's people.
  r.get('/review/nine-box', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const q = validate(NineBoxQuerySchema, ctx.query, TALENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await nineBoxAnswer(deps.ds, actor, q) };
  });

  // HR and admins: the review as .xlsx or CSV (audited: a list of people with their scores leaves the product).
  r.get('/review/export', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const { format, ...q } = validate(ReviewExportQuerySchema, ctx.query, TALENT_FIELD_LABELS);
    // Read in batches (the list's order), each batch's rows added to the sheet as it comes.
    const sheet = new TalentReviewSheet();
    const review = await eachReviewBatch(deps.ds, actor, q, (people, jobModel) => sheet.add(people, jobModel));
    await recordReadAudit(deps.ds, actor, {
      action: 'talent.review.export',
      targetKind: 'talent_review',
      targetId: review.jobModel?.id ?? 'none',
      detail: { format, period: review.period, people: review.people },
    });
    const period = review.period ?? 'none';
    await sendTables(ctx, format, { asciiName: `talent-review-${period}`, name: zh`人才盘点-${period}` }, [sheet.sheet()]);
  });

  r.get('/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const q = validate(PersonQuerySchema, ctx.query, PERSON_QUERY_LABELS);
    const { person } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    // Kept while no score, metric, decision, person or department changed (the person's portrait and scores: the
    // same for everyone who may see them, so the actor is not in the key).
    const key = ['talentPerson', person.userid, q];
    const data = await keptRead(deps.ds, actor, ['org', 'people', 'talent'], key, () => talentPersonScores(deps.ds, actor, person, depts, q));
    ctx.body = { ok: true, data };
  });

  // HR (within its departments) and admins record a decision on the suggested tier; never on themselves.
  r.post('/people/:userid/decisions', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const body = validate(DecisionBodySchema, ctx.request.body ?? {}, TALENT_FIELD_LABELS);
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const { person } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    if (person.userid === actor.userid) throw forbidden('不能为自己的人才盘点结果做决定');
    const found = await latestScored(deps.ds, actor.corpId, body.period);
    if (!found)
      throw validationError([
        { field: 'period', label: '月份', message: body.period ? zh`月份 ${body.period} 还没有匹配度结果` : '月份：还没有任何匹配度结果' },
      ]);
    const saved = await recordTalentDecision(deps.ds, actor, person.userid, { period: found.period, jobModelId: body.jobModelId ?? found.jobModelId }, body);
    const names = await deciderNames(deps.ds, actor.corpId, [saved]);
    ctx.status = 201;
    ctx.body = { ok: true, data: presentDecision(saved, names) };
  });
  return r;
}

/** One person's portrait, scores (month and quarter) and HR's decisions, as 员工档案's 画像 tab shows them. */
async function talentPersonScores(
  ds: AppDeps['ds'],
  actor: Actor,
  person: User,
  depts: DepartmentIndex,
  q: { period?: string; kind?: 'month' | 'quarter' },
): Promise<TalentPersonScores> {
  const portrait = await portraitOf(ds, actor, person, depts, q.period ? { period: q.period } : { kind: q.kind ?? 'month' });
  // Asked for a period or a quarter that is not stored yet: say so (the job computes it, never a request).
  if (!portrait && (q.period || q.kind === 'quarter')) throw portraitNotComputed(q.period ?? null);
  const [rows, { history, names }] = await Promise.all([scoresOfPerson(ds, actor.corpId, person.userid), decisionsOf(ds, actor, person.userid)]);
  const jobModels = await jobModelNames(
    ds,
    actor,
    rows.map((r) => r.score.jobModelId),
  );
  const decisions = history.map((d) => presentDecision(d, names));
  // The decision in force per month and job model: the newest (history is newest first).
  const inForce = (period: string, jobModelId: number) => decisions.find((d) => d.period === period && d.jobModelId === jobModelId) ?? null;
  const views = rows.map((row) => presentScore(row, depts, inForce(row.score.period, row.score.jobModelId)));
  return {
    userid: person.userid,
    name: person.name,
    scores: views.filter((s) => periodKind(s.period) === 'month'),
    quarterScores: views.filter((s) => periodKind(s.period) === 'quarter'),
    decisions,
    jobModels,
    portrait,
  };
}
