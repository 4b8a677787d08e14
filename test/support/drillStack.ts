/**
 * Liucai in its production shape for fault drills: a MariaDB and a Redis of the drill's own (so it may stop and
 * restart them), the built web process and a separate worker process (NODE_ENV=production, real-DingTalk mode pointed
 * at a sandbox in the test process), the database migrated by the release step and the org synced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { startSandbox, type SandboxHandle } from '../../server/src/dingtalk/sandbox';
import { createDataSource } from '../../server/src/db/dataSource';
import { recreateMysqlDatabase } from '../../server/src/db/adminConnection';
import { createDingTalkPort } from '../../server/src/dingtalk/dingTalkPort';
import { loadConfig } from '../../server/src/config';
import { createOrgSyncRun } from '../../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../../server/src/modules/sync/commands/orgSyncer';
import { grantDemoHrScope } from '../../server/src/services';
import { QUEUE_NAME } from '../../server/src/jobs/bullJobQueue';
import { Corp } from '../../server/src/entities';
import { repoRoot } from '../../server/src/util/repoRoot';
import { startPrivateMariadb, startPrivateRedis, type PrivateMariadb, type PrivateRedis } from './privateServices';
import { waitFor } from './waitFor';
import { movedClockEnv } from './laterClock';

const DIST = path.join(repoRoot(), 'server/dist/server/src');

/** A built Liucai process (web or worker) with its output kept. */
export interface LiucaiProcess {
  child: ChildProcess;
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  exit: Promise<NodeJS.Signals | number | null>;
}

function spawnLiucai(script: string, env: NodeJS.ProcessEnv): LiucaiProcess {
  const child = spawn(process.execPath, [path.join(DIST, script)], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => out, alive: () => child.exitCode === null && child.signalCode === null, exit };
}

export interface DrillStack {
  corpId: string;
  appKey: string;
  sandbox: SandboxHandle;
  mariadb: PrivateMariadb;
  redis: PrivateRedis;
  /** The test's own connection to the drill database (its pool reconnects after a restart). */
  ds: DataSource;
  /** A BullMQ view of the drill's queue, for job states. */
  queue: Queue;
  web: LiucaiProcess;
  worker: LiucaiProcess;
  /** Base URL of the web process. */
  url: string;
  /** Headers of a request from our own page behind the TLS proxy production runs behind (scheme, Origin, cookie). */
  headers(cookie?: string): Record<string, string>;
  close(): Promise<void>;
}

/** Build the stack; `env` adds to (or overrides) the processes' environment. */
export async function startDrillStack(opts: {
  employees: number;
  seed: number;
  env?: Record<string, string>;
  /** The sandbox corp's "today" (ms); unset keeps the sandbox's fixed default. */
  asOfMs?: number;
}): Promise<DrillStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-drill-'));
  const corpId = `drill${process.pid}${Date.now().toString(36)}`;
  const appKey = `key-${corpId}`;
  const [mariadb, redis, sandbox] = await Promise.all([
    startPrivateMariadb(path.join(dir, 'mariadb')),
    startPrivateRedis(path.join(dir, 'redis')),
    startSandbox({
      port: 0,
      corps: [
        {
          corpId,
          corpName: '演练公司',
          appKey,
          appSecret: `secret-${corpId}`,
          agentId: 1000,
          seed: opts.seed,
          employees: opts.employees,
          ...(opts.asOfMs !== undefined ? { asOfMs: opts.asOfMs } : {}),
        },
      ],
    }),
  ]);
  const databaseUrl = mariadb.url('liucai');
  await recreateMysqlDatabase(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...movedClockEnv(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'liucai',
    DINGTALK_CORP_ID: corpId,
    DINGTALK_APP_KEY: appKey,
    DINGTALK_APP_SECRET: `secret-${corpId}`,
    DINGTALK_AGENT_ID: '1000',
    DINGTALK_LEGACY_BASE_URL: sandbox.url,
    DINGTALK_V1_BASE_URL: sandbox.url,
    DINGTALK_EVENT_MODE: 'off',
    DINGTALK_CALLS_PER_SECOND: '200',
    DINGTALK_MONTHLY_CALL_LIMIT: '500000',
    JOB_LOCK_MS: '2000',
    SCHEDULER_CHECK_SECONDS: '1',
    ...opts.env,
  };
  // The release step, as production runs it.
  const migrate = spawnLiucai('db/migrate.js', env);
  const migrated = await migrate.exit;
  if (migrated !== 0) throw new Error(`npm run migrate failed (${String(migrated)}):\n${migrate.output()}`);

  // Production starts with an empty database; the drills need the org, synced once from the sandbox.
  const ds = await createDataSource({ kind: 'mysql', url: databaseUrl });
  await ds.initialize();
  await ds.getRepository(Corp).insert({ corpId, name: '演练公司', agentId: 1000 });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl });
  const dingtalk = createDingTalkPort(
    { corpId, appKey, appSecret: `secret-${corpId}`, agentId: 1000, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
    { ...config, dingtalkCallsPerSecond: 200 },
    null,
  );
  const run = await createOrgSyncRun(ds, corpId, 'manual', null);
  await runOrgSync({ ds, source: dingtalk, apiCalls: () => dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
  const demo = sandbox.corps.get(corpId)!.demoUsers;
  await grantDemoHrScope(ds, corpId, demo.hr, demo.admin);

  const web = spawnLiucai('main.js', env);
  const worker = spawnLiucai('worker.js', env);
  const url = await waitFor(
    'the web process to print its URL',
    async () => {
      if (!web.alive()) throw new Error(`the web process exited:\n${web.output()}`);
      const m = /已启动: http:\/\/[^:\s]+:(\d+)/.exec(web.output());
      return m ? `http://127.0.0.1:${m[1]}` : null;
    },
    60000,
  );
  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url, maxRetriesPerRequest: null }, prefix: 'liucai' });
  queue.on('error', () => undefined);
  await waitFor('the worker to connect to the queue', async () => {
    if (!worker.alive()) throw new Error(`the worker exited:\n${worker.output()}`);
    return (await queue.getWorkers()).length > 0;
  });
  return {
    corpId,
    appKey,
    sandbox,
    mariadb,
    redis,
    ds,
    queue,
    web,
    worker,
    url,
    headers: (cookie) => ({ 'x-forwarded-proto': 'https', origin: url.replace(/^http:/, 'https:'), ...(cookie ? { cookie } : {}) }),
    async close() {
      for (const p of [web, worker]) if (p.alive()) p.child.kill('SIGKILL');
      await Promise.all([web.exit, worker.exit]);
      await queue.close().catch(() => undefined);
      await ds.destroy().catch(() => undefined);
      await Promise.all([mariadb.close(), redis.close(), sandbox.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sign in on a production web process: a 免登 code from the sandbox, exchanged over "HTTPS" (the proxy's header). */
export async function signInOn(stack: DrillStack, userid: string): Promise<{ status: number; cookie: string; body: unknown }> {
  const codeRes = await fetch(`${stack.sandbox.url}/sandbox/authCode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userid, corpId: stack.corpId }),
  });
  const { code } = (await codeRes.json()) as { code: string };
  const res = await fetch(`${stack.url}/api/v1/auth/dingtalk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...stack.headers() },
    body: JSON.stringify({ code, corpId: stack.corpId }),
  });
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('liucai_sid=')) ?? '').split(';')[0] ?? '';
  return { status: res.status, cookie, body: await res.json() };
}
