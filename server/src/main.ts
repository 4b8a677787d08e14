/** The web process (`npm start`): HTTP API + micro-app, and in the embedded mode the jobs and the sandbox too. */
import type { Server } from 'node:http';
import type { JobWorkers } from './jobs/bullJobQueue';
import { createApp } from './app';
import { listenApp } from './httpServer';
import { bootServices, configOrExit, createLogger, prepareFirstStart, startJobs } from './bootstrap';
import type { Services } from './services';
import { lowerOtherThreadsPriority } from './util/threadPriority';

/**
 * How long a stop waits for jobs in flight. The demo's first-start syncs take minutes; each window lands with its
 * checkpoint, so stopping mid-way loses at most the window in flight and the next start resumes the run.
 */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  // Handlers go in first, so a signal during start-up still closes whatever has been opened, in order.
  let server: Server | null = null;
  let worker: JobWorkers | null = null;
  let s: Services | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    const closed = (async () => {
      if (worker) await worker.close();
      if (s) await s.close();
      return true;
    })();
    const grace = new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS).unref());
    if (!(await Promise.race([closed, grace])))
      console.log('仍有同步在进行：已保存到最近的检查点，下次启动时继续 (a sync was still running: it resumes at the next start)');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  s = await bootServices(config, log, { offLoop: true });
  worker = await startJobs(s, s.jobs.kind === 'bullmq' && config.runWorkerInWeb);
  // DingTalk events in Stream mode: only the web process holds the connection (workers never do).
  s.eventStream?.start();
  const first = await prepareFirstStart(s, (line) => console.log(line));
  const app = createApp(s);
  server = await listenApp(app, config.port, config.host);
  // Requests first: every other thread here (jobs, sandbox, V8's and libuv's helpers) gives way to this one.
  lowerOtherThreadsPriority();
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = config.publicUrl ?? `http://localhost:${port}`;
  const modes = [
    `数据库 ${config.database.kind === 'sqlite' ? `SQLite (${config.database.path})` : 'MySQL'}`,
    `任务 ${s.jobs.kind === 'bullmq' ? `BullMQ${worker ? ' (本进程消费)' : ''}` : '进程内'}`,
    `钉钉 ${s.sandbox ? `沙箱 ${s.sandbox.url}` : '正式'}`,
    `事件 ${{ stream: 'Stream', http: 'HTTP 回调', both: 'Stream + HTTP 回调', off: '关闭' }[config.events.mode]}`,
  ];
  const lines = [`\n留才 Liucai 已启动: ${base}/app/?corpId=${s.corp.corpId}`, `  ${modes.join(' · ')}`];
  if (s.sandbox) {
    const d = s.sandbox.demoUsers;
    lines.push(`  演示用户 (在登录页点选): 员工 ${d.employee} · 主管 ${d.supervisor} · HR ${d.hr} · 管理员 ${d.admin}`);
  }
  if (first.dataSyncsRunning)
    lines.push('  首次同步: 离职、考勤、请假、CRM 正在后台读取，现在即可登录；进度见“数据”页 (first sync of the data runs in the background)');
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error('留才启动失败 (start-up failed):', err instanceof Error ? err.message : err);
  process.exit(1);
});
