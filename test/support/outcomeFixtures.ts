/** Stored inputs of the 转型看板 for its tests: a person's risk band of a week and match-score tier of a month. */
import type { DataSource } from 'typeorm';
import { RetentionRisk, TalentMatchScore } from '../../server/src/entities';

const COMPUTED_AT = new Date('2026-12-05T02:00:00Z');

/** A stored weekly risk with `band` (the model's probability matching it). */
export async function buildRisk(ds: DataSource, corpId: string, userid: string, weekStart: string, band: '高' | '中' | '低') {
  await ds.getRepository(RetentionRisk).insert({
    corpId,
    userid,
    weekStart,
    baseline: 'ok',
    baselineWeeks: 12,
    ruleVersion: 'article-rule-v1',
    ruleFired: false,
    ruleProbabilityBp: null,
    communicationChangeBp: 0,
    leaveChangeBp: 0,
    modelVersion: 'm1',
    modelProbabilityBp: band === '高' ? 7000 : band === '中' ? 3000 : 500,
    band,
    explanation: { ruleReason: '未同时满足', drivers: ['近 4 周跟进 2 次，是本人过去 12 周平均的一半'], modelNote: null, signals: {} },
    computedAt: COMPUTED_AT,
  });
}

/** A stored match score of job model 1 in `tier` for `period`. */
export async function buildTier(ds: DataSource, corpId: string, userid: string, period: string, t: 'move' | 'train' | 'reassign') {
  await ds.getRepository(TalentMatchScore).insert({
    corpId,
    userid,
    period,
    jobModelId: 1,
    versionId: 1,
    scoreT: t === 'move' ? 850 : t === 'train' ? 700 : 400,
    tier: t,
    detail: '{}',
    computedAt: COMPUTED_AT,
  });
}
