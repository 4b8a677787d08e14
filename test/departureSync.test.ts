import { In } from 'typeorm';
import type { TestWorld } from './support/testServices';
import { dataSyncDeps, importedRows, runRecordedSync, withSyncedWorld } from './support/dataSyncWorld';
import type { DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { DEPARTURE_CHECKPOINT } from '../server/src/modules/sync/commands/departureSyncer';
import { ApiCallBudget, Departure, SyncCheckpoint, User } from '../server/src/entities';

/** DingTalk calls of the departure runs so far, per world. */
const calls = new Map<string, number>();
const run = async (w: TestWorld, over: Partial<DataSyncDeps> = {}) => {
  const r = await runRecordedSync(w, 'departures', dataSyncDeps(w, over));
  calls.set(w.corpId, (calls.get(w.corpId) ?? 0) + r.run.apiCalls);
  return r;
};
const statusOf = async (w: TestWorld, userids: string[]) =>
  Object.fromEntries(
    (await w.ds.getRepository(User).find({ where: { corpId: w.corpId, userid: In(userids) }, select: { userid: true, status: true, leftOn: true } })).map(
      (u) => [u.userid, `${u.status} ${u.leftOn}`],
    ),
  );

describe('departure sync', () => {
  it('writes each departure once, marks people left by their own last day, and follows DingTalk when it changes one', async () => {
    await withSyncedWorld({ label: 'departures', employees: 40, seed: 41 }, async (w) => {
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      const [a, b, c, d] = [...corp.users.values()]
        .filter((u) => !corp.isManagerAnywhere(u.userid) && !Object.values(corp.demoUsers).includes(u.userid))
        .map((u) => u.userid);
      // a and b left on the same day, c and d on others; d is still 待离职 (status 1) as DingTalk reports it.
      corp.removeUser(a!, Date.UTC(2026, 9, 20, 16));
      corp.removeUser(b!, Date.UTC(2026, 9, 20, 16));
      const cDeparture = corp.removeUser(c!, Date.UTC(2026, 9, 25, 16));
      corp.removeUser(d!, Date.UTC(2026, 10, 14, 16));
      let leaving = true;
      const data = w.dingtalk.data;
      const source = {
        ...data,
        departedUserids: data.departedUserids.bind(data),
        dismissionDetails: async (userids: string[]) =>
          (await data.dismissionDetails(userids)).map((row) => (leaving && row.userid === d ? { ...row, status: 1 } : row)),
      } as DataSyncDeps['source'];
      const people = [a!, b!, c!, d!];

      const first = await run(w, { source });
      expect(first.run.status).toBe('succeeded');
      expect(first.outcome).toMatchObject({ rows: corp.departures.length, left: 3 });
      expect(await w.ds.getRepository(Departure).countBy({ corpId: w.corpId })).toBe(corp.departures.length);
      expect(await statusOf(w, people)).toEqual({ [a!]: 'left 2026-10-21', [b!]: 'left 2026-10-21', [c!]: 'left 2026-10-26', [d!]: 'active null' });
      expect((await w.ds.getRepository(Departure).findOneByOrFail({ corpId: w.corpId, userid: d! })).lastDay).toBe('2026-11-15');

      // Nothing changed in DingTalk: nothing is written.
      const before = await importedRows(w, Departure, { order: { sourceId: 'ASC' } });
      expect((await run(w, { source })).outcome).toMatchObject({ rows: 0, left: 0 });
      expect(await importedRows(w, Departure, { order: { sourceId: 'ASC' } })).toEqual(before);

      // DingTalk corrects c's last day and d has now left: c's departure is written again, both are marked.
      cDeparture.last_work_day = Date.UTC(2026, 9, 27, 16);
      leaving = false;
      const corrected = await run(w, { source });
      expect(corrected.outcome).toMatchObject({ rows: 1, left: 2 });
      expect((await w.ds.getRepository(Departure).findOneByOrFail({ corpId: w.corpId, userid: c! })).lastDay).toBe('2026-10-28');
      expect(await statusOf(w, people)).toEqual({ [a!]: 'left 2026-10-21', [b!]: 'left 2026-10-21', [c!]: 'left 2026-10-28', [d!]: 'left 2026-11-15' });
      const after = await importedRows(w, Departure, { order: { sourceId: 'ASC' } });
      expect(after.filter((x) => x.userid !== c)).toEqual(before.filter((x) => x.userid !== c));

      expect((await run(w, { source })).outcome).toMatchObject({ rows: 0, left: 0 });
      // Every run lands with its checkpoint. The hrm 离职信息 APIs are exempt from DingTalk's monthly quota (doc 8.1):
      // the runs made calls, and the month's metered budget was charged none of them.
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: DEPARTURE_CHECKPOINT });
      expect(checkpoint.position).toMatchObject({ departed: corp.departures.length });
      expect(calls.get(w.corpId)).toBeGreaterThan(0);
      expect(await w.ds.getRepository(ApiCallBudget).findOneBy({ corpId: w.corpId, month: '2026-11' })).toBeNull();
    });
  });
});
