/**
 * How the permission matrix calls the retention radar's routes: the target has a stored risk (高, the rule fired),
 * so the person route answers with something to hide from everyone outside scope.
 */
import { RetentionRisk } from '../../server/src/entities';
import type { PermissionWorld } from './permissionWorld';
import type { Fixture } from './permissionFixtures';

export const MATRIX_RISK_WEEK = '2026-11-23';

/** The target's risk for the matrix week (once). */
export async function targetRisk(pw: PermissionWorld): Promise<void> {
  const risks = pw.w.ds.getRepository(RetentionRisk);
  if (await risks.existsBy({ corpId: pw.w.corpId, userid: pw.target, weekStart: MATRIX_RISK_WEEK })) return;
  await risks.insert({
    corpId: pw.w.corpId,
    userid: pw.target,
    weekStart: MATRIX_RISK_WEEK,
    baseline: 'ok',
    baselineWeeks: 12,
    ruleVersion: 'article-rule-v1',
    ruleFired: true,
    ruleProbabilityBp: 8000,
    communicationChangeBp: -8000,
    leaveChangeBp: 20000,
    modelVersion: null,
    modelProbabilityBp: null,
    band: '高',
    explanation: { ruleReason: '矩阵测试', drivers: [], modelNote: '数据不足', signals: {} },
    computedAt: new Date(),
  });
}

export const RETENTION_FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/retention/risks': { before: targetRisk, call: () => ({ path: '/api/v1/retention/risks' }) },
  'GET /api/v1/retention/people/:userid': { before: targetRisk, call: (pw) => ({ path: `/api/v1/retention/people/${pw.target}` }) },
  'POST /api/v1/retention/people/:userid/reviews': {
    before: targetRisk,
    call: (pw) => ({ path: `/api/v1/retention/people/${pw.target}/reviews`, json: { outcome: '已沟通', note: '矩阵测试：已与本人沟通' } }),
  },
};
