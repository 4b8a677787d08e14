/**
 * The embedded demo (`npm start`, SQLite, built-in sandbox) has both plans: the demo employee, signed in as in the
 * browser, simulates the articles' example at 9,300.00 under the new plan and 1,500.00 under the old one; a
 * restart seeds nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncentivePlan, MyIncentives, SimulationResult } from '@liucai/shared';
import { repoRoot } from '../server/src/util/repoRoot';
import { TestClient } from './support/httpClient';
import { embeddedEnv } from './support/embeddedEnv';

jest.setTimeout(120000);

const MAIN = path.join(repoRoot(), 'server/dist/server/src/main.js');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Start the built web process on embedded defaults; resolves with its base URL once the banner is printed. */
function start(sqlite: string): { child: ChildProcess; url: Promise<string>; exit: Promise<number | null> } {
  const env = embeddedEnv(sqlite, { SANDBOX_EMPLOYEES: '40' });
  const child = spawn(process.execPath, [MAIN], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /已启动: (http:\/\/[^/\s]+)\S*[^]*\n$/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing its URL:\n${out}`)));
  });
  return { child, url, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe('the embedded demo’s incentive plans', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-paydemo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets the demo employee simulate 9,300.00 (new plan) and 1,500.00 (old plan), and seeds once', async () => {
    const sqlite = path.join(dir, 'liucai.sqlite');
    const first = start(sqlite);
    const base = await first.url;
    const employee = new TestClient(base);
    expect((await employee.signIn('demo-employee', 'dingliucaidemo')).status).toBe(200);
    const mine = (await employee.call<MyIncentives>('GET', '/api/v1/incentives/mine')).body.data;
    expect(mine.current?.plan.name).toBe('大客户价值激励方案');
    expect(mine.previous?.plan.name).toBe('销售提成方案（原）');
    const example = { contractValueCny: 150000, satisfaction: 9.2, renewalYears: 2, coordinations: 8 };
    const now = await employee.call<SimulationResult>('POST', '/api/v1/incentives/simulate', example);
    expect([now.status, now.body.data.totalFen, now.body.data.lines.length]).toEqual([200, 930_000, 4]);
    const old = await employee.call<SimulationResult>('POST', '/api/v1/incentives/simulate', { ...example, planVersionId: mine.previous!.version.id });
    expect([old.status, old.body.data.totalFen, old.body.data.explanation]).toEqual([200, 150_000, '1,500.00 = 1,500.00 元']);

    const hr = new TestClient(base);
    await hr.signIn('demo-hr', 'dingliucaidemo');
    const shape = async (c: TestClient) => (await c.call<IncentivePlan[]>('GET', '/api/v1/incentives/plans')).body.data.map((p) => [p.code, p.versions.length]);
    const before = await shape(hr);
    expect(before).toEqual([
      ['legacy-sales-1pct', 1],
      ['big-client-value', 1],
    ]);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const again = start(sqlite);
    const hrAgain = new TestClient(await again.url);
    await hrAgain.signIn('demo-hr', 'dingliucaidemo');
    expect(await shape(hrAgain)).toEqual(before);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });
});
