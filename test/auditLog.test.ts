/**
 * The audit log through the HTTP API on real MariaDB: plan writes are recorded in their own transaction with who,
 * when, which session; admins search (actor, action, target, date range, paging) and export CSV; everyone else 403;
 * bad filters 400 in Chinese; the retention purge deletes only what is older than the retention period.
 */
import { createHash } from 'node:crypto';
import { AuditEvent } from '../server/src/entities';
import { Like } from 'typeorm';
import { readAuditCounts, recordAudit, recordReadAudit } from '../server/src/modules/audit/commands/auditRecorder';
import { purgeExpiredAudit, retentionCutoff } from '../server/src/modules/audit/commands/auditPurger';
import { searchAudit } from '../server/src/modules/audit/queries/auditSearch';
import { createTestWorld, type TestWorld } from './support/testServices';
import { waitFor } from './support/waitFor';
import { loadConfig } from '../server/src/config';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import type { TestClient } from './support/httpClient';

interface EventView {
  id: string;
  at: string;
  actor: { userid: string; name: string | null };
  sessionRef: string | null;
  action: string;
  actionLabel: string;
  targetKind: string;
  targetId: string;
  detail: Record<string, unknown> | null;
}
type Page = { events: EventView[]; total: number; totalCapped: boolean; page: number; pageSize: number };

describe('audit log', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PayWorld;
  let admin: TestClient;
  let hr: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'audit', employees: 20 });
    pw = await buildPayWorld(w.ds, 'aud');
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    admin = await payClientAs(w.ds, server.url, pw.people.admin);
    hr = await payClientAs(w.ds, server.url, pw.people.hr);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const count = () => w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId });

  it('records a plan write with who, when, what and from which session, in the write’s transaction', async () => {
    const before = await count();
    const res = await hr.call<{ id: number }>('POST', '/api/v1/incentives/plans', { code: 'audit-plan', name: '审计测试方案' });
    expect(res.status).toBe(201);
    expect(await count()).toBe(before + 1);
    const row = await w.ds.getRepository(AuditEvent).findOneByOrFail({ corpId: pw.corpId, action: 'pay.plan.create', targetId: String(res.body.data.id) });
    const token = decodeURIComponent(hr.cookie.split('=')[1]!);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(row).toMatchObject({ actorUserid: pw.people.hr.userid, targetKind: 'incentive_plan', sessionRef: hash.slice(0, 16) });
    expect(Date.now() - new Date(row.occurredAt).getTime()).toBeLessThan(60_000);
    // A refused write (the code is taken) records nothing.
    const again = await hr.call('POST', '/api/v1/incentives/plans', { code: 'audit-plan', name: '重复' });
    expect(again.status).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('lets admins search by actor, action (or a prefix), target and date range, with paging', async () => {
    const byActor = await admin.call<Page>('GET', `/api/v1/audit-log?actor=${pw.people.hr.userid}`);
    expect(byActor.status).toBe(200);
    expect(byActor.body.data.events.map((e) => e.action)).toEqual(['pay.plan.create']);
    expect(byActor.body.data.events[0]).toMatchObject({ actor: { userid: pw.people.hr.userid, name: '周九' }, actionLabel: '新建激励方案' });

    const prefix = await admin.call<Page>('GET', '/api/v1/audit-log?action=pay.planVersion.');
    expect(prefix.body.data.total).toBeGreaterThan(0);
    expect(prefix.body.data.events.every((e) => e.action.startsWith('pay.planVersion.'))).toBe(true);

    const all = await admin.call<Page>('GET', '/api/v1/audit-log?pageSize=2');
    expect(all.body.data.events).toHaveLength(2);
    const page2 = await admin.call<Page>('GET', '/api/v1/audit-log?pageSize=2&page=2');
    expect(page2.body.data.total).toBe(all.body.data.total);
    // 共 N 条 counts every matching event of the corp (the read of page 2 recorded none).
    expect(all.body.data.total).toBe(await count());
    expect(all.body.data.totalCapped).toBe(false);
    expect(prefix.body.data.total).toBe(await w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, action: Like('pay.planVersion.%') }));
    expect(page2.body.data.events[0]!.id).not.toBe(all.body.data.events[0]!.id);

    const target = byActor.body.data.events[0]!;
    const byTarget = await admin.call<Page>('GET', `/api/v1/audit-log?targetKind=incentive_plan&targetId=${target.targetId}`);
    expect(byTarget.body.data.events.map((e) => e.id)).toEqual([target.id]);

    const past = await admin.call<Page>('GET', '/api/v1/audit-log?from=2020-01-01&to=2020-12-31');
    expect(past.body.data).toMatchObject({ total: 0, events: [] });
  });

  it('counts matching events up to the cap and says when there are more; the pages go on past it', async () => {
    const n = await count();
    expect(n).toBeGreaterThan(4);
    const exact = await searchAudit(w.ds, pw.corpId, {}, { page: 1, pageSize: 2 }, n);
    expect(exact).toMatchObject({ total: n, capped: false });
    const capped = await searchAudit(w.ds, pw.corpId, {}, { page: 1, pageSize: 2 }, 3);
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(capped.rows).toHaveLength(2);
    // A filter is counted under the same cap, and a page past the cap still reads its rows.
    const prefix = await w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, action: Like('pay.%') });
    expect(prefix).toBeGreaterThan(2);
    expect(await searchAudit(w.ds, pw.corpId, { action: 'pay.' }, { page: 1, pageSize: 1 }, 2)).toMatchObject({ total: 2, capped: true });
    const past = await searchAudit(w.ds, pw.corpId, {}, { page: 3, pageSize: 2 }, 3);
    expect(past.rows.length).toBeGreaterThan(0);
    expect(past).toMatchObject({ total: 3, capped: true });
  });

  it('refuses bad filters with a Chinese 400 naming the field, and everyone but admins with 403', async () => {
    const bad = await admin.call('GET', '/api/v1/audit-log?from=2026-02-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('结束日期不能早于开始日期');
    const badDay = await admin.call('GET', '/api/v1/audit-log?from=昨天');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.message).toContain('开始日期');
    for (const path of ['/api/v1/audit-log', '/api/v1/audit-log/export.csv']) {
      const res = await hr.call('GET', path);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('只有管理员可以查看和导出审计日志');
    }
  });

  it('exports the matching events as CSV (BOM, Chinese header), and records the export', async () => {
    const res = await fetch(`${server.url}/api/v1/audit-log/export.csv?actor=${pw.people.hr.userid}`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('时间（北京时间）,操作人,操作人账号,会话,操作,操作代码,对象类型,对象编号,涉及员工,涉及员工账号,详情');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',周九,');
    expect(lines[1]).toContain(',新建激励方案,pay.plan.create,incentive_plan,');
    const exported = await admin.call<Page>('GET', '/api/v1/audit-log?action=audit.log.export');
    expect(exported.body.data.events).toHaveLength(1);
    expect(exported.body.data.events[0]!.actor.userid).toBe(pw.people.admin.userid);
  });

  it('names the actor and the person concerned, read with the page; someone not in the corp keeps their account only', async () => {
    const hrRef = { userid: pw.people.hr.userid, name: '周九' };
    await recordReadAudit(
      w.ds,
      { corpId: pw.corpId, userid: pw.people.admin.userid },
      { action: 'pay.statement.read', targetKind: 'payout_statement', targetId: 'names-1', subjectUserid: pw.people.hr.userid },
    );
    await recordReadAudit(
      w.ds,
      { corpId: pw.corpId, userid: 'left-long-ago' },
      { action: 'pay.statement.read', targetKind: 'payout_statement', targetId: 'names-2', subjectUserid: 'also-gone' },
    );
    const named = await admin.call<Page & { events: (EventView & { subject: { userid: string; name: string | null } | null })[] }>(
      'GET',
      '/api/v1/audit-log?targetKind=payout_statement&action=pay.statement.read',
    );
    const byTarget = new Map(named.body.data.events.map((e) => [e.targetId, e]));
    expect(byTarget.get('names-1')).toMatchObject({ actor: { userid: pw.people.admin.userid, name: '吴十' }, subject: hrRef });
    expect(byTarget.get('names-2')).toMatchObject({ actor: { userid: 'left-long-ago', name: null }, subject: { userid: 'also-gone', name: null } });
    const csv = await fetch(`${server.url}/api/v1/audit-log/export.csv?targetId=names-1`, { headers: { cookie: admin.cookie, origin: server.url } });
    expect(await csv.text()).toContain(
      `吴十,${pw.people.admin.userid},,查看他人激励明细,pay.statement.read,payout_statement,names-1,周九,${pw.people.hr.userid}`,
    );
  });

  it('stores reads recorded at once together (each awaited until its row is stored); a bad row refuses only itself', async () => {
    const who = { corpId: pw.corpId, userid: pw.people.admin.userid };
    const read = (targetId: string) => ({ action: 'pay.statement.read', targetKind: 'payout_statement', targetId });
    const stored = (prefix: string) => w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, targetId: Like(`${prefix}%`) });
    const before = readAuditCounts(w.ds);
    // Twelve requests' reads at the same moment: the first goes alone, the eleven arriving meanwhile with the next insert.
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordReadAudit(w.ds, who, read(`group-${i}`))));
    expect(await stored('group-')).toBe(12);
    const after = readAuditCounts(w.ds);
    expect(after.rows - before.rows).toBe(12);
    expect(after.inserts - before.inserts).toBe(2);

    // A row the table refuses (no target kind) fails its insert: the others of that insert are stored one by one.
    const results = await Promise.allSettled([
      recordReadAudit(w.ds, who, read('mixed-0')),
      recordReadAudit(w.ds, who, read('mixed-1')),
      recordReadAudit(w.ds, who, { ...read('mixed-bad'), targetKind: null as unknown as string }),
      recordReadAudit(w.ds, who, read('mixed-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await stored('mixed-')).toBe(3);
    // A malformed action is refused before anything is queued.
    await expect(recordReadAudit(w.ds, who, { ...read('bad-action'), action: 'Pay read' })).rejects.toThrow('domain.noun.verb');
  });

  it('purges only events older than the retention period, and records the purge', async () => {
    const now = new Date('2032-06-01T00:00:00Z');
    const cutoff = retentionCutoff(now, 6);
    expect(cutoff.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    const who = { corpId: pw.corpId, userid: pw.people.admin.userid };
    await w.ds.transaction(async (em) => {
      await recordAudit(em, who, { action: 'pay.run.read', targetKind: 'payout_run', targetId: 'old', at: new Date(cutoff.getTime() - 1) });
      await recordAudit(em, who, { action: 'pay.run.read', targetKind: 'payout_run', targetId: 'kept', at: cutoff });
    });
    const before = await count();
    expect(await purgeExpiredAudit(w.ds, pw.corpId, { now, years: 6, batch: 1 })).toBe(1);
    const repo = w.ds.getRepository(AuditEvent);
    expect(await repo.countBy({ corpId: pw.corpId, targetId: 'old' })).toBe(0);
    expect(await repo.countBy({ corpId: pw.corpId, targetId: 'kept' })).toBe(1);
    // One gone, one purge record added; today's events stay.
    expect(await count()).toBe(before);
    expect(await repo.countBy({ corpId: pw.corpId, action: 'audit.log.purge' })).toBe(1);
  });

  it('purges daily through the audit.purge job with the configured retention (default 6 years; a bad value is refused at start)', async () => {
    expect(w.config.audit).toEqual({ retentionYears: 6, purgeCron: '0 30 4 * * *' });
    expect(() => loadConfig({ NODE_ENV: 'test', AUDIT_RETENTION_YEARS: '0' })).toThrow(/AUDIT_RETENTION_YEARS/);
    const who = { corpId: pw.corpId, userid: pw.people.admin.userid };
    const sevenYearsAgo = new Date(Date.now() - 7 * 366 * 24 * 3600 * 1000);
    await w.ds.transaction((em) => recordAudit(em, who, { action: 'pay.run.read', targetKind: 'payout_run', targetId: 'ancient', at: sevenYearsAgo }));
    await w.jobs.enqueue('audit.purge', { corpId: pw.corpId }, { jobId: `audit-purge-test-${pw.corpId}` });
    await waitFor('the old event purged', async () => (await w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, targetId: 'ancient' })) === 0);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: pw.corpId, action: 'audit.log.purge' })).toBe(2);
  });
});
