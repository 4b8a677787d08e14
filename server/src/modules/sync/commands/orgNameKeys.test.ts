import { IsNull } from 'typeorm';
import { createTestWorld, type TestWorld } from '../../../../../test/support/testServices';
import { User, UserDepartment } from '../../../entities';
import { resyncUsers } from './userResyncer';
import { createOrgSyncRun } from './orgSyncRunCreator';
import { runOrgSync } from './orgSyncer';
import { nameSearchKeys } from '../../people/nameSearchKeys';

async function syncOnce(w: TestWorld) {
  const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
  return (await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true }))!;
}

describe('org sync: search keys and the other-departments flag on every user row', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld({ label: 'namekeys', employees: 30, seed: 3 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('stores each person’s initials and pinyin, and fills in rows stored before (people who left too) on the next sync', async () => {
    await syncOnce(w);
    const users = w.ds.getRepository(User);
    const synced = await users.findBy({ corpId: w.corpId });
    expect(synced.length).toBe(30);
    for (const u of synced) expect([u.name, u.nameInitials, u.namePinyin]).toEqual([u.name, nameSearchKeys(u.name).initials, nameSearchKeys(u.name).pinyin]);
    expect(synced.every((u) => /^[a-z0-9]+$/.test(u.nameInitials ?? '') && /^[a-z0-9]+( [a-z0-9]+)*$/.test(u.namePinyin ?? ''))).toBe(true);

    // Rows as an earlier version left them: no keys; and someone who left before (DingTalk no longer lists them).
    await users.update({ corpId: w.corpId }, { nameInitials: null, namePinyin: null });
    await users.insert({ corpId: w.corpId, userid: 'gone-1', name: '欧阳离开', status: 'left', leftOn: '2025-01-31', isAdmin: false, isBoss: false });
    const result = await syncOnce(w);
    expect(result.left).toBe(0);
    expect(await users.countBy({ corpId: w.corpId, nameInitials: IsNull() })).toBe(0);
    expect(await users.findOneByOrFail({ corpId: w.corpId, userid: 'gone-1' })).toMatchObject({
      status: 'left',
      leftOn: '2025-01-31',
      nameInitials: 'oylk',
      namePinyin: 'ou yang li kai',
    });

    // And then a sync writes nothing again.
    expect(await syncOnce(w)).toMatchObject({ created: 0, updated: 0, left: 0, membershipsChanged: 0 });
  });

  it('flags exactly the people with a department besides their main one, after a sync and a contact event alike', async () => {
    await syncOnce(w);
    const users = await w.ds.getRepository(User).findBy({ corpId: w.corpId, status: 'active' });
    const members = await w.ds.getRepository(UserDepartment).findBy({ corpId: w.corpId });
    const others = new Set(members.filter((m) => users.find((u) => u.userid === m.userid)?.mainDeptId !== m.deptId).map((m) => m.userid));
    expect(others.size).toBeGreaterThan(0);
    expect(
      users
        .filter((u) => u.inOtherDepts)
        .map((u) => u.userid)
        .sort(),
    ).toEqual([...others].sort());

    // A contact event re-reads one of them: the flag stays with their memberships.
    const dual = [...others][0]!;
    await w.ds.getRepository(User).update({ corpId: w.corpId, userid: dual }, { inOtherDepts: false });
    await resyncUsers(w.ds, w.dingtalk, w.corpId, [dual]);
    expect((await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: dual })).inOtherDepts).toBe(true);
  });
});
