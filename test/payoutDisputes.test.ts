/**
 * Clawbacks and disputes through the HTTP API on real MariaDB. A contract cancelled after it was paid is taken back
 * in the next run: one negative line per paid line of that contract, the exact negation of what was paid, at the
 * rate that was paid (even though the person is on another plan by then), linked to the line it takes back, and only
 * once. An employee disputes a line of a published (locked) run with a reason and the amount expected; the run never
 * changes; HR resolves with an adjustment paid as a line of the next run, settled when that run is locked.
 */
import type { MyPayoutStatements, PayoutDisputeView, PayoutRunView, PayoutStatementView } from '@liucai/shared';
import { Deal, PayoutAdjustment, PayoutLine, PayoutRun } from '../server/src/entities';
import { DEMO_PLAN_CODES } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { IncentivePlan } from '../server/src/entities';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import { buildCollaboration, buildDeal, buildSatisfaction } from './support/factories';
import { waitFor } from './support/waitFor';
import type { TestClient } from './support/httpClient';

/** yyyy-mm of `back` months before this one. */
function monthsAgo(back: number): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}

describe('clawbacks and disputes', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PayWorld;
  let hr: TestClient;
  let admin: TestClient;
  let seller: TestClient;
  let lead: TestClient;
  const [p1, p2, p3] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];
  const runs: Record<string, number> = {};
  let paid: PayoutStatementView;

  const runOf = (id: number) => w.ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.corpId, id });
  /** Create, compute and return the seller's statement of a run of 销售中心 for `period`. */
  async function runFor(period: string): Promise<PayoutStatementView> {
    const res = await hr.call<PayoutRunView>('POST', '/api/v1/payout-runs', { period, deptId: pw.depts.sales.deptId });
    expect(res.status).toBe(202);
    runs[period] = res.body.data.id;
    await waitFor(`run ${period}`, async () => (await runOf(res.body.data.id)).computeState === 'done');
    return (await hr.call<PayoutStatementView>('GET', `/api/v1/payout-runs/${runs[period]}/statements/${pw.people.seller.userid}`)).body.data;
  }
  const step = async (id: number, s: 'lock' | 'approve' | 'publish') => {
    const res = await hr.call('POST', `/api/v1/payout-runs/${id}/${s}`);
    expect(res.status).toBe(200);
  };
  const linesOf = async (runId: number) =>
    (await w.ds.getRepository(PayoutLine).find({ where: { corpId: pw.corpId, runId }, order: { id: 'ASC' } })).map((l) => [
      l.id,
      l.component,
      Number(l.amountFen),
      l.rate,
    ]);

  beforeAll(async () => {
    w = await createTestWorld({ label: 'claw', employees: 20 });
    pw = await buildPayWorld(w.ds, 'claw');
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    hr = await payClientAs(w.ds, server.url, pw.people.hr);
    admin = await payClientAs(w.ds, server.url, pw.people.admin);
    seller = await payClientAs(w.ds, server.url, pw.people.seller);
    lead = await payClientAs(w.ds, server.url, pw.people.lead);
    const s = pw.people.seller.userid;
    await buildDeal(w.ds, pw.corpId, {
      sourceId: 'HT-CLAW',
      ownerUserid: s,
      customerName: '西南大客户',
      amountFen: 15_000_000,
      renewalYears: 2,
      signedOn: `${p1}-08`,
    });
    await buildSatisfaction(w.ds, pw.corpId, { ownerUserid: s, customerName: '西南大客户', scoreTenths: 92, surveyedOn: `${p1}-20` });
    for (let i = 1; i <= 8; i++)
      await buildCollaboration(w.ds, pw.corpId, { userid: s, withDepartment: '技术部', occurredOn: `${p1}-${String(i + 10).padStart(2, '0')}` });
    paid = await runFor(p1);
    expect(paid.totalFen).toBe(930_000);
    for (const st of ['lock', 'approve', 'publish'] as const) await step(runs[p1]!, st);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  it('lets the employee dispute a line of the published (locked) run, with a reason and the amount expected; the run does not change', async () => {
    const before = await linesOf(runs[p1]!);
    const mine = (await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine')).body.data.statements[0]!;
    const coordination = paid.lines.find((l) => l.component === 'coordination')!;
    const res = await seller.call<PayoutDisputeView>('POST', `/api/v1/payout-statements/mine/${mine.id}/disputes`, {
      lineId: coordination.id,
      reason: '本月与技术部协作 9 次，少算了 1 次',
      expectedAmountCny: '1,800',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'open', statusLabel: '待处理', expectedFen: 180_000, actualFen: 160_000, differenceFen: 20_000, period: p1 });
    // Editing the locked run is not: recomputing it is refused, and its lines are as they were.
    const edit = await hr.call('POST', `/api/v1/payout-runs/${runs[p1]}/recompute`);
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe(
      `发放批次 #${runs[p1]}（${p1.slice(0, 4)} 年 ${Number(p1.slice(5))} 月）已发布，不能再重新计算或修改：如需更正，请在下一期批次中调整`,
    );
    expect(await linesOf(runs[p1]!)).toEqual(before);
  });

  it('refuses bad disputes with clear Chinese errors, and writes nothing', async () => {
    const mine = (await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine')).body.data.statements[0]!;
    const contract = paid.lines.find((l) => l.component === 'contract')!;
    const coordination = paid.lines.find((l) => l.component === 'coordination')!;
    const cases: [unknown, number, string][] = [
      [{ lineId: coordination.id, reason: '再申诉一次', expectedAmountCny: 1900 }, 409, '这一行已有待处理的申诉'],
      [{ lineId: contract.id, reason: '', expectedAmountCny: 1300 }, 400, '申诉理由必填'],
      [{ lineId: contract.id, reason: '算错了', expectedAmountCny: '一千三' }, 400, '期望金额应为金额（元）'],
      [{ lineId: contract.id, reason: '算错了', expectedAmountCny: -100 }, 400, '期望金额不能为负数'],
      [{ lineId: contract.id, reason: '算错了', expectedAmountCny: 1200 }, 400, '与这一行的实发金额相同'],
      [{ lineId: 999_999, reason: '算错了', expectedAmountCny: 1300 }, 400, '申诉的明细行不在这份激励明细中'],
    ];
    for (const [body, status, message] of cases) {
      const res = await seller.call('POST', `/api/v1/payout-statements/mine/${mine.id}/disputes`, body);
      expect({ body, status: res.status, message: res.body.error.message }).toEqual({ body, status, message: expect.stringContaining(message) });
    }
    // Someone else disputing the seller's statement: 404.
    expect(
      (await lead.call('POST', `/api/v1/payout-statements/mine/${mine.id}/disputes`, { lineId: contract.id, reason: 'x', expectedAmountCny: 1 })).status,
    ).toBe(404);
    expect((await seller.call<PayoutDisputeView[]>('GET', '/api/v1/payout-disputes/mine')).body.data).toHaveLength(1);
  });

  it('lets HR within its departments resolve with an adjustment (default: expected − actual); supervisors see no disputes', async () => {
    expect((await lead.call('GET', '/api/v1/payout-disputes')).status).toBe(403);
    const open = await hr.call<PayoutDisputeView[]>('GET', '/api/v1/payout-disputes?status=open');
    expect(open.body.data.map((d) => d.person.name)).toEqual(['张三']);
    const bad = await hr.call('POST', `/api/v1/payout-disputes/${open.body.data[0]!.id}/resolve`, { decision: 'adjust', note: '核实', amountCny: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('调整金额不能为 0');
    const res = await hr.call<PayoutDisputeView>('POST', `/api/v1/payout-disputes/${open.body.data[0]!.id}/resolve`, {
      decision: 'adjust',
      note: '核实协作记录，补发 1 次协作奖励',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      status: 'adjusted',
      adjustment: { amountFen: 20_000, appliedRunId: null },
      resolvedBy: { userid: pw.people.hr.userid },
    });
    const twice = await hr.call('POST', `/api/v1/payout-disputes/${open.body.data[0]!.id}/resolve`, { decision: 'reject', note: '重复' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已处理过了');
  });

  it('claws back a cancelled paid contract in the next run: negative lines at the rate that was paid, linked to the paid lines', async () => {
    await w.ds.getRepository(Deal).update({ corpId: pw.corpId, sourceId: 'HT-CLAW' }, { status: 'cancelled' });
    // By then the seller is paid under the old 1% plan: the clawback must still take back what the 0.8% plan paid.
    const legacy = await w.ds.getRepository(IncentivePlan).findOneByOrFail({ corpId: pw.corpId, code: DEMO_PLAN_CODES.legacy });
    const assigned = await admin.call('POST', '/api/v1/incentives/assignments', {
      planId: legacy.id,
      userid: pw.people.seller.userid,
      effectiveFrom: `${p2}-01`,
    });
    expect(assigned.status).toBe(201);
    await buildDeal(w.ds, pw.corpId, { sourceId: 'HT-NEW', ownerUserid: pw.people.seller.userid, amountFen: 1_000_000, signedOn: `${p2}-05` });

    const st = await runFor(p2);
    const claws = st.lines.filter((l) => l.origin === 'clawback');
    const paidLines = paid.lines.filter((l) => l.contractRef === 'deal:dingtalk:HT-CLAW');
    expect(paidLines.map((l) => [l.component, l.amountFen, l.rate])).toEqual([
      ['contract', 120_000, '0.8%'],
      ['satisfaction', 500_000, null],
      ['renewal', 150_000, '0.5%/年'],
    ]);
    expect(claws.map((l) => [l.component, l.amountFen, l.rate, l.originalLineId])).toEqual(paidLines.map((l) => [l.component, -l.amountFen, l.rate, l.id]));
    expect(claws.every((l) => l.amountFen < 0)).toBe(true);
    expect(claws.reduce((s, l) => s + l.amountFen, 0)).toBe(-770_000);
    expect(claws[0]!.explanation).toContain('已取消，追回');
    expect(claws[0]!.explanation).toContain('（按当时比例 0.8%）');
    expect(claws[0]!.sources.map((s) => s.kind)).toEqual(['paidLine', 'deal']);
    // The per-coordination line was not about the contract: it stays paid.
    expect(claws.some((l) => l.component === 'coordination')).toBe(false);
    // This month under the old plan: 1% of 10,000; and the dispute's adjustment, as a line of its own.
    expect(st.lines.filter((l) => l.origin === 'plan').map((l) => [l.component, l.amountFen])).toEqual([['sales', 10_000]]);
    const adj = st.lines.find((l) => l.origin === 'adjustment')!;
    expect(adj).toMatchObject({ amountFen: 20_000, label: '申诉调整' });
    expect(adj.explanation).toContain('核实协作记录，补发 1 次协作奖励，补发 200.00 元');
    expect(st.totalFen).toBe(10_000 - 770_000 + 20_000);

    // Recomputing the draft takes it back once, not twice.
    await hr.call('POST', `/api/v1/payout-runs/${runs[p2]}/recompute`);
    await waitFor('recomputed', async () => {
      const r = await runOf(runs[p2]!);
      return r.computeState === 'done' && r.computeSeq === 2;
    });
    expect(await w.ds.getRepository(PayoutLine).countBy({ corpId: pw.corpId, runId: runs[p2]!, origin: 'clawback' })).toBe(3);
  });

  it('settles the clawback and the adjustment when the run is locked: the run after pays neither again', async () => {
    await step(runs[p2]!, 'lock');
    const adj = await w.ds.getRepository(PayoutAdjustment).findOneByOrFail({ corpId: pw.corpId, userid: pw.people.seller.userid });
    expect(adj.appliedRunId).toBe(runs[p2]);
    const st = await runFor(p3);
    expect(st.lines.filter((l) => l.origin !== 'plan')).toEqual([]);
  });

  it('never pays an adjustment twice: of two drafts holding it, the second to be locked is refused until recomputed', async () => {
    const mine = (await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine')).body.data.statements[0]!;
    const contract = paid.lines.find((l) => l.component === 'contract')!;
    const d = await seller.call<PayoutDisputeView>('POST', `/api/v1/payout-statements/mine/${mine.id}/disputes`, {
      lineId: contract.id,
      reason: '比例应为 1%',
      expectedAmountCny: 1500,
    });
    expect(d.status).toBe(201);
    expect(
      (await hr.call('POST', `/api/v1/payout-disputes/${d.body.data.id}/resolve`, { decision: 'adjust', note: '按 1% 补差', amountCny: '300.00' })).status,
    ).toBe(200);
    // Two drafts now hold it: this month's (new) and last month's (recomputed).
    const thisMonth = monthsAgo(0);
    const now = await runFor(thisMonth);
    expect(now.lines.filter((l) => l.origin === 'adjustment').map((l) => l.amountFen)).toEqual([30_000]);
    await hr.call('POST', `/api/v1/payout-runs/${runs[p3]}/recompute`);
    await waitFor('p3 recomputed', async () => {
      const r = await runOf(runs[p3]!);
      return r.computeState === 'done' && r.computeSeq === 2;
    });
    await step(runs[thisMonth]!, 'lock');
    const refused = await hr.call('POST', `/api/v1/payout-runs/${runs[p3]}/lock`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`发放批次 #${runs[p3]} 中的调整项已在另一个已锁定的批次中处理：请重新计算本批次后再锁定`);
    expect((await runOf(runs[p3]!)).status).toBe('draft');
    // Recomputed, it leaves the adjustment out and locks.
    await hr.call('POST', `/api/v1/payout-runs/${runs[p3]}/recompute`);
    await waitFor('p3 recomputed again', async () => {
      const r = await runOf(runs[p3]!);
      return r.computeState === 'done' && r.computeSeq === 3;
    });
    expect(await w.ds.getRepository(PayoutLine).countBy({ corpId: pw.corpId, runId: runs[p3]!, origin: 'adjustment' })).toBe(0);
    await step(runs[p3]!, 'lock');
  });
});
