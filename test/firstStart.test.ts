/**
 * The first start of a real installation (issue 12 §5): a fresh database gets its org sync at once, with its
 * progress visible, and people DingTalk knows can sign in before it ends (read on the fly), or are told clearly
 * to wait while the first sync runs. Production shape: BullMQ on real Redis, the worker started separately.
 */
import type { Worker } from 'bullmq';
import type { Me, SyncOverview } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { TestClient } from './support/httpClient';
import { waitFor } from './support/waitFor';
import { prepareFirstStart } from '../server/src/bootstrap';
import { startBullWorker } from '../server/src/jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from '../server/src/jobs/handlers';
import { DingTalkError } from '../server/src/dingtalk/errors';
import { SyncRun, User } from '../server/src/entities';
import type { AppDeps } from '../server/src/appTypes';

jest.setTimeout(90000);

describe('first start against real DingTalk (production shape)', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let worker: Worker | null = null;
  beforeAll(async () => {
    w = await createTestWorld({ label: 'firststart', employees: 60, jobs: 'bullmq' });
    server = await listen(w);
  });
  afterAll(async () => {
    await worker?.close();
    await server?.close();
    await w?.close();
  });

  it('starts the org sync at once, lets DingTalk people sign in before it ends, and says 首次同步进行中 when it cannot read them', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    // A fresh database: nobody is in the org, no sync ever ran. The web process starts (no worker yet).
    expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId })).toBe(0);
    const printed: string[] = [];
    const production = { ds: w.ds, jobs: w.jobs, corp: w.corp, sandbox: null };
    expect(await prepareFirstStart(production, (line) => printed.push(line))).toEqual({ dataSyncsRunning: false });
    expect(printed.join('\n')).toContain('首次启动：正在从钉钉同步组织架构');
    const run = await w.ds.getRepository(SyncRun).findOneByOrFail({ corpId: w.corpId, kind: 'org' });
    expect(run).toMatchObject({ trigger: 'startup', status: 'queued' });
    // A second web process starting meanwhile queues nothing more.
    await prepareFirstStart(production, () => undefined);
    expect(await w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId })).toBe(1);

    // DingTalk's admin signs in before the org is in: read on the fly, an admin at once, and sees the sync's progress.
    const admin = new TestClient(server.url);
    const login = await admin.signIn(corp.demoUsers.admin, w.corpId);
    expect(login.status).toBe(200);
    expect((login.body.data as Me).roles).toContain('admin');
    expect(await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: corp.demoUsers.admin })).toMatchObject({
      isAdmin: true,
      status: 'active',
    });
    const progress = await admin.call<SyncOverview>('GET', '/api/v1/sync/org');
    expect(progress.body.data).toMatchObject({ current: { id: run.id, trigger: 'startup', status: 'queued' }, lastSucceeded: null });

    // When DingTalk cannot be asked for the person either, the answer is clear and in Chinese, with the progress.
    const unreachable: AppDeps = {
      ...w,
      dingtalk: {
        ...w.dingtalk,
        getUser: async () => {
          throw new DingTalkError({ api: '/topapi/v2/user/get', code: 'NETWORK', detail: 'connect ECONNREFUSED', retryable: true, invalidToken: false });
        },
      },
    };
    const flaky = await listen(unreachable);
    try {
      const waiting = await new TestClient(flaky.url).signIn(corp.demoUsers.employee, w.corpId);
      expect(waiting.status).toBe(503);
      expect(waiting.body.error).toMatchObject({ id: 'first_sync_in_progress', details: { done: 0, total: 0 } });
      expect(waiting.body.error.message).toMatch(/^首次同步进行中，请稍后再试/);
      expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId, userid: corp.demoUsers.employee })).toBe(0);
    } finally {
      await flaky.close();
    }

    // The worker comes up and runs the first org sync; everyone is in.
    worker = startBullWorker(w.redis!, w.config.queuePrefix, createJobHandlers(handlerDepsFrom(w.config, w.ds, w.dingtalk, w.log)), w.log);
    const done = await waitFor('the first org sync', async () => {
      const r = (await admin.call<SyncOverview>('GET', '/api/v1/sync/org')).body.data;
      return r.lastSucceeded?.id === run.id ? r.lastSucceeded : null;
    });
    expect(done).toMatchObject({ trigger: 'startup', status: 'succeeded', counts: { users: corp.employeeCount } });
    expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId, status: 'active' })).toBe(corp.employeeCount);
    expect((await new TestClient(server.url).signIn(corp.demoUsers.employee, w.corpId)).status).toBe(200);
    // Later starts do nothing.
    expect(await prepareFirstStart(production, (line) => printed.push(line))).toEqual({ dataSyncsRunning: false });
    expect(await w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId })).toBe(1);
  });

  it('reads a hire DingTalk knows but no org sync has brought in yet when they sign in', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const hire = corp.addUser({ name: '刚入职', dept_id_list: [corp.getUser(corp.demoUsers.employee)!.dept_id_list[0]!] });
    const c = new TestClient(server.url);
    const res = await c.signIn(hire.userid, w.corpId);
    expect(res.status).toBe(200);
    expect((res.body.data as Me).roles).toEqual(['employee']);
    expect(await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: hire.userid })).toMatchObject({
      name: '刚入职',
      status: 'active',
      supervisorUserid: corp.demoUsers.supervisor,
    });
  });
});
