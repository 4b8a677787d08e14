/**
 * Payout runs through the HTTP API on real MariaDB, with the demo plans seeded: HR creates a month's run for its
 * department (a job computes it with the shared calculator: the articles' contract pays 9,300.00, each line with its
 * source rows), recomputing unchanged inputs gives the same lines to the fen, lock → approve → publish, a locked run
 * refuses to change, employees see their own published statements only, supervisors see no pay, and reading a
 * statement as HR adds exactly one audit row.
 */
import ExcelJS from 'exceljs';
import type { MyPayoutStatements, PayoutRunDetail, PayoutRunView, PayoutStatementView } from '@liucai/shared';
import { AuditEvent, PayoutLine, PayoutRun } from '../server/src/entities';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import { buildCollaboration, buildDeal, buildSatisfaction } from './support/factories';
import { waitFor } from './support/waitFor';
import type { TestClient } from './support/httpClient';

/** The month before this one (yyyy-mm): after the demo's transition day, so the new plan pays. */
function lastMonth(): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

describe('payout runs', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PayWorld;
  let hr: TestClient;
  let seller: TestClient;
  let lead: TestClient;
  let runId: number;
  const period = lastMonth();

  const runOf = (id: number) => w.ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.corpId, id });
  const computed = (id: number, seq?: number) =>
    waitFor(`run ${id} computed`, async () => {
      const run = await runOf(id);
      return run.computeState === 'done' && (seq === undefined || run.computeSeq === seq) ? run : null;
    });
  const linesOf = async (id: number) =>
    (await w.ds.getRepository(PayoutLine).find({ where: { corpId: pw.corpId, runId: id }, order: { userid: 'ASC', seq: 'ASC' } })).map((l) => ({
      userid: l.userid,
      seq: l.seq,
      component: l.component,
      amountFen: Number(l.amountFen),
      rate: l.rate,
      explanation: l.explanation,
      sources: l.sources,
    }));

  beforeAll(async () => {
    w = await createTestWorld({ label: 'payruns', employees: 20 });
    pw = await buildPayWorld(w.ds, 'runs');
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    hr = await payClientAs(w.ds, server.url, pw.people.hr);
    seller = await payClientAs(w.ds, server.url, pw.people.seller);
    lead = await payClientAs(w.ds, server.url, pw.people.lead);
    // The articles' contract, signed in the period by 张三: 150,000 CNY, renewed for 2 years, satisfaction 9.2, 8
    // coordinations with 技术部 (and one with 财务部, which the plan does not pay).
    const s = pw.people.seller.userid;
    await buildDeal(w.ds, pw.corpId, {
      sourceId: 'HT-150K',
      ownerUserid: s,
      customerName: '华东大客户',
      amountFen: 15_000_000,
      renewalYears: 2,
      signedOn: `${period}-10`,
    });
    await buildSatisfaction(w.ds, pw.corpId, { ownerUserid: s, customerName: '华东大客户', scoreTenths: 92, surveyedOn: `${period}-20` });
    for (let i = 1; i <= 8; i++)
      await buildCollaboration(w.ds, pw.corpId, { userid: s, withDepartment: '技术部', occurredOn: `${period}-${String(i + 10).padStart(2, '0')}` });
    await buildCollaboration(w.ds, pw.corpId, { userid: s, withDepartment: '财务部', occurredOn: `${period}-05` });
    // Not paid: a cancelled deal, one deleted in the CRM, one signed the month before.
    await buildDeal(w.ds, pw.corpId, { sourceId: 'HT-CANCELLED', ownerUserid: s, amountFen: 9_900_000, status: 'cancelled', signedOn: `${period}-11` });
    await buildDeal(w.ds, pw.corpId, { sourceId: 'HT-REMOVED', ownerUserid: s, amountFen: 8_800_000, removedAt: new Date(), signedOn: `${period}-12` });
    await buildDeal(w.ds, pw.corpId, { sourceId: 'HT-EARLIER', ownerUserid: s, amountFen: 7_700_000, signedOn: `${prevMonth(period)}-28` });
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  it('creates a month’s run for HR’s department and computes it in a job: the articles’ contract pays 9,300.00, each line with its source rows', async () => {
    const res = await hr.call<PayoutRunView>('POST', '/api/v1/payout-runs', { period, deptId: pw.depts.sales.deptId });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ period, status: 'draft', statusLabel: '草稿', computeState: 'queued', dept: { name: '销售中心' } });
    runId = res.body.data.id;
    const run = await computed(runId);
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);

    const statement = await hr.call<PayoutStatementView>('GET', `/api/v1/payout-runs/${runId}/statements/${pw.people.seller.userid}`);
    expect(statement.status).toBe(200);
    const st = statement.body.data;
    expect(st.totalFen).toBe(930_000);
    expect(st.explanation).toBe('1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元');
    expect(st.lines.map((l) => [l.component, l.amountFen, l.rate])).toEqual([
      ['contract', 120_000, '0.8%'],
      ['satisfaction', 500_000, null],
      ['renewal', 150_000, '0.5%/年'],
      ['coordination', 160_000, '200.00 元/次'],
    ]);
    expect(st.lines[0]!.explanation).toBe('合同“华东大客户”（' + `${period}-10` + ' 签约）：合同金额 150,000.00 元 × 0.8% = 1,200.00 元');
    // Every line leads to its source rows, snapshotted with the run.
    const contract = st.lines[0]!;
    expect(contract.contractRef).toBe('deal:dingtalk:HT-150K');
    expect(contract.sources).toEqual([{ kind: 'deal', source: 'dingtalk', sourceId: 'HT-150K', inputId: expect.any(Number) }]);
    const dealInput = st.inputs.find((i) => i.id === contract.sources[0]!.inputId)!;
    expect(dealInput.data).toMatchObject({ customerName: '华东大客户', amountFen: 15_000_000, renewalYears: 2 });
    expect(st.lines[1]!.sources.map((s) => s.kind)).toEqual(['deal', 'satisfaction']);
    const coordination = st.lines[3]!;
    expect(coordination.sources).toHaveLength(8);
    expect(coordination.sources.every((s) => s.kind === 'collaboration' && s.inputId !== null)).toBe(true);
    // The cancelled, removed and earlier deals are nowhere.
    expect(st.inputs.filter((i) => i.kind === 'deal').map((i) => i.sourceId)).toEqual(['HT-150K']);
  });

  it('lists runs with totals by department, and shows each person’s total', async () => {
    const list = await hr.call<PayoutRunView[]>('GET', `/api/v1/payout-runs?period=${period}`);
    expect(list.status).toBe(200);
    const run = list.body.data.find((r) => r.id === runId)!;
    expect(run.totalFen).toBe(930_000);
    expect(run.departments).toEqual([{ deptId: Number(pw.depts.team.deptId), name: '一组', people: 3, totalFen: 930_000 }]);
    const detail = await hr.call<PayoutRunDetail>('GET', `/api/v1/payout-runs/${runId}`);
    expect(detail.body.data.statements.map((s) => [s.person.name, s.totalFen])).toEqual(
      expect.arrayContaining([
        ['张三', 930_000],
        ['王五', 0],
        ['李四', 0],
      ]),
    );
  });

  it('recomputes a draft with unchanged inputs to the same lines, to the fen, and the same input hash', async () => {
    const before = await runOf(runId);
    const lines = await linesOf(runId);
    const res = await hr.call<PayoutRunView>('POST', `/api/v1/payout-runs/${runId}/recompute`);
    expect(res.status).toBe(202);
    const after = await computed(runId, before.computeSeq + 1);
    expect(after.inputHash).toBe(before.inputHash);
    expect(Number(after.totalFen)).toBe(Number(before.totalFen));
    expect(await linesOf(runId)).toEqual(lines);
  });

  it('refuses a second run of the same month over the same people, and a department outside HR’s scope', async () => {
    const overlap = await hr.call('POST', '/api/v1/payout-runs', { period, deptId: pw.depts.keyAccount.deptId });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain('已有发放批次');
    expect(overlap.body.error.message).toContain('同一员工每月只能在一个批次中发放');
    const outside = await hr.call('POST', '/api/v1/payout-runs', { period, deptId: pw.depts.finance.deptId });
    expect(outside.status).toBe(404);
    const bad = await hr.call('POST', '/api/v1/payout-runs', { period: '2026-13', deptId: pw.depts.sales.deptId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('发放月份应为 yyyy-mm');
    expect(await w.ds.getRepository(PayoutRun).countBy({ corpId: pw.corpId })).toBe(1);
  });

  it('shows employees nothing before publishing; supervisors get no pay routes', async () => {
    const mine = await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine');
    expect(mine.body.data.statements).toEqual([]);
    expect((await lead.call('GET', '/api/v1/payout-runs')).status).toBe(403);
    expect((await lead.call('GET', `/api/v1/payout-runs/${runId}/statements/${pw.people.seller.userid}`)).status).toBe(403);
  });

  it('locks (immutable from then on), approves and publishes, in that order only', async () => {
    const notYet = await hr.call('GET', `/api/v1/payout-runs/${runId}/payroll`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.message).toContain('只有已发布的批次才能导出工资表');
    const early = await hr.call('POST', `/api/v1/payout-runs/${runId}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('只有已审批的批次才能发布');
    expect((await hr.call<PayoutRunView>('POST', `/api/v1/payout-runs/${runId}/lock`)).body.data.status).toBe('locked');
    expect((await hr.call<PayoutRunView[]>('GET', `/api/v1/payout-runs?period=${period}`)).body.data.find((r) => r.id === runId)?.status).toBe('locked');
    const lines = await linesOf(runId);
    const again = await hr.call('POST', `/api/v1/payout-runs/${runId}/recompute`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已锁定，不能再重新计算或修改');
    // New data after locking changes nothing in the locked run.
    await buildDeal(w.ds, pw.corpId, { ownerUserid: pw.people.seller.userid, amountFen: 1_000_000, signedOn: `${period}-15` });
    expect(await linesOf(runId)).toEqual(lines);
    expect((await hr.call<PayoutRunView>('POST', `/api/v1/payout-runs/${runId}/approve`)).body.data.status).toBe('approved');
    const published = await hr.call<PayoutRunView>('POST', `/api/v1/payout-runs/${runId}/publish`);
    expect(published.body.data).toMatchObject({ status: 'published', publishedBy: { userid: pw.people.hr.userid } });
    // The list (kept while the pay tables are unchanged) shows each step as it happens.
    const listed = await hr.call<PayoutRunView[]>('GET', `/api/v1/payout-runs?period=${period}`);
    expect(listed.body.data.find((r) => r.id === runId)).toMatchObject({ status: 'published', lockedBy: { userid: pw.people.hr.userid } });
    const actions = (
      await w.ds.getRepository(AuditEvent).find({ where: { corpId: pw.corpId, targetKind: 'payout_run', targetId: String(runId) }, order: { id: 'ASC' } })
    ).map((e) => e.action);
    expect(actions.filter((a) => a !== 'pay.run.read')).toEqual([
      'pay.run.create',
      'pay.run.compute',
      'pay.run.recompute',
      'pay.run.compute',
      'pay.run.lock',
      'pay.run.approve',
      'pay.run.publish',
    ]);
  });

  it('exports a published run’s payroll as CSV and .xlsx in the documented layout (audited); nothing before publishing', async () => {
    const get = (query: string) => fetch(`${server.url}/api/v1/payout-runs/${runId}/payroll${query}`, { headers: { cookie: hr.cookie } });
    const csv = await get('?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`payroll-${period}-${runId}.csv`);
    const text = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8');
    const rows = text.trim().split('\r\n');
    expect(rows[0]).toBe('工号,姓名,钉钉账号,部门,发放月份,激励合计（元）,激励合计（分）,明细');
    const mine = rows.find((r) => r.includes(',张三,'))!;
    expect(mine).toContain(`,一组,${period},9300.00,930000,合同提成 1200.00；满意度奖金 5000.00；续约提成 1500.00；资源协调奖励 1600.00`);
    expect(rows).toHaveLength(4);

    const xlsx = await get('?format=xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', '明细']);
    const detail = wb.getWorksheet('明细')!;
    const values = (n: number) => (detail.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['工号', '姓名', '发放月份', '序号', '项目', '类别', '金额（元）', '金额（分）', '比例', '说明']);
    expect(values(2).slice(1, 9)).toEqual(['张三', period, '1', '合同提成', '方案', '1200.00', '120000', '0.8%']);
    const bad = await hr.call('GET', `/api/v1/payout-runs/${runId}/payroll?format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('文件格式应为 csv 或 xlsx');
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, action: 'pay.run.export' })).toBe(2);
  });

  it('shows employees their own published statements (with the year to date), and nobody else’s', async () => {
    const mine = await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine');
    expect(mine.body.data.statements).toEqual([expect.objectContaining({ runId, period, totalFen: 930_000 })]);
    const id = mine.body.data.statements[0]!.id;
    const one = await seller.call<PayoutStatementView>('GET', `/api/v1/payout-statements/mine/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.data.lines).toHaveLength(4);
    // Someone else's statement, as that person's supervisor or anyone: 404.
    expect((await lead.call('GET', `/api/v1/payout-statements/mine/${id}`)).status).toBe(404);
  });

  it('adds exactly one audit row when HR reads someone’s statement', async () => {
    const repo = w.ds.getRepository(AuditEvent);
    const before = await repo.countBy({ corpId: pw.corpId });
    const res = await hr.call('GET', `/api/v1/payout-runs/${runId}/statements/${pw.people.seller.userid}`);
    expect(res.status).toBe(200);
    expect(await repo.countBy({ corpId: pw.corpId })).toBe(before + 1);
    const row = await repo.findOneOrFail({ where: { corpId: pw.corpId }, order: { id: 'DESC' } });
    expect(row).toMatchObject({
      action: 'pay.statement.read',
      actorUserid: pw.people.hr.userid,
      subjectUserid: pw.people.seller.userid,
      targetKind: 'payout_statement',
    });
    expect(row.sessionRef).toMatch(/^[0-9a-f]{16}$/);
    // The employee reading their own statement is not someone else's pay: no row.
    const mine = await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine');
    await seller.call('GET', `/api/v1/payout-statements/mine/${mine.body.data.statements[0]!.id}`);
    expect(await repo.countBy({ corpId: pw.corpId })).toBe(before + 1);
  });

  it('lists one person’s statements for 员工档案 → 激励: HR in scope (audited once), the person their own; supervisors 404', async () => {
    const repo = w.ds.getRepository(AuditEvent);
    const path = `/api/v1/payout-statements/people/${pw.people.seller.userid}`;
    const before = await repo.countBy({ corpId: pw.corpId, action: 'pay.statement.list' });
    const asHr = await hr.call<MyPayoutStatements>('GET', path);
    expect(asHr.status).toBe(200);
    expect(asHr.body.data.statements).toEqual([expect.objectContaining({ runId, period, runStatus: 'published', totalFen: 930_000 })]);
    expect(await repo.countBy({ corpId: pw.corpId, action: 'pay.statement.list', subjectUserid: pw.people.seller.userid })).toBe(before + 1);
    const own = await seller.call<MyPayoutStatements>('GET', path);
    expect(own.body.data).toEqual((await seller.call<MyPayoutStatements>('GET', '/api/v1/payout-statements/mine')).body.data);
    // The supervisor sees KPI, not pay; someone outside HR's departments is 404 too.
    expect((await lead.call('GET', path)).status).toBe(404);
    expect((await hr.call('GET', `/api/v1/payout-statements/people/${pw.people.outsider.userid}`)).status).toBe(404);
    expect(await repo.countBy({ corpId: pw.corpId, action: 'pay.statement.list' })).toBe(before + 1);
  });
});

function prevMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}
