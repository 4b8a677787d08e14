/**
 * KPI 指标值 over HTTP: HR imports the value of an indicator with the source “导入数据” for a person of its
 * departments, the month is scored again by the job, and the person's KPI uses the value, traceable to its row
 * (`import:<row id>`); a later file updates it; people outside HR's departments and indicators of another source
 * are refused row by row.
 */
import { addMonths, type ImportRun } from '@liucai/shared';
import { KpiImportValue, KpiScore } from '../server/src/entities';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { KpiScoreDetail } from '../server/src/modules/pay/commands/kpiScorer';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildKpiWorld, KPI_IMPORT_DEFINITION, type KpiWorld } from './support/kpiWorld';
import { csvFile } from './fixtures/importFiles';
import type { TestClient } from './support/httpClient';

const LAST = addMonths(shanghaiDate(new Date()).slice(0, 7), -1);
const HEADERS = ['员工', '月份', '指标编号', '数值', '说明'];

describe('HTTP API: KPI 指标值 import feeds the KPI', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let kw: KpiWorld;
  let hr: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'kpiimp', employees: 20 });
    kw = await buildKpiWorld(w.ds, 'kim', KPI_IMPORT_DEFINITION);
    server = await listen({ ...w, corp: { corpId: kw.corpId, name: kw.corpId } });
    hr = await clientAs(w.ds, server.url, kw.people.hr);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  async function commit(rows: string[][]) {
    const res = await fetch(`${server.url}/api/v1/imports/kpiValues?mode=commit`, {
      method: 'POST',
      headers: { cookie: hr.cookie, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('kpi.csv') },
      body: new Uint8Array(csvFile([HEADERS, ...rows])),
    });
    return { status: res.status, run: ((await res.json()) as { data: ImportRun }).data };
  }
  const visitsOf = async (userid: string) => {
    await (w.jobs as InProcessJobQueue).idle();
    const score = await w.ds.getRepository(KpiScore).findOneByOrFail({ corpId: kw.corpId, userid, period: LAST });
    const detail = JSON.parse(score.detail) as KpiScoreDetail;
    return { input: detail.inputs.visits, scored: detail.result.result.indicators.find((i) => i.id === 'visits') };
  };

  it('imports a value, scores the month with it, traceable to its row; a later file updates it', async () => {
    const { wang, li, outsider } = kw.people;
    const first = await commit([
      [wang.userid, LAST, 'visits', '15', '拜访记录汇总'],
      [outsider.userid, LAST, 'visits', '3', ''],
      [li.userid, LAST, 'sales', '3000', ''],
    ]);
    expect(first.status).toBe(201);
    expect(first.run).toMatchObject({ kind: 'kpiValues', created: 1, rejected: 2 });
    const row = await w.ds.getRepository(KpiImportValue).findOneByOrFail({ corpId: kw.corpId, userid: wang.userid });
    expect(row).toMatchObject({ period: LAST, indicatorId: 'visits', value: '15', note: '拜访记录汇总' });
    // Linear 0 → 20 次: 15 scores 75.
    expect(await visitsOf(wang.userid)).toMatchObject({
      input: { value: '15', sources: [`import:${row.sourceId}`], note: '导入数据：拜访记录汇总' },
      scored: { value: '15', score: '75' },
    });
    expect((await visitsOf(li.userid)).input).toEqual({ value: null, sources: [], note: '本月尚未导入数据' });

    const again = await commit([[wang.userid, LAST, 'visits', '20', '拜访记录汇总']]);
    expect(again.run).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    expect(await visitsOf(wang.userid)).toMatchObject({ input: { value: '20', sources: [`import:${row.sourceId}`] }, scored: { score: '100' } });
    expect(await w.ds.getRepository(KpiImportValue).countBy({ corpId: kw.corpId })).toBe(1);
  });
});
