/**
 * The pay domain on factory rows, on MariaDB and on the embedded SQLite alike: the demo seeding is idempotent,
 * plan resolution (own assignment over job, nearest department, the plan before), and concurrent publications of
 * overlapping versions of one plan: exactly one wins.
 */
import type { DataSource } from 'typeorm';
import { dayBefore } from '@liucai/shared';
import { IncentivePlan, IncentivePlanAssignment, IncentivePlanVersion, KpiScheme, KpiSchemeVersion } from '../server/src/entities';
import { DEMO_PLAN_CODES, seedDemoIncentivePlans } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { createPlanAssignment } from '../server/src/modules/pay/commands/planAssignmentCreator';
import { createRule } from '../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../server/src/modules/pay/commands/ruleVersionPublisher';
import { PLAN_FAMILY } from '../server/src/modules/pay/ruleFamilies';
import { planBefore, planCache, planOn, planStint, type PlanOnDay } from '../server/src/modules/pay/queries/planResolution';
import { shanghaiDate } from '../server/src/util/dates';
import { actorFor, onBothDatabases } from './support/factories';
import { buildPayWorld } from './support/payWorld';

const counts = async (ds: DataSource, corpId: string) => ({
  plans: await ds.getRepository(IncentivePlan).countBy({ corpId }),
  versions: await ds.getRepository(IncentivePlanVersion).countBy({ corpId }),
  assignments: await ds.getRepository(IncentivePlanAssignment).countBy({ corpId }),
  schemes: await ds.getRepository(KpiScheme).countBy({ corpId }),
  schemeVersions: await ds.getRepository(KpiSchemeVersion).countBy({ corpId }),
});

type Person = Parameters<typeof planOn>[1];
const idsOf = (p: PlanOnDay | null) => p && { assignment: p.assignment.id, plan: p.plan.id, version: p.version?.id ?? null };

/** The payout run's plan cache (the corp read once, answered in memory) answers as `planOn` and `planStint` do. */
async function expectCacheAgrees(ds: DataSource, people: Person[], days: string[]): Promise<void> {
  const cache = await planCache(ds, people[0]!.corpId);
  for (const person of people)
    for (const day of days) {
      const direct = await planOn(ds, person, day);
      const cached = await cache.on(person, day);
      expect(idsOf(cached)).toEqual(idsOf(direct));
      if (!direct || !cached) continue;
      const a = await planStint(ds, person, direct);
      const b = await cache.stint(person, cached);
      expect({ since: b.since, before: idsOf(b.before) }).toEqual({ since: a.since, before: idsOf(a.before) });
    }
}

describe('pay rules on MariaDB and SQLite', () => {
  it('seeds the demo’s plans once: a second run changes nothing', async () => {
    await onBothDatabases('payseed', async (ds) => {
      const pw = await buildPayWorld(ds, 'seed');
      const first = await counts(ds, pw.corpId);
      expect(first).toEqual({ plans: 2, versions: 2, assignments: 16, schemes: 1, schemeVersions: 1 });
      const again = await seedDemoIncentivePlans(ds, pw.corpId, pw.people.admin.userid, '2030-01-15');
      // The transition day is the first run's, whatever day it runs again.
      expect(again).toEqual({ transitionDay: pw.transitionDay });
      expect(await counts(ds, pw.corpId)).toEqual(first);
      const published = await ds.getRepository(IncentivePlanVersion).findBy({ corpId: pw.corpId, status: 'published' });
      expect(published).toHaveLength(2);
    });
  });

  it('resolves a person’s plan: own assignment over job, nearest department first, and the plan before', async () => {
    await onBothDatabases('payresolve', async (ds) => {
      const pw = await buildPayWorld(ds, 'resolve');
      const today = shanghaiDate(new Date());
      const now = await planOn(ds, pw.people.seller, today);
      expect(now?.plan.code).toBe(DEMO_PLAN_CODES.bigClient);
      expect(now?.version?.status).toBe('published');
      const before = await planBefore(ds, pw.people.seller, now!);
      expect(before?.plan.code).toBe(DEMO_PLAN_CODES.legacy);
      expect((await planOn(ds, pw.people.seller, dayBefore(pw.transitionDay)))?.plan.code).toBe(DEMO_PLAN_CODES.legacy);
      expect(await planOn(ds, pw.people.outsider, today)).toBeNull();
      const everyone = [pw.people.seller, pw.people.rep, pw.people.outsider];
      const days = [today, pw.transitionDay, dayBefore(pw.transitionDay)];
      await expectCacheAgrees(ds, everyone, days);

      // A job assignment on 大客户部 (nearer to 张三 than 销售中心) wins; a person's own assignment wins over both.
      const admin = actorFor(pw.people.admin, ['employee', 'admin']);
      const pilot = await createRule(ds, PLAN_FAMILY, admin, { code: 'pilot', name: '试点' });
      const v = await createRuleVersion(ds, PLAN_FAMILY, admin, pilot.id, {
        effectiveFrom: '2020-01-01',
        definition: { components: [{ id: 'p', kind: 'percentOfContract', label: '试点', rateBp: 90 }] },
      });
      await publishRuleVersion(ds, PLAN_FAMILY, admin, v.id);
      await createPlanAssignment(ds, admin, { planId: pilot.id, jobTitle: '大客户经理', deptId: pw.depts.keyAccount.deptId, effectiveFrom: '2020-01-01' });
      expect((await planOn(ds, pw.people.seller, today))?.plan.id).toBe(pilot.id);
      // 王五 (销售代表) is untouched by a 大客户经理 assignment.
      expect((await planOn(ds, pw.people.rep, today))?.plan.code).toBe(DEMO_PLAN_CODES.bigClient);
      await expectCacheAgrees(ds, everyone, days);
      const legacy = await ds.getRepository(IncentivePlan).findOneByOrFail({ corpId: pw.corpId, code: DEMO_PLAN_CODES.legacy });
      await createPlanAssignment(ds, admin, { planId: legacy.id, userid: pw.people.seller.userid, effectiveFrom: '2020-01-01' });
      expect((await planOn(ds, pw.people.seller, today))?.assignment.targetKind).toBe('user');
      expect((await planOn(ds, pw.people.seller, today))?.plan.id).toBe(legacy.id);
      await expectCacheAgrees(ds, everyone, days);
    });
  });

  it('lets exactly one of two concurrent overlapping publications win', async () => {
    await onBothDatabases('payrace', async (ds) => {
      const pw = await buildPayWorld(ds, 'race');
      const hr = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
      const plan = await createRule(ds, PLAN_FAMILY, hr, { code: 'race', name: '并发' });
      const def = { components: [{ id: 'p', kind: 'percentOfContract', label: '提成', rateBp: 90 }] };
      const a = await createRuleVersion(ds, PLAN_FAMILY, hr, plan.id, { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', definition: def });
      const b = await createRuleVersion(ds, PLAN_FAMILY, hr, plan.id, { effectiveFrom: '2026-06-01', effectiveTo: '2027-06-30', definition: def });
      const results = await Promise.allSettled([publishRuleVersion(ds, PLAN_FAMILY, hr, a.id), publishRuleVersion(ds, PLAN_FAMILY, hr, b.id)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as { id: string }).id).toBe('effective_dates_overlap');
      expect(await ds.getRepository(IncentivePlanVersion).countBy({ corpId: pw.corpId, planId: plan.id, status: 'published' })).toBe(1);
    });
  });
});
