/**
 * The demo company's pay, in one idempotent place: the articles' old plan (1% of sales) and new plan (0.8% + 5,000
 * satisfaction bonus + 0.5% per renewal year + 200 per coordination with 技术部, 3-month guarantee), the sales jobs
 * of 销售中心 on the old plan until the transition day and on the new plan from it, and the big-client KPI scheme.
 * Every step goes through the same commands HR uses and is skipped when already done, so running it again (each
 * `npm start`) changes nothing.
 */
import type { DataSource } from 'typeorm';
import { BIG_CLIENT_PLAN, KPI_TEMPLATES, LEGACY_SALES_PLAN, dayBefore } from '@liucai/shared';
import { Department, IncentivePlanAssignment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import type { VersionedRule } from '../../../entities/VersionedRule';
import { KPI_FAMILY, PLAN_FAMILY, type RuleFamily } from '../ruleFamilies';
import { createRule, type RuleInput } from './ruleCreator';
import { createRuleVersion } from './ruleVersionCreator';
import { publishRuleVersion } from './ruleVersionPublisher';
import { createPlanAssignment } from './planAssignmentCreator';

export const DEMO_PLAN_CODES = { legacy: 'legacy-sales-1pct', bigClient: 'big-client-value', kpi: 'big-client-sales-kpi' } as const;

/** The sales jobs (DingTalk titles) of the demo company that move onto the new plan. */
export const DEMO_SALES_TITLES = ['销售代表', '高级销售代表', '电话销售', '销售主管', '大客户经理', '高级大客户经理', '解决方案顾问', '大客户销售主管'];

/** The day the demo's salespeople moved onto the new plan: the first of the month, six months before `today`. */
export function demoTransitionDay(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - 6, 1));
  return d.toISOString().slice(0, 10);
}

const SINCE = '2020-01-01';

async function ruleWithPublishedVersion(
  ds: DataSource,
  family: RuleFamily,
  actor: Actor,
  input: RuleInput,
  version: { effectiveFrom: string; definition: unknown; note: string },
): Promise<VersionedRule> {
  const rule = (await ds.getRepository(family.rule).findOneBy({ corpId: actor.corpId, code: input.code })) ?? (await createRule(ds, family, actor, input));
  const versions = await ds.getRepository(family.version).find({ where: { corpId: actor.corpId, [family.parentKey]: rule.id } as never });
  if (!versions.some((v) => v.status === 'published')) {
    const draft = versions[0] ?? (await createRuleVersion(ds, family, actor, rule.id, version));
    await publishRuleVersion(ds, family, actor, draft.id);
  }
  return rule;
}

/** Seed the demo's plans, assignments and KPI scheme (as the demo admin); returns the transition day used. */
export async function seedDemoIncentivePlans(ds: DataSource, corpId: string, adminUserid: string, today: string): Promise<{ transitionDay: string } | null> {
  const actor: Actor = { corpId, userid: adminUserid, roles: ['employee', 'admin'], hrDeptIds: [] };
  const sales = await ds.getRepository(Department).findOneBy({ corpId, name: '销售中心' });
  if (!sales) return null;
  const existingNew = await ds.getRepository(PLAN_FAMILY.rule).findOneBy({ corpId, code: DEMO_PLAN_CODES.bigClient });
  // The transition day is fixed by the first run: its assignments keep it.
  const firstNew = existingNew
    ? await ds.getRepository(IncentivePlanAssignment).findOne({ where: { corpId, planId: existingNew.id }, order: { effectiveFrom: 'ASC' } })
    : null;
  const transitionDay = firstNew?.effectiveFrom ?? demoTransitionDay(today);

  const legacy = await ruleWithPublishedVersion(
    ds,
    PLAN_FAMILY,
    actor,
    { code: DEMO_PLAN_CODES.legacy, name: '销售提成方案（原）', description: '转型前的方案：按合同金额的 1% 提成' },
    { effectiveFrom: SINCE, definition: LEGACY_SALES_PLAN, note: '原方案' },
  );
  const bigClient = await ruleWithPublishedVersion(
    ds,
    PLAN_FAMILY,
    actor,
    {
      code: DEMO_PLAN_CODES.bigClient,
      name: '大客户价值激励方案',
      description: '为大客户需要的价值付酬：合同金额、满意度、续约与跨部门协作；转型后前 3 个月保底',
    },
    { effectiveFrom: transitionDay, definition: BIG_CLIENT_PLAN, note: '首版：合同提成 0.8%、满意度奖金、续约提成、资源协调奖励' },
  );
  await ruleWithPublishedVersion(
    ds,
    KPI_FAMILY,
    actor,
    { code: DEMO_PLAN_CODES.kpi, name: '大客户销售 KPI', description: '个人业绩 70% + 团队协作 30%，团队联动 +10% / −5%', jobTitle: '大客户经理' },
    { effectiveFrom: transitionDay, definition: KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition, note: '按文章的权重' },
  );

  const repo = ds.getRepository(IncentivePlanAssignment);
  for (const jobTitle of DEMO_SALES_TITLES) {
    const target = { jobTitle, deptId: Number(sales.deptId) };
    if (!(await repo.existsBy({ corpId, planId: legacy.id, ...target }))) {
      await createPlanAssignment(ds, actor, { planId: legacy.id, ...target, effectiveFrom: SINCE, effectiveTo: dayBefore(transitionDay) });
    }
    if (!(await repo.existsBy({ corpId, planId: bigClient.id, ...target })))
      await createPlanAssignment(ds, actor, { planId: bigClient.id, ...target, effectiveFrom: transitionDay });
  }
  return { transitionDay };
}
