/**
 * Payroll through the open API (MariaDB, HTTP): HR creates a corp-scoped token (shown once, stored as its SHA-256
 * only), an ERP reads a published run's payroll with `Authorization: Bearer …` in the export's layout (JSON cell for
 * cell, or the same CSV file as 发放批次's export), audited with the token; no token, a wrong one, a session cookie, a
 * run outside the creator's departments, an unpublished run and a revoked token are each refused; the token never
 * reaches the logs.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { ApiTokenView, CreatedApiToken, OpenPayroll } from '@liucai/shared';
import { ApiToken, AuditEvent } from '../server/src/entities';
import { REDACT_PATHS } from '../server/src/logger';
import type { JobQueue } from '../server/src/jobs/jobTypes';
import { createPayoutRun } from '../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../server/src/modules/pay/commands/payoutRunTransitions';
import { hashApiToken } from '../server/src/modules/openapi/auth/apiTokens';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import { actorFor, buildDeal, buildSatisfaction } from './support/factories';
import type { TestClient } from './support/httpClient';

const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

function monthsAgo(back: number): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}

describe('payroll through the open API', () => {
  let w: TestWorld;
  let pw: PayWorld;
  let server: { url: string; close(): Promise<void> };
  let hr: TestClient;
  let seller: TestClient;
  let published: number;
  let draft: number;
  let outside: number;
  const logs: string[] = [];

  const open = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    w = await createTestWorld({ label: 'openapi', employees: 20 });
    pw = await buildPayWorld(w.ds, 'openapi');
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    server = await listen({ ...w, log, corp: { corpId: pw.corpId, name: pw.corpId } });
    hr = await payClientAs(w.ds, server.url, pw.people.hr);
    seller = await payClientAs(w.ds, server.url, pw.people.seller);

    const s = pw.people.seller.userid;
    const [p1, p2] = [monthsAgo(2), monthsAgo(1)];
    await buildDeal(w.ds, pw.corpId, {
      sourceId: 'OA-1',
      ownerUserid: s,
      customerName: '客户甲',
      amountFen: 15_000_000,
      renewalYears: 2,
      signedOn: `${p1}-03`,
    });
    await buildSatisfaction(w.ds, pw.corpId, { ownerUserid: s, customerName: '客户甲', scoreTenths: 92, surveyedOn: `${p1}-04` });
    const deps = { ds: w.ds, jobs: noJobs };
    const hrActor = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
    const admin = actorFor(pw.people.admin, ['employee', 'admin']);
    const run1 = await createPayoutRun(deps, hrActor, { period: p1, deptId: pw.depts.sales.deptId });
    await computePayoutRun(w.ds, pw.corpId, run1.id, 1);
    for (const step of ['lock', 'approve', 'publish'] as const) await advancePayoutRun(deps, hrActor, run1.id, step);
    published = run1.id;
    draft = (await createPayoutRun(deps, hrActor, { period: p2, deptId: pw.depts.sales.deptId })).id;
    const fin = await createPayoutRun(deps, admin, { period: p1, deptId: pw.depts.finance.deptId });
    await computePayoutRun(w.ds, pw.corpId, fin.id, 1);
    for (const step of ['lock', 'approve', 'publish'] as const) await advancePayoutRun(deps, admin, fin.id, step);
    outside = fin.id;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  let token: CreatedApiToken;

  it('HR creates a token, shown once and stored only as its hash; employees may not', async () => {
    expect((await seller.call('POST', '/api/v1/api-tokens', { name: 'ERP' })).status).toBe(403);
    expect((await hr.call('POST', '/api/v1/api-tokens', { name: ' ' })).body).toMatchObject({
      error: { id: 'validation_error', message: '输入有误：名称必填' },
    });
    const res = await hr.call<CreatedApiToken>('POST', '/api/v1/api-tokens', { name: '金蝶 ERP' });
    expect(res.status).toBe(201);
    token = res.body.data;
    expect(token.token).toMatch(/^lct_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: '金蝶 ERP', prefix: token.token.slice(0, 12), createdBy: { name: '周九' }, revokedAt: null });
    const row = await w.ds.getRepository(ApiToken).findOneByOrFail({ corpId: pw.corpId, id: token.id });
    expect(row.tokenHash).toBe(hashApiToken(token.token));
    expect(JSON.stringify(row)).not.toContain(token.token);
    const list = await hr.call<ApiTokenView[]>('GET', '/api/v1/api-tokens');
    expect(list.body.data.map((t) => [t.id, t.name])).toEqual([[token.id, '金蝶 ERP']]);
    expect(JSON.stringify(list.body)).not.toContain(token.token);
  });

  it('answers a published run’s payroll in the export’s layout, as JSON or the same CSV file, audited with the token', async () => {
    const res = await open(`/open/v1/payout-runs/${published}/payroll`, bearer(token.token));
    expect(res.status).toBe(200);
    const data = ((await res.json()) as { data: OpenPayroll }).data;
    expect(data.run).toMatchObject({ id: published, period: monthsAgo(2), deptName: '销售中心', totalFen: 770_000 });
    expect(data.summary.columns).toEqual(['工号', '姓名', '钉钉账号', '部门', '发放月份', '激励合计（元）', '激励合计（分）', '明细']);
    const zhang = data.summary.rows.find((r) => r[1] === '张三')!;
    expect(zhang.slice(3, 7)).toEqual(['一组', monthsAgo(2), '7700.00', '770000']);
    expect(data.lines.rows.filter((r) => r[1] === '张三').map((r) => [r[4], r[6]])).toEqual([
      ['合同提成', '1200.00'],
      ['满意度奖金', '5000.00'],
      ['续约提成', '1500.00'],
      ['资源协调奖励', '0.00'],
    ]);
    const csv = await open(`/open/v1/payout-runs/${published}/payroll?format=csv`, bearer(token.token));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const viaSession = await fetch(`${server.url}/api/v1/payout-runs/${published}/payroll?format=csv`, { headers: { cookie: hr.cookie! } });
    expect(await csv.text()).toBe(await viaSession.text());
    const audit = await w.ds
      .getRepository(AuditEvent)
      .find({ where: { corpId: pw.corpId, action: 'pay.run.export', targetId: String(published) }, order: { id: 'ASC' } });
    expect(audit.map((a) => [a.actorUserid, a.sessionRef, JSON.parse(a.detail ?? '{}').via ?? null])).toEqual([
      [pw.people.hr.userid, `token:${token.id}`, 'open-api'],
      [pw.people.hr.userid, `token:${token.id}`, 'open-api'],
      [pw.people.hr.userid, expect.any(String), null],
    ]);
    expect((await w.ds.getRepository(ApiToken).findOneByOrFail({ corpId: pw.corpId, id: token.id })).lastUsedAt).not.toBeNull();
  });

  it('refuses without a valid token, outside the creator’s departments and before publication', async () => {
    const status = async (path: string, headers: Record<string, string>) => (await open(path, headers)).status;
    const path = `/open/v1/payout-runs/${published}/payroll`;
    expect(await status(path, {})).toBe(401);
    expect(await status(path, bearer(`lct_${'A'.repeat(43)}`))).toBe(401);
    expect(await status(path, { authorization: token.token })).toBe(401);
    expect(await status(path, { cookie: hr.cookie! })).toBe(401);
    const body = (await (await open(path, {})).json()) as { error: { message: string } };
    expect(body.error.message).toContain('Authorization');
    expect(await status(`/open/v1/payout-runs/${outside}/payroll`, bearer(token.token))).toBe(404);
    expect(await status(`/open/v1/payout-runs/${draft}/payroll`, bearer(token.token))).toBe(409);
  });

  it('stops answering once revoked (only its creator or an admin may revoke), and the token never reached the logs', async () => {
    expect((await seller.call('POST', `/api/v1/api-tokens/${token.id}/revoke`)).status).toBe(403);
    const revoked = await hr.call<ApiTokenView>('POST', `/api/v1/api-tokens/${token.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedBy).toMatchObject({ name: '周九' });
    expect((await hr.call('POST', `/api/v1/api-tokens/${token.id}/revoke`)).status).toBe(409);
    expect((await open(`/open/v1/payout-runs/${published}/payroll`, bearer(token.token))).status).toBe(401);
    const actions = await w.ds.getRepository(AuditEvent).find({ where: { corpId: pw.corpId, targetKind: 'api_token' }, order: { id: 'ASC' } });
    expect(actions.map((a) => a.action)).toEqual(['open.token.create', 'open.token.revoke']);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(token.token.slice(4));
  });
});
