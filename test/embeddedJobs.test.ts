import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../server/src/util/repoRoot';
import { openDatabase } from '../server/src/db/dataSource';
import { waitFor } from './support/waitFor';
import { BACKGROUND_NICE } from '../server/src/util/threadPriority';
import { embeddedEnv } from './support/embeddedEnv';

jest.setTimeout(120000);

const MAIN = path.join(repoRoot(), 'server/dist/server/src/main.js');

/** The embedded mode as `npm start` runs it, on its own SQLite file; DingTalk held to 3 calls/s so a sync lasts. */
function startEmbedded(sqlite: string): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const env = embeddedEnv(sqlite, { SANDBOX_EMPLOYEES: '60', DINGTALK_CALLS_PER_SECOND: '3', DINGTALK_EVENT_MODE: 'off' });
  const child = spawn(process.execPath, [MAIN], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /已启动: (http:\/\/[^/\s]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing its URL:\n${out}`)));
  });
  return { child, url, output: () => out };
}

async function signIn(base: string, userid: string): Promise<string> {
  const code = (await (
    await fetch(`${base}/api/v1/auth/sandbox-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userid }) })
  ).json()) as { data: { code: string } };
  const res = await fetch(`${base}/api/v1/auth/dingtalk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.data.code, corpId: 'dingliucaidemo' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Each thread's nice value (Linux /proc: field 19 of a task's stat, counted after the command's closing parenthesis). */
function threadNices(pid: number): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return nices;
}

describe('embedded mode: jobs run off the web event loop', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-embedded-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /me while an attendance sync is writing, before the sync finishes', async () => {
    const sqlite = path.join(dir, 'liucai.sqlite');
    const p = startEmbedded(sqlite);
    child = p.child;
    const base = await p.url;
    if (process.platform === 'linux') {
      // Requests first: the web thread alone keeps normal priority; the jobs' and sandbox's threads and V8's and libuv's
      // helper threads (whose garbage collections of the sync's heaps took the CPU from requests) are niced.
      const nices = threadNices(child.pid!);
      expect(nices.get(child.pid!)).toBe(0);
      const others = [...nices].filter(([tid]) => tid !== child!.pid);
      expect(others.length).toBeGreaterThanOrEqual(6);
      expect(others.filter(([, nice]) => nice < BACKGROUND_NICE)).toEqual([]);
    }
    const admin = await signIn(base, 'demo-admin');
    const employee = await signIn(base, 'demo-employee');
    // The demo's first start syncs every source; take its attendance run, or start one if it has none.
    const first = (await (await fetch(`${base}/api/v1/sync/attendance`, { headers: { cookie: admin } })).json()) as {
      data: { current: { id: number } | null };
    };
    let runId = first.data.current?.id;
    if (runId === undefined) {
      const started = await fetch(`${base}/api/v1/sync/attendance`, { method: 'POST', headers: { cookie: admin } });
      expect(started.status).toBe(202);
      runId = ((await started.json()) as { data: { id: number } }).data.id;
    }

    // The job thread writes through its own connection: wait until attendance rows have landed.
    const db = await openDatabase({ kind: 'sqlite', path: sqlite }, { migrate: false });
    try {
      const rows = async () => Number((await db.query("SELECT COUNT(*) AS n FROM attendance_results WHERE corp_id = 'dingliucaidemo'"))[0].n);
      const written = await waitFor(
        'the sync writing attendance rows',
        async () => {
          const n = await rows();
          return n > 0 ? n : null;
        },
        60000,
      );

      const answers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: employee } });
        expect(me.status).toBe(200);
        answers.push(((await me.json()) as { data: { userid: string } }).data.userid);
      }
      expect(answers).toEqual(Array(5).fill('demo-employee'));

      // The run had not finished when /me answered, and it went on writing afterwards.
      const overview = (await (await fetch(`${base}/api/v1/sync/attendance`, { headers: { cookie: admin } })).json()) as {
        data: { current: { id: number; status: string } | null };
      };
      expect(overview.data.current).toMatchObject({ id: runId, status: 'running' });
      await waitFor('more attendance rows after /me answered', async () => (await rows()) > written, 60000);
    } finally {
      await db.destroy();
    }
    expect(p.output()).not.toMatch(/job thread failed|Error:/);
  });
});
