/**
 * A process killed with SIGKILL in the middle of writing a payout run leaves no half run: the computation writes the
 * run's statements, lines and input snapshot in one transaction, so the database keeps the previous result (the
 * transaction dies with the connection), the run stays not-done (it cannot be locked), and computing again (the
 * job's retry) finishes the new result.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { JobQueue } from '../server/src/jobs/jobTypes';
import { PayoutLine, PayoutRun, PayoutRunInput, PayoutStatement } from '../server/src/entities';
import { createPayoutRun } from '../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun, recomputePayoutRun } from '../server/src/modules/pay/commands/payoutRunTransitions';
import { repoRoot } from '../server/src/util/repoRoot';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { testDatabaseUrl } from './support/testEnv';
import { buildPayWorld, type PayWorld } from './support/payWorld';
import { actorFor, buildDeal } from './support/factories';
import { movedClockEnv } from './support/laterClock';

jest.setTimeout(60_000);

/** Jobs are started by hand here (the child process is the worker), so enqueueing only records the request. */
const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

const DIST = path.join(repoRoot(), 'server/dist/server/src');

/** A separate node process computing the run; it stops inside the write transaction and waits to be killed. */
const CHILD = `
const { createDataSource } = require(${JSON.stringify(`${DIST}/db/dataSource.js`)});
const { computePayoutRun } = require(${JSON.stringify(`${DIST}/modules/pay/commands/payoutRunComputer.js`)});
(async () => {
  const ds = await createDataSource({ kind: 'mysql', url: process.env.DB_URL });
  await ds.initialize();
  await computePayoutRun(ds, process.env.CORP_ID, Number(process.env.RUN_ID), Number(process.env.SEQ), {
    afterFirstBatch: async () => { process.stdout.write('MID-TRANSACTION\\n'); await new Promise(() => undefined); },
  });
  process.stdout.write('FINISHED\\n');
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
`;

function period(): string {
  const [y, m] = shanghaiDate(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

describe('a payout run computation killed mid-transaction', () => {
  let w: TestWorld;
  let pw: PayWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'runkill', employees: 20 });
    pw = await buildPayWorld(w.ds, 'rkill');
  });
  afterAll(async () => {
    await w.close();
  });

  const rows = async (runId: number) => ({
    statements: (await w.ds.getRepository(PayoutStatement).find({ where: { corpId: pw.corpId, runId }, order: { userid: 'ASC' } })).map((s) => [
      s.userid,
      Number(s.totalFen),
    ]),
    lines: (await w.ds.getRepository(PayoutLine).find({ where: { corpId: pw.corpId, runId }, order: { userid: 'ASC', seq: 'ASC' } })).map((l) => [
      l.userid,
      l.component,
      Number(l.amountFen),
    ]),
    inputs: await w.ds.getRepository(PayoutRunInput).countBy({ corpId: pw.corpId, runId }),
  });

  it('keeps the previous result whole, cannot be locked half-done, and completes when computed again', async () => {
    const hr = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
    const seller = pw.people.seller.userid;
    await buildDeal(w.ds, pw.corpId, { ownerUserid: seller, amountFen: 15_000_000, signedOn: `${period()}-03` });
    const run = await createPayoutRun({ ds: w.ds, jobs: noJobs }, hr, { period: period(), deptId: pw.depts.sales.deptId });
    expect(await computePayoutRun(w.ds, pw.corpId, run.id, 1)).toMatchObject({ computed: true, totalFen: 120_000 });
    const before = await rows(run.id);
    expect(before.lines).toContainEqual([seller, 'contract', 120_000]);

    // New input, a recompute request, and a worker that dies half-way through writing it.
    await buildDeal(w.ds, pw.corpId, { ownerUserid: seller, amountFen: 5_000_000, signedOn: `${period()}-04` });
    const again = await recomputePayoutRun({ ds: w.ds, jobs: noJobs }, hr, run.id);
    const child = spawn(process.execPath, ['-e', CHILD], {
      env: { PATH: process.env.PATH, ...movedClockEnv(), DB_URL: testDatabaseUrl(), CORP_ID: pw.corpId, RUN_ID: String(run.id), SEQ: String(again.computeSeq) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('MID-TRANSACTION')) resolve();
      });
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      void exited.then(() => reject(new Error(`the child ended before the transaction: ${out}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The connection died with the process: MariaDB rolled the transaction back. Nothing half-written is visible.
    const afterKill = await rows(run.id);
    expect(afterKill).toEqual(before);
    const stuck = await w.ds.getRepository(PayoutRun).findOneByOrFail({ corpId: pw.corpId, id: run.id });
    expect(stuck.computeState).toBe('running');
    await expect(advancePayoutRun({ ds: w.ds }, hr, run.id, 'lock')).rejects.toMatchObject({ status: 409, message: expect.stringContaining('正在计算') });

    // The job's retry computes from scratch and completes.
    expect(await computePayoutRun(w.ds, pw.corpId, run.id, again.computeSeq)).toMatchObject({ computed: true, totalFen: 160_000 });
    const done = await rows(run.id);
    expect(done.lines).toEqual(
      expect.arrayContaining([
        [seller, 'contract', 120_000],
        [seller, 'contract', 40_000],
      ]),
    );
    expect(done.statements).toHaveLength(before.statements.length);
  });
});
