/**
 * The transition guarantee in a payout run (MariaDB and SQLite): 张三 moved from the old 1% plan to the new plan
 * (3-month guarantee at 100%) on the transition day. His baseline is the average of the three months before the move:
 * the month with a locked run is taken from its statement (a contract synced later does not change it), the other two
 * are recomputed with the old plan on their own contracts. In month 2 of the ramp the run tops his pay up to that
 * average, the line explains it and leads to the snapshot row; after the ramp there is no guarantee line.
 */
import type { JobQueue } from '../server/src/jobs/jobTypes';
import { PayoutLine, PayoutRun, PayoutRunInput, PayoutStatement } from '../server/src/entities';
import { createPayoutRun } from '../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun, recomputePayoutRun } from '../server/src/modules/pay/commands/payoutRunTransitions';
import { presentPayoutStatement } from '../server/src/modules/pay/presenters/payoutRunPresenter';
import { addMonths } from '@liucai/shared';
import { buildPayWorld } from './support/payWorld';
import { actorFor, buildDeal, onBothDatabases } from './support/factories';

jest.setTimeout(120_000);

const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

it('tops a run up to the average of the three months before the move, during the ramp only', async () => {
  const results: Record<string, unknown> = {};
  await onBothDatabases('guarantee', async (ds, kind) => {
    const pw = await buildPayWorld(ds, `gu${kind.slice(0, 2)}`);
    const hr = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
    const deps = { ds, jobs: noJobs };
    const s = pw.people.seller.userid;
    const move = pw.transitionDay.slice(0, 7);
    const [b1, b2, b3] = [addMonths(move, -3), addMonths(move, -2), addMonths(move, -1)];
    const deal = (sourceId: string, yuan: number, signedOn: string) =>
      buildDeal(ds, pw.corpId, { sourceId, ownerUserid: s, customerName: `客户${sourceId}`, amountFen: yuan * 100, signedOn });
    const run = async (period: string) => {
      const r = await createPayoutRun(deps, hr, { period, deptId: pw.depts.sales.deptId });
      const outcome = await computePayoutRun(ds, pw.corpId, r.id, 1);
      return { id: r.id, outcome };
    };
    const sellerLines = (runId: number) => ds.getRepository(PayoutLine).find({ where: { corpId: pw.corpId, runId, userid: s }, order: { seq: 'ASC' } });

    // b1: paid by a locked run under the old plan: 600,000 × 1% = 6,000.00.
    await deal('B1', 600_000, `${b1}-10`);
    const old = await run(b1);
    expect((await sellerLines(old.id)).map((l) => [l.component, Number(l.amountFen)])).toEqual([['sales', 600_000]]);
    await advancePayoutRun(deps, hr, old.id, 'lock');
    // Synced after b1 was locked: the stored statement stays the figure for b1.
    await deal('B1-LATE', 300_000, `${b1}-20`);
    // b2 and b3 never had a run: recomputed with the old plan (10,000.00 and 8,000.00).
    await deal('B2', 1_000_000, `${b2}-05`);
    await deal('B3', 800_000, `${b3}-28`);

    // Month 2 of the ramp: 150,000 × 0.8% = 1,200.00 (no satisfaction score, no renewal, no coordination).
    const m2 = addMonths(move, 1);
    await deal('M2', 150_000, `${m2}-15`);
    const ramp = await run(m2);
    const lines = await sellerLines(ramp.id);
    const guarantee = lines.find((l) => l.component === 'guarantee')!;
    expect(Number(guarantee.amountFen)).toBe(800_000 - 120_000);
    expect(guarantee.explanation).toBe(
      `转型第 2 个月（保底共 3 个月）：原方案“销售提成方案（原）”${b1} 至 ${b3}（3 个月，1 个月取自已锁定的发放批次，2 个月按原方案重算）月均激励 8,000.00 元 × 100% = 保底 8,000.00 元；本期各项合计 1,200.00 元，补足 6,800.00 元`,
    );
    const statement = await ds.getRepository(PayoutStatement).findOneByOrFail({ corpId: pw.corpId, runId: ramp.id, userid: s });
    expect(Number(statement.totalFen)).toBe(800_000);

    // The snapshot keeps where each month's figure came from; the line leads to it.
    const snap = await ds.getRepository(PayoutRunInput).findOneByOrFail({ corpId: pw.corpId, runId: ramp.id, userid: s, kind: 'guarantee' });
    const data = JSON.parse(snap.data) as {
      since: string;
      monthOfRamp: number;
      baselineFen: number;
      months: { period: string; amountFen: number; from: string }[];
    };
    expect(data).toMatchObject({ since: pw.transitionDay, monthOfRamp: 2, baselineFen: 800_000 });
    expect(data.months.map((m) => [m.period, m.amountFen, m.from])).toEqual([
      [b1, 600_000, 'statement'],
      [b2, 1_000_000, 'recomputed'],
      [b3, 800_000, 'recomputed'],
    ]);
    const runRow = await ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.corpId, id: ramp.id });
    const view = await presentPayoutStatement(ds, pw.corpId, runRow, statement);
    expect(view.lines.find((l) => l.component === 'guarantee')!.sources).toEqual([
      { kind: 'guarantee', source: 'liucai', sourceId: pw.transitionDay, inputId: snap.id },
    ]);

    // Same inputs, same result: a recompute gives the same hash and lines.
    await recomputePayoutRun(deps, hr, ramp.id);
    const again = await computePayoutRun(ds, pw.corpId, ramp.id, 2);
    expect(again).toMatchObject({ computed: true, inputHash: ramp.outcome.computed ? ramp.outcome.inputHash : 'x' });
    expect((await sellerLines(ramp.id)).map((l) => [l.component, Number(l.amountFen), l.explanation])).toEqual(
      lines.map((l) => [l.component, Number(l.amountFen), l.explanation]),
    );

    // Month 4: the ramp is over, no guarantee line.
    const after = await run(addMonths(move, 3));
    expect((await sellerLines(after.id)).some((l) => l.component === 'guarantee')).toBe(false);
    results[kind] = lines.map((l) => [l.component, Number(l.amountFen)]);
  });
  expect(results.sqlite).toEqual(results.mariadb);
});
