import { IsNull } from 'typeorm';
import { createTestWorld, type TestWorld } from '../../../../../test/support/testServices';
import { User } from '../../../entities';
import { createOrgSyncRun } from './orgSyncRunCreator';
import { runOrgSync } from './orgSyncer';
import { nameSearchKeys } from '../../people/nameSearchKeys';

async function syncOnce(w: TestWorld) {
  const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
  return (await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true }))!;
}

describe('org sync: pinyin search keys on every user row', () => {
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
});
