/**
 * A payout run, its clawback and an adjustment give the same lines on MariaDB and on the embedded SQLite database
 * (both built by their migrations): the run's queries, its one-transaction write and the lock's settlement checks
 * run on both.
 */
import type { JobQueue } from '../server/src/jobs/jobTypes';
import { Deal, PayoutLine, PayoutRun } from '../server/src/entities';
import { createPayoutRun } from '../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../server/src/modules/pay/commands/payoutRunTransitions';
import { createDispute } from '../server/src/modules/pay/commands/disputeCreator';
import { resolveDispute } from '../server/src/modules/pay/commands/disputeResolver';
import { shanghaiDate } from '../server/src/util/dates';
import { buildPayWorld } from './support/payWorld';
import { actorFor, buildCollaboration, buildDeal, buildSatisfaction, onBothDatabases } from './support/factories';

jest.setTimeout(120_000);

const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

function monthsAgo(back: number): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}

it('computes, locks, claws back and adjusts alike on MariaDB and SQLite', async () => {
  const results: Record<string, unknown> = {};
  await onBothDatabases('payruns', async (ds, kind) => {
    const pw = await buildPayWorld(ds, `db${kind.slice(0, 2)}`);
    const hr = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
    const s = pw.people.seller.userid;
    const [p1, p2] = [monthsAgo(2), monthsAgo(1)];
    await buildDeal(ds, pw.corpId, { sourceId: 'DB-1', ownerUserid: s, customerName: '客户甲', amountFen: 15_000_000, renewalYears: 2, signedOn: `${p1}-03` });
    await buildSatisfaction(ds, pw.corpId, { ownerUserid: s, customerName: '客户甲', scoreTenths: 92, surveyedOn: `${p1}-04` });
    for (let i = 1; i <= 8; i++) await buildCollaboration(ds, pw.corpId, { userid: s, withDepartment: '技术部', occurredOn: `${p1}-1${i}` });
    const deps = { ds, jobs: noJobs };
    const run1 = await createPayoutRun(deps, hr, { period: p1, deptId: pw.depts.sales.deptId });
    expect(await computePayoutRun(ds, pw.corpId, run1.id, 1)).toMatchObject({ computed: true, totalFen: 930_000 });
    for (const step of ['lock', 'approve', 'publish'] as const) await advancePayoutRun(deps, hr, run1.id, step);

    const coordination = await ds.getRepository(PayoutLine).findOneByOrFail({ corpId: pw.corpId, runId: run1.id, userid: s, component: 'coordination' });
    const seller = actorFor(pw.people.seller);
    const dispute = await createDispute(ds, seller, coordination.statementId, { lineId: coordination.id, reason: '少算 1 次', expectedAmountCny: '1,800' });
    await resolveDispute(ds, hr, dispute.id, { decision: 'adjust', note: '补发' });
    await ds.getRepository(Deal).update({ corpId: pw.corpId, sourceId: 'DB-1' }, { status: 'cancelled' });

    const run2 = await createPayoutRun(deps, hr, { period: p2, deptId: pw.depts.sales.deptId });
    expect(await computePayoutRun(ds, pw.corpId, run2.id, 1)).toMatchObject({ computed: true, totalFen: -770_000 + 20_000 });
    await advancePayoutRun(deps, hr, run2.id, 'lock');
    const lines = await ds.getRepository(PayoutLine).find({ where: { corpId: pw.corpId, runId: run2.id, userid: s }, order: { seq: 'ASC' } });
    results[kind] = {
      lines: lines.map((l) => [l.origin, l.component, Number(l.amountFen), l.rate, l.originalLineId !== null, l.adjustmentId !== null]),
      status: (await ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.corpId, id: run2.id })).status,
    };
  });
  expect(results.mariadb).toEqual({
    lines: [
      // No contract this month: the plan's only line is the per-coordination one.
      ['plan', 'coordination', 0, '200.00 元/次', false, false],
      ['clawback', 'contract', -120_000, '0.8%', true, false],
      ['clawback', 'satisfaction', -500_000, null, true, false],
      ['clawback', 'renewal', -150_000, '0.5%/年', true, false],
      ['adjustment', 'adjustment', 20_000, null, false, true],
    ],
    status: 'locked',
  });
  expect(results.sqlite).toEqual(results.mariadb);
});
