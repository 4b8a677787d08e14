/**
 * How the permission matrix calls the KPI results routes: the target's own KPI scheme (for their DingTalk title, with
 * the judgement indicator 团队项目贡献) so their supervisor can rate them this month, and one promotion eligibility of
 * the target per actor so that every allowed actor's decision is a first decision.
 */
import { KPI_TEMPLATES } from '@liucai/shared';
import type { Actor } from '../../server/src/appTypes';
import { KpiPromotion, KpiScheme, User } from '../../server/src/entities';
import { createRule } from '../../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionPublisher';
import { KPI_FAMILY } from '../../server/src/modules/pay/ruleFamilies';
import { shanghaiDate } from '../../server/src/util/dates';
import type { PermissionWorld } from './permissionWorld';
import { once } from './fixtureRules';
import { ACTORS, type ActorName } from './permissionTable';
import type { Fixture } from './permissionFixtures';

/** A scheme for the target's title with a rated indicator (unless one for that title exists already). */
const targetScheme = (pw: PermissionWorld) =>
  once(pw, 'kpiTargetScheme', async () => {
    const target = await pw.w.ds.getRepository(User).findOneByOrFail({ corpId: pw.w.corpId, userid: pw.target });
    if (await pw.w.ds.getRepository(KpiScheme).existsBy({ corpId: pw.w.corpId, jobTitle: target.title ?? '' })) return;
    const actor: Actor = { corpId: pw.w.corpId, userid: pw.users.admin!, roles: ['employee', 'admin'], hrDeptIds: [] };
    const rule = await createRule(pw.w.ds, KPI_FAMILY, actor, { code: 'matrix-kpi-target', name: '矩阵目标 KPI', jobTitle: target.title });
    const definition = KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition;
    const v = await createRuleVersion(pw.w.ds, KPI_FAMILY, actor, rule.id, { effectiveFrom: '2020-01-01', definition, note: '矩阵' });
    await publishRuleVersion(pw.w.ds, KPI_FAMILY, actor, v.id);
  });

/** A promotion eligibility of the target for `actor` to decide on. */
const promotionFor = (pw: PermissionWorld, actor: ActorName) =>
  once(pw, `kpiPromotion:${actor}`, async () => {
    const streakFrom = `${2030 + ACTORS.indexOf(actor)}-01`;
    const row = await pw.w.ds.getRepository(KpiPromotion).save(
      Object.assign(new KpiPromotion(), {
        corpId: pw.w.corpId,
        userid: pw.target,
        streakFrom,
        period: streakFrom.replace(/-01$/, '-03'),
        evidence: '[]',
        createdAt: new Date(),
        decision: null,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      }),
    );
    return row.id;
  });

export const KPI_FIXTURES: Record<string, Fixture> = {
  'POST /api/v1/kpi/ratings': {
    call: async (pw) => {
      await targetScheme(pw);
      return {
        path: '/api/v1/kpi/ratings',
        json: { userid: pw.target, period: shanghaiDate(new Date()).slice(0, 7), indicatorId: 'teamProject', rating: 3, comment: '矩阵评分' },
      };
    },
  },
  'GET /api/v1/kpi/people/:userid': { call: (pw) => ({ path: `/api/v1/kpi/people/${pw.target}` }) },
  'POST /api/v1/kpi/promotions/:id/decision': {
    call: async (pw, actor) => ({ path: `/api/v1/kpi/promotions/${await promotionFor(pw, actor)}/decision`, json: { decision: 'notYet', note: '矩阵决定' } }),
  },
  'POST /api/v1/kpi/recompute': { call: () => ({ path: '/api/v1/kpi/recompute', json: { period: '2031-01' } }) },
};
