/**
 * The talent review's 9-box and Excel export through the HTTP API, on stored scores and portraits built with
 * factories: people placed by tier and recent sales with cut-offs taken over the whole corp (not the viewer's scope),
 * 数据不足 not placed, only HR and admins, and an export of exactly the people in scope (audited, formulas
 * neutralised, bad format a 400 in Chinese).
 */
import ExcelJS from 'exceljs';
import type { TalentNineBox } from '@liucai/shared';
import { AuditEvent, JobModelVersion, type User } from '../server/src/entities';
import { ensureBuiltInJobModels } from '../server/src/modules/talent/commands/builtInJobModelSeeder';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildUser, clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { storeMatchScore, storeMonthlySales } from './support/talentData';

const PERIOD = '2026-10';

describe('talent 9-box and export', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let extra: User[];

  /** A stored score (tier from the score) and three months of contract value for `u`. */
  async function store(u: User, versionId: number, jobModelId: number, score: number | null, monthlyYuan: [string, string][]) {
    await storeMatchScore(w.ds, tw.corpId, { userid: u.userid, period: PERIOD, versionId, jobModelId, score });
    const months = ['2026-08', '2026-09', '2026-10'];
    await storeMonthlySales(
      w.ds,
      tw.corpId,
      u.userid,
      monthlyYuan.map(([small, big], i) => [months[i]!, small, big]),
    );
  }

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talent9', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'nb');
    await ensureBuiltInJobModels(w.ds, tw.corpId);
    const v = await w.ds.getRepository(JobModelVersion).findOneByOrFail({ corpId: tw.corpId, version: 1 });
    const ka = tw.depts.keyAccount.deptId;
    extra = [];
    for (const name of ['=HYPERLINK("x")', '孙一', '周二'])
      extra.push(await buildUser(w.ds, tw.corpId, { name, deptIds: [ka], jobNumber: `A${extra.length + 1}` }));
    // Sales over the three months (yuan): 0, 100, 200, 300, 400, 500, 600 → cut-offs at 200 (P33) and 400 (P67).
    await store(tw.people.wang, v.id, v.jobModelId, 85, [
      ['0', '600'],
      ['0', '0'],
      ['0', '0'],
    ]); // move, high
    await store(tw.people.zhang, v.id, v.jobModelId, 62.5, [
      ['100', '0'],
      ['100', '0'],
      ['100', '0'],
    ]); // train, mid (300)
    await store(extra[0]!, v.id, v.jobModelId, 40, [
      ['0', '0'],
      ['0', '0'],
      ['0', '0'],
    ]); // reassign, low
    await store(extra[1]!, v.id, v.jobModelId, 81, [
      ['200', '0'],
      ['0', '0'],
      ['0', '0'],
    ]); // move, low (at the cut-off)
    await store(extra[2]!, v.id, v.jobModelId, null, []); // 数据不足: not placed
    // Outside HR's scope (财务部), but part of the cut-offs: 100, 400, 500 more.
    for (const [i, yuan] of ['100', '400', '500'].entries()) {
      const u = await buildUser(w.ds, tw.corpId, { name: `财务${i}`, deptIds: [tw.depts.finance.deptId] });
      await store(u, v.id, v.jobModelId, 70, [
        [yuan, '0'],
        ['0', '0'],
        ['0', '0'],
      ]);
    }
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
  });
  afterAll(async () => {
    await server?.close();
    await w?.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);

  it('places HR’s people by tier and recent sales, cut-offs over the whole corp, 数据不足 left out', async () => {
    const res = await (await as('hr')).call<TalentNineBox>('GET', `/api/v1/talent/review/nine-box?period=${PERIOD}`);
    expect(res.status).toBe(200);
    const box = res.body.data;
    expect(box.window).toEqual({ from: '2026-08', to: '2026-10' });
    expect(box.cutoffs).toEqual({ lowCny: '200.00', highCny: '400.00', population: 7 });
    const cell = (tier: string, perf: string) => box.cells.find((c) => c.tier === tier && c.performance === perf)!.people.map((p) => p.name);
    expect(box.cells).toHaveLength(9);
    expect(cell('move', 'high')).toEqual(['王五']);
    expect(cell('move', 'low')).toEqual(['孙一']);
    expect(cell('train', 'mid')).toEqual(['张三']);
    expect(cell('reassign', 'low')).toEqual(['=HYPERLINK("x")']);
    expect(box.cells.reduce((s, c) => s + c.people.length, 0)).toBe(4);
    expect(box.unplaced).toBe(1);
    const wang = box.cells.find((c) => c.tier === 'move' && c.performance === 'high')!.people[0]!;
    expect(wang).toMatchObject({ score: '85', salesCny: '600.00', decisionLabel: null });
  });

  it('shows admins everyone in the same boxes with HR’s decisions, and refuses supervisors and employees', async () => {
    const agreed = await (await as('hr')).call('POST', `/api/v1/talent/people/${tw.people.wang.userid}/decisions`, { period: PERIOD, kind: 'agree' });
    expect(agreed.status).toBe(201);
    const box = (await (await as('admin')).call<TalentNineBox>('GET', '/api/v1/talent/review/nine-box')).body.data;
    expect(box.period).toBe(PERIOD);
    expect(box.cells.reduce((s, c) => s + c.people.length, 0)).toBe(7);
    expect(box.cutoffs).toEqual({ lowCny: '200.00', highCny: '400.00', population: 7 });
    expect(box.cells.find((c) => c.tier === 'move' && c.performance === 'high')!.people[0]).toMatchObject({ name: '王五', decisionLabel: '立即转型' });
    for (const who of ['lead', 'zhang'] as const) expect((await (await as(who)).call('GET', '/api/v1/talent/review/nine-box')).status).toBe(403);
  });

  it('exports the people in scope as .xlsx and CSV with formulas neutralised, audited once per download', async () => {
    const hr = await as('hr');
    const before = await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.review.export' });
    const res = await fetch(`${server.url}/api/v1/talent/review/export?format=xlsx`, { headers: { cookie: hr.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`talent-review-${PERIOD}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人才盘点')!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1).slice(0, 12)).toEqual(['工号', '姓名', '部门', '职位', '月份', '岗位模型', '版本', '匹配度', '建议档位', '主要差距', 'HR 决定', '决定理由']);
    expect(ws.rowCount).toBe(6);
    const names = [2, 3, 4, 5, 6].map((n) => row(n)[1]);
    expect(names).toEqual(['王五', '孙一', '张三', `'=HYPERLINK("x")`, '周二']);
    expect(row(2).slice(4, 9)).toEqual([PERIOD, '大客户销售', '第 1 版', '85', '立即转型']);
    expect(row(6).slice(7, 9)).toEqual(['数据不足', '数据不足']);
    const csv = await fetch(`${server.url}/api/v1/talent/review/export?format=csv`, { headers: { cookie: hr.cookie } });
    const text = Buffer.from(await csv.arrayBuffer());
    expect(text.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.subarray(3).toString('utf8').trim().split('\r\n')).toHaveLength(6);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.review.export' })).toBe(before + 2);
  });

  it('answers a bad format with 400 naming the field, and supervisors with 403; nothing audited', async () => {
    const before = await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.review.export' });
    const bad = await (await as('hr')).call('GET', '/api/v1/talent/review/export?format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('格式');
    expect((await (await as('lead')).call('GET', '/api/v1/talent/review/export')).status).toBe(403);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.review.export' })).toBe(before);
  });
});
