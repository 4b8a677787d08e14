import { createTestWorld, type TestWorld } from '../../../../../test/support/testServices';
import { Department, SyncRun, User, UserDepartment } from '../../../entities';
import { createOrgSyncRun } from './orgSyncRunCreator';
import { runOrgSync } from './orgSyncer';
import { shanghaiDate } from '../../../util/dates';

async function syncOnce(w: TestWorld) {
  const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
  const result = await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
  return { result: result!, run: await w.ds.getRepository(SyncRun).findOneByOrFail({ id: run!.id }) };
}

async function snapshot(w: TestWorld) {
  const users = await w.ds.getRepository(User).find({ where: { corpId: w.corpId }, order: { userid: 'ASC' } });
  const depts = await w.ds.getRepository(Department).find({ where: { corpId: w.corpId }, order: { deptId: 'ASC' } });
  const members = await w.ds.getRepository(UserDepartment).find({ where: { corpId: w.corpId }, order: { userid: 'ASC', deptId: 'ASC' } });
  return JSON.stringify({ users, depts, members });
}

describe('org sync against the DingTalk sandbox', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld({ label: 'orgsync', employees: 150, seed: 11 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('takes in every department and person once, with DingTalk supervisors, and records progress', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const { result, run } = await syncOnce(w);
    expect(run.status).toBe('succeeded');
    expect(result.departments).toBe(corp.departments.size);
    expect(result.users).toBe(corp.users.size);
    expect(run.countUsers).toBe(150);
    expect(run.apiCalls).toBeGreaterThan(corp.departments.size * 2 + 150 - 1);
    expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId, status: 'active' })).toBe(150);

    // Memberships: exactly DingTalk's, so people in two departments are in both, and counted once as users.
    const members = await w.ds.getRepository(UserDepartment).findBy({ corpId: w.corpId });
    const expectedMemberships = [...corp.users.values()].reduce((n, u) => n + u.dept_id_list.length, 0);
    expect(members).toHaveLength(expectedMemberships);
    expect([...corp.users.values()].some((u) => u.dept_id_list.length > 1)).toBe(true);

    // Supervisors agree with the sandbox's own reading of the same rules, for everyone.
    const users = await w.ds.getRepository(User).findBy({ corpId: w.corpId });
    const mismatches = users.filter((u) => (corp.supervisorOf(corp.users.get(u.userid)!) ?? null) !== u.supervisorUserid);
    expect(mismatches.map((u) => u.userid)).toEqual([]);
    const demo = corp.demoUsers;
    expect(users.find((u) => u.userid === demo.employee)?.supervisorUserid).toBe(demo.supervisor);
    const explicit = [...corp.users.values()].find((u) => u.manager_userid && corp.users.has(u.manager_userid));
    expect(users.find((u) => u.userid === explicit!.userid)?.supervisorUserid).toBe(explicit!.manager_userid);
  });

  it('changes nothing when run again on an unchanged org', async () => {
    const before = await snapshot(w);
    const { result } = await syncOnce(w);
    expect(result).toMatchObject({ created: 0, updated: 0, left: 0, membershipsChanged: 0 });
    expect(await snapshot(w)).toBe(before);
  });

  it('marks people who left DingTalk as left with the date, keeping their history, and takes in new hires', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const leaver = [...corp.users.values()].find((u) => !corp.isManagerAnywhere(u.userid) && !Object.values(corp.demoUsers).includes(u.userid))!;
    corp.removeUser(leaver.userid);
    const hire = corp.addUser({ name: '新同事' });
    const { result } = await syncOnce(w);
    expect(result.left).toBe(1);
    expect(result.created).toBe(1);
    const row = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: leaver.userid });
    expect(row.status).toBe('left');
    expect(row.leftOn).toBe(shanghaiDate(new Date()));
    expect(row.name).toBe(leaver.name);
    expect((await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: hire.userid })).status).toBe('active');
  });

  it('marks a department DingTalk no longer has inactive, keeping its row', async () => {
    // As if synced earlier and deleted in DingTalk since: the sandbox has no such department.
    await w.ds
      .getRepository(Department)
      .insert({ corpId: w.corpId, deptId: 987654, parentId: 1, name: '已撤销部门', sortOrder: 0, managerUserids: [], active: true });
    await syncOnce(w);
    expect(await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, deptId: 987654 })).toMatchObject({ active: false, name: '已撤销部门' });
    expect(await w.ds.getRepository(Department).countBy({ corpId: w.corpId, active: false })).toBe(1);
  });

  it('survives throttling and busy answers through retries, and lands the same data', async () => {
    const before = await snapshot(w);
    w.sandboxHandle.setFaults({ failRate: 0.15, failMode: 'busy' });
    try {
      const { result, run } = await syncOnce(w);
      expect(run.status).toBe('succeeded');
      expect(result).toMatchObject({ created: 0, updated: 0, left: 0 });
    } finally {
      w.sandboxHandle.setFaults({});
    }
    expect(w.sandboxHandle.stats().failed).toBeGreaterThan(0);
    expect(await snapshot(w)).toBe(before);
  });
});

describe('org sync that cannot finish', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld({ label: 'orgfail', employees: 40, seed: 3 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('fails the run with DingTalk named, marks nobody as left, and allows a new run', async () => {
    await syncOnce(w);
    const before = await snapshot(w);
    w.sandboxHandle.setFaults({ failRate: 1, failMode: '5xx' });
    const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
    await expect(
      runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 2 }, run!.id, { finalAttempt: true }),
    ).rejects.toThrow(/DingTalk/);
    w.sandboxHandle.setFaults({});
    const failed = await w.ds.getRepository(SyncRun).findOneByOrFail({ id: run!.id });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/DingTalk \/topapi/);
    expect(await snapshot(w)).toBe(before);
    expect(await createOrgSyncRun(w.ds, w.corpId, 'manual', null)).not.toBeNull();
  });

  it('refuses a second manual run while one is active, and skips a scheduled one', async () => {
    const corpId = w.corpId;
    // The previous test left a queued run behind.
    await expect(createOrgSyncRun(w.ds, corpId, 'manual', null)).rejects.toMatchObject({ id: 'sync_already_running', status: 409 });
    await expect(createOrgSyncRun(w.ds, corpId, 'schedule', null)).resolves.toBeNull();
  });
});
