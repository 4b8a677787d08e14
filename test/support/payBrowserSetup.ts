/**
 * The pay browser tests' common start: the demo plans seeded as `npm start` does, the articles' contract for the demo
 * employee in `period` (150,000 CNY, renewed 2 years, satisfaction 9.2, 8 coordinations with 技术部: 9,300.00 under
 * the new plan), and a run of 销售中心 for that month computed by the job's command and published.
 */
import { seedDemoIncentivePlans } from '../../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { createPayoutRun } from '../../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../../server/src/modules/pay/commands/payoutRunTransitions';
import { Department, type PayoutRun } from '../../server/src/entities';
import type { JobQueue } from '../../server/src/jobs/jobTypes';
import type { Actor } from '../../server/src/appTypes';
import { shanghaiDate } from '../../server/src/util/dates';
import { buildCollaboration, buildDeal, buildSatisfaction } from './factories';
import type { BrowserWorld } from './browserWorld';

export const noJobs = {
  kind: 'in-process',
  enqueue: async () => undefined,
  schedule: async () => undefined,
  close: async () => undefined,
} as unknown as JobQueue;

/** The month before this one (yyyy-mm, Beijing). */
export function lastMonth(): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

export async function publishArticlesRun(ui: BrowserWorld, period: string, contract: { sourceId: string; customerName: string }): Promise<PayoutRun> {
  const { ds, corpId } = ui.w;
  expect(await seedDemoIncentivePlans(ds, corpId, ui.demo.admin, shanghaiDate(new Date()))).not.toBeNull();
  const me = ui.demo.employee;
  await buildDeal(ds, corpId, { ...contract, ownerUserid: me, amountFen: 15_000_000, renewalYears: 2, signedOn: `${period}-09` });
  await buildSatisfaction(ds, corpId, { ownerUserid: me, customerName: contract.customerName, scoreTenths: 92, surveyedOn: `${period}-21` });
  for (let i = 1; i <= 8; i++) await buildCollaboration(ds, corpId, { userid: me, withDepartment: '技术部', occurredOn: `${period}-1${i}` });
  const sales = await ds.getRepository(Department).findOneByOrFail({ corpId, name: '销售中心' });
  const admin: Actor = { corpId, userid: ui.demo.admin, roles: ['employee', 'admin'], hrDeptIds: [] };
  const run = await createPayoutRun({ ds, jobs: noJobs }, admin, { period, deptId: Number(sales.deptId) });
  expect(await computePayoutRun(ds, corpId, run.id, run.computeSeq)).toMatchObject({ computed: true });
  for (const step of ['lock', 'approve', 'publish'] as const) await advancePayoutRun({ ds }, admin, run.id, step);
  return run;
}
