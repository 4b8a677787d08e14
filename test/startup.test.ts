import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { ImportRun, SyncOverview } from '@liucai/shared';
import { repoRoot } from '../server/src/util/repoRoot';
import { keepScreenshot, launchBrowser } from './support/browser';
import { TestClient } from './support/httpClient';
import { TEST_REDIS_URL, testDatabaseUrl } from './support/testEnv';
import { waitFor } from './support/waitFor';
import { movePageClock, movedClockEnv } from './support/laterClock';

jest.setTimeout(240000);

const DATA_KINDS = ['departures', 'attendance', 'leave', 'crm'] as const;

const MAIN = path.join(repoRoot(), 'server/dist/server/src/main.js');

/** The environment a new user has: none of ours, so every part takes its embedded default. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...movedClockEnv(), HOME: process.env.HOME, LOG_LEVEL: 'warn', ...extra };
  return env;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [MAIN], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      // The start-up banner is printed in one piece, ending with the demo users line in sandbox mode.
      const m = /已启动: (http:\/\/\S+)[^]*\n$/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing its URL:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, url, exit };
}

describe('npm start on embedded defaults (the quick start, as a new user runs it)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-start-'));
  const sqlite = path.join(dir, 'liucai.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts with no services, syncs the demo company, prints URL and demo users, serves the app, and stops cleanly', async () => {
    expect(fs.existsSync(MAIN)).toBe(true);
    const p = start(cleanEnv({ SQLITE_PATH: sqlite, PORT: '0', HOST: '127.0.0.1', SANDBOX_EMPLOYEES: '40' }));
    const printed = await p.url;
    const base = new URL(printed).origin;
    expect(printed).toMatch(/\/app\/\?corpId=dingliucaidemo$/);
    expect(p.output()).toContain('首次启动');
    expect(p.output()).toMatch(/员工 demo-employee .* 主管 demo-supervisor .* HR demo-hr .* 管理员 demo-admin/);
    // The URL comes as soon as the org is in; the data syncs go on in the background, and the banner says so.
    expect(p.output()).toMatch(/首次同步: 离职、考勤、请假、CRM 正在后台读取，现在即可登录/);
    const hr = new TestClient(base);
    expect((await hr.signIn('demo-hr', 'dingliucaidemo')).status).toBe(200);
    const org = await hr.call<SyncOverview>('GET', '/api/v1/sync/org');
    expect(org.body.data.lastSucceeded).toMatchObject({ trigger: 'startup', status: 'succeeded' });
    expect(org.body.data.lastSucceeded!.counts.users).toBeGreaterThanOrEqual(40);
    // Each data source gets one first-start run, and each finishes.
    const finished = await waitFor(
      'the first-start data syncs',
      async () => {
        const all = await Promise.all(DATA_KINDS.map(async (kind) => (await hr.call<SyncOverview>('GET', `/api/v1/sync/${kind}`)).body.data));
        return all.every((o) => o.lastSucceeded && !o.current) ? all.map((o) => o.lastSucceeded!) : null;
      },
      180000,
      500,
    );
    for (const [i, run] of finished.entries()) expect(run).toMatchObject({ kind: DATA_KINDS[i], trigger: 'startup', status: 'succeeded' });
    const rows = Object.fromEntries(finished.map((r) => [r.kind, r.counts.rows]));
    // The demo company has a history: people left over the last 18 months, and everyone's records were read.
    expect(rows.departures).toBeGreaterThan(0);
    expect(rows.attendance).toBeGreaterThan(0);
    expect(rows.leave).toBeGreaterThan(0);
    expect(rows.crm).toBeGreaterThan(0);
    // Then the company's training history, imported once as HR would (DingTalk has no training API), by the demo admin.
    const admin = new TestClient(base);
    expect((await admin.signIn('demo-admin', 'dingliucaidemo')).status).toBe(200);
    const training = await waitFor('the demo training import', async () => {
      const runs = (await admin.call<ImportRun[]>('GET', '/api/v1/imports/runs?kind=training')).body.data;
      return runs.find((r) => r.fileName === '演示公司培训记录.csv' && r.status === 'succeeded') ?? null;
    });
    expect(training).toMatchObject({ createdBy: 'demo-admin', rejected: 0 });
    expect(training.created).toBeGreaterThan(500);

    // 数据 in Chromium, as HR sees it after the first start: every card filled in and labelled 首次同步.
    const browser = await launchBrowser();
    try {
      for (const [width, height, name] of [
        [375, 812, 'phone-hr-data-first-start'],
        [1280, 900, 'pc-hr-data-first-start'],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
        await movePageClock(context);
        const page = await context.newPage();
        await page.goto(printed);
        await page.getByTestId('demo-user-demo-hr').click();
        await page.getByTestId('me-name').waitFor();
        await page.getByTestId('menu-data').click();
        await page.getByTestId('data-page').waitFor();
        for (const kind of DATA_KINDS) {
          const last = page.getByTestId(`sync-last-${kind}`);
          await last.waitFor();
          expect(await last.textContent()).toContain('首次同步');
          const shown = Number(((await page.getByTestId(`sync-stat-rows-${kind}`).textContent()) ?? '').replace(/\D/g, ''));
          expect(shown).toBe(rows[kind]);
          expect(await page.getByTestId(`sync-never-${kind}`).count()).toBe(0);
        }
        await keepScreenshot(page, name);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as { ok: boolean; data: { database: { kind: string } } };
    expect(ready).toMatchObject({ ok: true, data: { database: { ok: true, kind: 'sqlite' } } });
    // DingTalk events: Stream (connected to the built-in sandbox's gateway) and HTTP callbacks, both on by default.
    expect(p.output()).toContain('事件 Stream + HTTP 回调');
    const events = await waitFor('the Stream connection in /readyz', async () => {
      const r = (await (await fetch(`${base}/readyz`)).json()) as { data: { events: { mode: string; http: boolean; stream: { state: string } } } };
      return r.data.events.stream.state === 'connected' ? r.data.events : null;
    });
    expect(events).toMatchObject({ mode: 'both', http: true, stream: { state: 'connected', connections: 1 } });
    // An org change in the sandbox reaches this process as a Stream event and is acknowledged.
    const sandboxUrl = /钉钉 沙箱 (http:\/\/\S+)/.exec(p.output())![1]!;
    const rename = await fetch(`${sandboxUrl}/sandbox/corps/dingliucaidemo/departments/1/rename`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '留才示范科技有限公司' }),
    });
    expect(rename.status).toBe(200);
    await waitFor('the event acknowledged', async () => {
      const g = (await (await fetch(`${sandboxUrl}/sandbox/stream`)).json()) as { pending: unknown[]; stats: { acked: number } };
      return g.stats.acked >= 1 && g.pending.length === 0;
    });
    const html = await (await fetch(printed)).text();
    expect(html).toContain('<div id="root">');
    const options = (await (await fetch(`${base}/api/v1/auth/options`)).json()) as { data: { demoUsers: unknown[] } };
    expect(options.data.demoUsers).toHaveLength(4);
    expect(fs.existsSync(sqlite)).toBe(true);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.output()).not.toMatch(/secret/i);

    // A restart keeps the data: no second first-start sync.
    const again = start(cleanEnv({ SQLITE_PATH: sqlite, PORT: '0', HOST: '127.0.0.1', SANDBOX_EMPLOYEES: '40' }));
    await again.url;
    expect(again.output()).not.toContain('首次启动');
    expect(again.output()).not.toContain('首次同步');
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });

  it('refuses bad configuration at start, naming every bad variable', async () => {
    const p = start(cleanEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://db/liucai', DINGTALK_APP_KEY: 'k' }));
    await expect(p.url).rejects.toThrow();
    expect(await p.exit).toBe(2);
    expect(p.output()).toContain('PORT:');
    expect(p.output()).toContain('DATABASE_URL:');
    expect(p.output()).toContain('DINGTALK_CORP_ID');
  });

  it('switches to MySQL and BullMQ when DATABASE_URL and REDIS_URL are set, consuming jobs in the web process', async () => {
    const prefix = `startup${process.pid}${Date.now().toString(36)}`;
    const p = start(
      cleanEnv({
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        PORT: '0',
        HOST: '127.0.0.1',
        SANDBOX_EMPLOYEES: '30',
        DINGTALK_EVENT_MODE: 'off',
        // The first start's data syncs run in this process's worker, which finishes them before it stops: a week keeps them short.
        DEMO_SYNC_LOOKBACK_DAYS: '7',
      }),
    );
    try {
      const printed = await p.url;
      expect(p.output()).toContain('数据库 MySQL');
      expect(p.output()).toContain('任务 BullMQ (本进程消费)');
      const ready = (await (await fetch(`${new URL(printed).origin}/readyz`)).json()) as { ok: boolean; data: { redis: { ok: boolean } } };
      expect(ready).toMatchObject({ ok: true, data: { redis: { ok: true }, database: { kind: 'mysql' } } });
      // DINGTALK_EVENT_MODE=off: no Stream connection and no HTTP callback endpoint.
      expect(ready).toMatchObject({ data: { events: { mode: 'off', http: false, stream: { state: 'off' } } } });
      const callback = await fetch(`${new URL(printed).origin}/dingtalk/callback?nonce=x`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(callback.status).toBe(404);
      expect(await callback.json()).toMatchObject({ error: { id: 'callback_not_configured', message: 'HTTP 回调未启用 (DINGTALK_EVENT_MODE=off)' } });
    } finally {
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });
});
