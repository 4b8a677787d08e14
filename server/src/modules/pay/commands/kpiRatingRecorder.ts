/**
 * A supervisor rates a judgement indicator (source `supervisorRating`) of a direct report for a month: only their
 * own reports (anyone else answers 404), only an indicator of the report's scheme that needs a rating, within the
 * month's window, with a comment for 1 and 5 (shared kpiRatingProblems). A second rating in the window replaces the
 * first; each write and its audit event commit together. The caller enqueues the month's rescoring after the commit.
 */
import type { DataSource } from 'typeorm';
import { kpiRatingProblems, zh, type KpiRatingInput, type KpiSettings } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { KpiRating, User } from '../../../entities';
import { notFound, validationError } from '../../../errors';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { referenceDay } from '../../talent/commands/talentRecomputer';
import { schemeFor, schemesInForce } from './kpiScorer';

const LABELS: Record<string, string> = { rating: '评分', comment: '评语', period: '月份', indicatorId: '指标' };

export async function recordKpiRating(
  ds: DataSource,
  actor: Actor,
  input: KpiRatingInput & { userid: string },
  opts: { today: string; settings: KpiSettings; now?: Date },
): Promise<KpiRating> {
  // tenancy: the actor's corp; only their direct reports.
  const person = await ds.getRepository(User).findOneBy({ corpId: actor.corpId, userid: input.userid, supervisorUserid: actor.userid });
  if (!person || person.userid === actor.userid) throw notFound('员工');
  const scheme = schemeFor(await schemesInForce(ds, actor.corpId, referenceDay(input.period, opts.today)), person.title);
  const indicator = scheme?.compiled.indicators.find((i) => i.id === input.indicatorId);
  if (!scheme) throw validationError([{ field: 'userid', label: '员工', message: zh`${person.name}在 ${input.period} 没有适用的 KPI 方案，无需评分` }]);
  if (!indicator || indicator.source !== 'supervisorRating') {
    const ratable = scheme.compiled.indicators.filter((i) => i.source === 'supervisorRating').map((i) => `“${i.label}”`);
    throw validationError([
      {
        field: 'indicatorId',
        label: '指标',
        message: ratable.length
          ? zh`该指标不需要主管评分；${person.name}需要评分的指标：${ratable.join('、')}`
          : zh`${person.name}的 KPI 方案没有需要主管评分的指标`,
      },
    ]);
  }
  const problems = kpiRatingProblems(input, opts.today, opts.settings.ratingWindowDays);
  if (problems.length) throw validationError(problems.map((p) => ({ ...p, label: LABELS[p.field] ?? p.field })));
  const now = opts.now ?? new Date();
  const comment = input.comment?.trim() || null;
  return ds.transaction(async (em) => {
    const repo = em.getRepository(KpiRating);
    // tenancy: the corp's rating of this person, month and indicator.
    const existing = await repo.findOneBy({ corpId: actor.corpId, userid: person.userid, period: input.period, indicatorId: indicator.id });
    const previous = existing?.rating ?? null;
    const row = Object.assign(existing ?? new KpiRating(), {
      corpId: actor.corpId,
      userid: person.userid,
      period: input.period,
      indicatorId: indicator.id,
      rating: input.rating,
      comment,
      ratedBy: actor.userid,
      ratedAt: now,
    });
    const saved = await repo.save(row);
    await recordAudit(em, actor, {
      action: 'pay.kpiRating.rate',
      targetKind: 'kpi_rating',
      targetId: saved.id,
      subjectUserid: person.userid,
      detail: { period: input.period, indicatorId: indicator.id, rating: input.rating, previous },
    });
    return saved;
  });
}
