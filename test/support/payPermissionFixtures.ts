/**
 * How the permission matrix calls the pay routes (incentive plans, assignments, the simulator, KPI schemes), so that
 * every call means something and every write succeeds for the actors allowed to make it:
 *
 * - the demo plans are seeded once (the employee and the target are on the sales plans through their jobs);
 * - the target alone is on a plan of their own (矩阵目标方案), so simulating its version tells "my plan" from
 *   "someone else's plan";
 * - each actor edits a plan and a KPI scheme of its own (one published open-ended version from 2020, a draft to
 *   edit, a draft to publish), so no actor's write depends on, or gets in the way of, another's;
 * - creates use codes and dates unique to the actor.
 */
import { KPI_TEMPLATES } from '@liucai/shared';
import type { Actor } from '../../server/src/appTypes';
import { createRule } from '../../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionPublisher';
import { createPlanAssignment } from '../../server/src/modules/pay/commands/planAssignmentCreator';
import { seedDemoIncentivePlans } from '../../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { KPI_FAMILY, PLAN_FAMILY, type RuleFamily } from '../../server/src/modules/pay/ruleFamilies';
import { shanghaiDate } from '../../server/src/util/dates';
import type { PermissionWorld } from './permissionWorld';
import { once, setupActor } from './fixtureRules';
import { ACTORS, type ActorName } from './permissionTable';
import type { Fixture } from './permissionFixtures';
import { PayoutLine, PayoutRun, PayoutStatement } from '../../server/src/entities';
import { createDispute } from '../../server/src/modules/pay/commands/disputeCreator';
import { buildDeal } from './factories';
import { createPayoutRun } from '../../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../../server/src/modules/pay/commands/payoutRunTransitions';
import { createApiToken } from '../../server/src/modules/openapi/commands/apiTokenCommands';

const PLAN_DEFINITION = { components: [{ id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 100 }] };
const KPI_DEFINITION = KPI_TEMPLATES[0]!.definition;
/** The articles' example contract. */
const EXAMPLE = { contractValueCny: 150000, satisfaction: 9.2, renewalYears: 2, coordinations: 8 };

/** The demo plans and KPI scheme, seeded as `npm start` does. */
const demoPlans = (pw: PermissionWorld) =>
  once(pw, 'demo', async () => {
    if (!(await seedDemoIncentivePlans(pw.w.ds, pw.w.corpId, pw.users.admin!, shanghaiDate(new Date())))) {
      throw new Error('permission fixtures: the sandbox corp has no 销售中心 to seed the demo plans in');
    }
  });

/** A rule with one published version, in force from 2020 until further notice. */
async function publishedRule(pw: PermissionWorld, family: RuleFamily, code: string, name: string, definition: unknown) {
  const actor = setupActor(pw);
  const rule = await createRule(pw.w.ds, family, actor, { code, name });
  const v1 = await createRuleVersion(pw.w.ds, family, actor, rule.id, { effectiveFrom: '2020-01-01', definition, note: '矩阵首版' });
  await publishRuleVersion(pw.w.ds, family, actor, v1.id);
  return { ruleId: rule.id, publishedId: v1.id };
}

/** The target's own plan: assigned to the target alone (through 2049), its published version the one to simulate. */
const targetPlan = (pw: PermissionWorld) =>
  once(pw, 'target', async () => {
    await demoPlans(pw);
    const plan = await publishedRule(pw, PLAN_FAMILY, 'matrix-target', '矩阵目标方案', PLAN_DEFINITION);
    await createPlanAssignment(pw.w.ds, setupActor(pw), { planId: plan.ruleId, userid: pw.target, effectiveFrom: '2024-01-01', effectiveTo: '2049-12-31' });
    return plan;
  });

/**
 * The actor's own plan or KPI scheme: v1 published (2020 until further notice), a draft to edit (2041) and a draft to
 * publish (from 2030, taking over from v1, which then ends 2029-12-31). Copies and new drafts start in 2040 or later,
 * so they fit whether or not the 2030 draft was published yet.
 */
const actorRule = (pw: PermissionWorld, kind: 'plan' | 'kpi', actor: ActorName) =>
  once(pw, `${kind}:${actor}`, async () => {
    await demoPlans(pw);
    const [family, definition] = kind === 'plan' ? [PLAN_FAMILY, PLAN_DEFINITION] : [KPI_FAMILY, KPI_DEFINITION];
    const rule = await publishedRule(pw, family, `matrix-${kind}-${actor}`, `矩阵${kind === 'plan' ? '激励' : ' KPI '}方案 ${actor}`, definition);
    const draft = (effectiveFrom: string, effectiveTo: string | null, note: string) =>
      createRuleVersion(pw.w.ds, family, setupActor(pw), rule.ruleId, { effectiveFrom, effectiveTo, definition, note });
    const toEdit = await draft('2041-01-01', '2041-12-31', '矩阵草稿：待修改');
    const toPublish = await draft('2030-01-01', null, '矩阵草稿：待发布');
    return { ...rule, definition, editDraftId: toEdit.id, publishDraftId: toPublish.id };
  });

/** A year of the actor's own, for assignments that must not overlap between actors. */
const actorYear = (actor: ActorName) => 2060 + ACTORS.indexOf(actor);

/** The eight routes plans and KPI schemes share, for one family. */
function ruleFixtures(kind: 'plan' | 'kpi', prefix: string, rules: string, versions: string): Record<string, Fixture> {
  return {
    [`POST ${prefix}/${rules}`]: {
      before: demoPlans,
      call: (_pw, actor) => ({ path: `${prefix}/${rules}`, json: { code: `matrix-new-${kind}-${actor}`, name: `矩阵新建 ${actor}` } }),
    },
    [`GET ${prefix}/${rules}/:id`]: { call: async (pw, actor) => ({ path: `${prefix}/${rules}/${(await actorRule(pw, kind, actor)).ruleId}` }) },
    [`POST ${prefix}/${rules}/:id/versions`]: {
      async call(pw, actor) {
        const rule = await actorRule(pw, kind, actor);
        return { path: `${prefix}/${rules}/${rule.ruleId}/versions`, json: { effectiveFrom: '2040-01-01', note: '矩阵新草稿', definition: rule.definition } };
      },
    },
    [`PUT ${prefix}/${versions}/:id`]: {
      async call(pw, actor) {
        const rule = await actorRule(pw, kind, actor);
        return {
          path: `${prefix}/${versions}/${rule.editDraftId}`,
          json: { effectiveFrom: '2041-02-01', effectiveTo: '2041-12-31', note: '矩阵草稿：已修改', definition: rule.definition },
        };
      },
    },
    [`POST ${prefix}/${versions}/:id/publish`]: {
      call: async (pw, actor) => ({ path: `${prefix}/${versions}/${(await actorRule(pw, kind, actor)).publishDraftId}/publish`, json: {} }),
    },
    [`POST ${prefix}/${versions}/:id/copy`]: {
      call: async (pw, actor) => ({
        path: `${prefix}/${versions}/${(await actorRule(pw, kind, actor)).publishedId}/copy`,
        json: { effectiveFrom: '2042-01-01', note: '矩阵复制' },
      }),
    },
  };
}

/**
 * A computed payout run of 销售中心 for `period`, moved on to `status` (the target is on it through their own plan).
 * Each actor's lock / approve / publish gets a run of its own month, so no actor's step depends on another's.
 */
async function salesRun(pw: PermissionWorld, period: string, status: PayoutRun['status']): Promise<PayoutRun> {
  return once(pw, `run:${period}:${status}`, async () => {
    await targetPlan(pw);
    const actor = setupActor(pw);
    const run = await createPayoutRun(pw.w, actor, { period, deptId: pw.depts.sales });
    const out = await computePayoutRun(pw.w.ds, pw.w.corpId, run.id, run.computeSeq);
    if (!out.computed) throw new Error(`permission fixtures: run ${run.id} was not computed (${out.reason})`);
    const steps = (['lock', 'approve', 'publish'] as const).slice(0, ['draft', 'locked', 'approved', 'published'].indexOf(status));
    for (const step of steps) await advancePayoutRun(pw.w, actor, run.id, step);
    return pw.w.ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.w.corpId, id: run.id });
  });
}
/** A month of the actor's own, for runs that must not overlap between actors (`step` 1–4). */
const actorMonth = (actor: ActorName, step: number) => `${2070 + ACTORS.indexOf(actor)}-0${step}`;
/** The shared run the read routes look at: published, so the target's statement is visible to the target only. */
const sharedRun = (pw: PermissionWorld) =>
  once(pw, 'shared-run', async () => {
    // One contract of the target's per actor, so each actor has a line of its own to dispute and resolve.
    for (const a of ACTORS) {
      await buildDeal(pw.w.ds, pw.w.corpId, { sourceId: `matrix-deal-${a}`, ownerUserid: pw.target, amountFen: 1_000_000, signedOn: '2035-01-10' });
    }
    return salesRun(pw, '2035-01', 'published');
  });

/** The target's statement in the shared run. */
const targetStatement = async (pw: PermissionWorld) => {
  const run = await sharedRun(pw);
  return pw.w.ds.getRepository(PayoutStatement).findOneByOrFail({ corpId: pw.w.corpId, runId: run.id, userid: pw.target });
};

/** The target's line paid for the actor's contract, and (once) the target's open dispute of it. */
const actorLine = async (pw: PermissionWorld, actor: ActorName) => {
  const statement = await targetStatement(pw);
  return pw.w.ds
    .getRepository(PayoutLine)
    .findOneByOrFail({ corpId: pw.w.corpId, statementId: statement.id, contractRef: `deal:dingtalk:matrix-deal-${actor}` });
};
const actorDispute = (pw: PermissionWorld, actor: ActorName) =>
  once(pw, `dispute:${actor}`, async () => {
    const line = await actorLine(pw, actor);
    const target: Actor = { corpId: pw.w.corpId, userid: pw.target, roles: ['employee'], hrDeptIds: [] };
    return createDispute(pw.w.ds, target, line.statementId, { lineId: line.id, reason: '矩阵申诉', expectedAmountCny: 200 });
  });

/**
 * An open-API token of `actor` (the other corp's: a token of that corp), or none for anonymous. Created through the
 * command, whoever the actor is, so the route's own checks (role, scope, corp) decide.
 */
async function actorToken(pw: PermissionWorld, actor: ActorName): Promise<Record<string, string>> {
  if (actor === 'anonymous') return {};
  const [corpId, userid] = actor === 'otherCorp' ? [pw.otherCorp.corpId, pw.otherCorp.userid] : [pw.w.corpId, pw.users[actor]!];
  const { token } = await createApiToken(pw.w.ds, { corpId, userid, roles: ['employee'], hrDeptIds: [] }, `矩阵令牌 ${actor}`);
  return { authorization: `Bearer ${token}` };
}

export const PAY_FIXTURES: Record<string, Fixture> = {
  'GET /open/v1/payout-runs/:id/payroll': {
    call: async (pw, actor) => ({ path: `/open/v1/payout-runs/${(await sharedRun(pw)).id}/payroll`, headers: await actorToken(pw, actor) }),
  },
  'POST /api/v1/api-tokens': { call: (_pw, actor) => ({ path: '/api/v1/api-tokens', json: { name: `矩阵 ${actor}` } }) },
  'POST /api/v1/api-tokens/:id/revoke': {
    // Each call revokes a fresh token of the HR in scope: theirs to revoke, and an admin's; anyone else's 404.
    async call(pw, actor) {
      const hr = pw.users.hrInScope!;
      const { row } = await createApiToken(pw.w.ds, { corpId: pw.w.corpId, userid: hr, roles: ['employee', 'hr'], hrDeptIds: [] }, `矩阵待吊销 ${actor}`);
      return { path: `/api/v1/api-tokens/${row.id}/revoke`, json: {} };
    },
  },
  'GET /api/v1/incentives/mine': { before: demoPlans, call: () => ({ path: '/api/v1/incentives/mine' }) },
  'POST /api/v1/incentives/simulate': {
    call: async (pw) => ({ path: '/api/v1/incentives/simulate', json: { ...EXAMPLE, planVersionId: (await targetPlan(pw)).publishedId } }),
  },
  'GET /api/v1/incentives/plans': { before: demoPlans, call: () => ({ path: '/api/v1/incentives/plans' }) },
  ...ruleFixtures('plan', '/api/v1/incentives', 'plans', 'plan-versions'),
  'GET /api/v1/incentives/assignments': {
    before: async (pw) => void (await targetPlan(pw)),
    call: (pw) => ({ path: `/api/v1/incentives/assignments?userid=${pw.target}` }),
  },
  'POST /api/v1/incentives/assignments': {
    async call(pw, actor) {
      const year = actorYear(actor);
      return {
        path: '/api/v1/incentives/assignments',
        json: { planId: (await targetPlan(pw)).ruleId, userid: pw.target, effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` },
      };
    },
  },
  'GET /api/v1/incentives/people/:userid/plan': {
    before: async (pw) => void (await targetPlan(pw)),
    call: (pw) => ({ path: `/api/v1/incentives/people/${pw.target}/plan` }),
  },
  'GET /api/v1/kpi/templates': { call: () => ({ path: '/api/v1/kpi/templates' }) },
  'GET /api/v1/kpi/schemes': { before: demoPlans, call: () => ({ path: '/api/v1/kpi/schemes' }) },
  ...ruleFixtures('kpi', '/api/v1/kpi', 'schemes', 'scheme-versions'),
  'GET /api/v1/payout-runs': { before: async (pw) => void (await sharedRun(pw)), call: () => ({ path: '/api/v1/payout-runs' }) },
  'POST /api/v1/payout-runs': {
    before: async (pw) => void (await targetPlan(pw)),
    call: (pw, actor) => ({ path: '/api/v1/payout-runs', json: { period: actorMonth(actor, 1), deptId: pw.depts.sales } }),
  },
  'GET /api/v1/payout-runs/:id': { call: async (pw) => ({ path: `/api/v1/payout-runs/${(await sharedRun(pw)).id}` }) },
  'GET /api/v1/payout-runs/:id/payroll': { call: async (pw) => ({ path: `/api/v1/payout-runs/${(await sharedRun(pw)).id}/payroll?format=xlsx` }) },
  'GET /api/v1/payout-statements/people/:userid': { call: (pw) => ({ path: `/api/v1/payout-statements/people/${pw.target}` }) },
  'GET /api/v1/payout-runs/:id/statements/:userid': {
    call: async (pw) => ({ path: `/api/v1/payout-runs/${(await sharedRun(pw)).id}/statements/${pw.target}` }),
  },
  'POST /api/v1/payout-runs/:id/recompute': {
    call: async (pw) => ({ path: `/api/v1/payout-runs/${(await salesRun(pw, '2036-01', 'draft')).id}/recompute`, json: {} }),
  },
  'POST /api/v1/payout-runs/:id/lock': {
    call: async (pw, actor) => ({ path: `/api/v1/payout-runs/${(await salesRun(pw, actorMonth(actor, 2), 'draft')).id}/lock`, json: {} }),
  },
  'POST /api/v1/payout-runs/:id/approve': {
    call: async (pw, actor) => ({ path: `/api/v1/payout-runs/${(await salesRun(pw, actorMonth(actor, 3), 'locked')).id}/approve`, json: {} }),
  },
  'POST /api/v1/payout-runs/:id/publish': {
    call: async (pw, actor) => ({ path: `/api/v1/payout-runs/${(await salesRun(pw, actorMonth(actor, 4), 'approved')).id}/publish`, json: {} }),
  },
  'GET /api/v1/payout-statements/mine/:id': { call: async (pw) => ({ path: `/api/v1/payout-statements/mine/${(await targetStatement(pw)).id}` }) },
  'POST /api/v1/payout-statements/mine/:id/disputes': {
    async call(pw, actor) {
      const line = await actorLine(pw, actor);
      return { path: `/api/v1/payout-statements/mine/${line.statementId}/disputes`, json: { lineId: line.id, reason: '矩阵申诉', expectedAmountCny: 300 } };
    },
  },
  'GET /api/v1/payout-disputes': { before: async (pw) => void (await actorDispute(pw, 'admin')), call: () => ({ path: '/api/v1/payout-disputes' }) },
  'POST /api/v1/payout-disputes/:id/resolve': {
    call: async (pw, actor) => ({
      path: `/api/v1/payout-disputes/${(await actorDispute(pw, actor)).id}/resolve`,
      json: { decision: 'adjust', note: '矩阵处理' },
    }),
  },
};
