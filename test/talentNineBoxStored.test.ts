/**
 * The 9-box from the figures the talent recompute stores (each score row's recent sales and column, the month's
 * cut-offs with window and version), on MariaDB and SQLite: every answer — the boxes' counts and first people, every
 * page of every box, for HR and an admin — equals the computation on request on a factory world with ties and people
 * outside HR's scope; a recompute refreshes the figures (a new deal moves a person to another box, and recomputing a
 * month refreshes the months whose window holds it), and the time of the figures is in the answer.
 */
import type { DataSource } from 'typeorm';
import { NINE_BOX_CELL_KEYS, NINE_BOX_PREVIEW, addMonths, type NineBoxCellKey, type TalentNineBox, type TalentNineBoxCell } from '@liucai/shared';
import { JobModelVersion, TalentMatchScore, TalentNineBoxCutoff, type User } from '../server/src/entities';
import type { Actor } from '../server/src/appTypes';
import { ensureBuiltInJobModels } from '../server/src/modules/talent/commands/builtInJobModelSeeder';
import { storeNineBox } from '../server/src/modules/talent/commands/nineBoxStore';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { nineBoxAnswer } from '../server/src/modules/talent/queries/nineBoxOf';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { actorFor, buildDeal, buildUser, onBothDatabases } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { TALENT_PERIOD, TALENT_TODAY, TIER_BEHAVIOURS, buildBehaviour, storeMatchScore, storeMonthlySales } from './support/talentData';

jest.setTimeout(120000);

const PERIOD = '2026-10';

const nineBox = (ds: DataSource, actor: Actor, q: { period?: string; cell?: NineBoxCellKey; page?: number; pageSize?: number }, computed = false) =>
  nineBoxAnswer(ds, actor, { page: 1, pageSize: 50, ...q }, { computed });

/** Every answer of the 9-box for `actor`: the default one and every page (3 people a page) of every box. */
async function everyAnswer(ds: DataSource, actor: Actor, computed: boolean): Promise<unknown[]> {
  const out: unknown[] = [];
  const head = (await nineBox(ds, actor, { period: PERIOD }, computed)) as TalentNineBox;
  out.push({ ...head, computedAt: 'x' });
  for (const key of NINE_BOX_CELL_KEYS)
    for (let page = 1; ; page++) {
      const r = (await nineBox(ds, actor, { period: PERIOD, cell: key, page, pageSize: 3 }, computed)) as TalentNineBoxCell;
      out.push({ ...r, computedAt: 'x' });
      if (r.people.length < 3) break;
    }
  return out;
}

const opts = { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY };

describe('the 9-box from stored figures', () => {
  it('answers exactly as the computation on request, for HR (its scope only) and an admin, on both databases', async () => {
    await onBothDatabases('ninebox', async (ds, kind) => {
      const tw = await buildTalentWorld(ds, `nbs${kind.slice(0, 2)}`);
      await ensureBuiltInJobModels(ds, tw.corpId);
      const v = await ds.getRepository(JobModelVersion).findOneByOrFail({ corpId: tw.corpId, version: 1 });
      const people: User[] = [];
      for (let i = 0; i < 40; i++) people.push(await buildUser(ds, tw.corpId, { name: `销售${i}`, deptIds: [tw.depts.keyAccount.deptId] }));
      for (let i = 0; i < 10; i++) people.push(await buildUser(ds, tw.corpId, { name: `财务${i}`, deptIds: [tw.depts.finance.deptId] }));
      // Outside HR's scope and ahead of everyone in their box (立即转型, as much as some of HR's people sold): HR's first
      // people there lie beyond the box's first candidates.
      const ahead: User[] = [];
      for (let i = 0; i < 30; i++) ahead.push(await buildUser(ds, tw.corpId, { name: `财务高${i}`, deptIds: [tw.depts.finance.deptId] }));
      // In HR's scope only through a second department.
      people.push(await buildUser(ds, tw.corpId, { name: '兼任', deptIds: [tw.depts.finance.deptId, tw.depts.keyAccount.deptId] }));
      let scored = 0;
      for (const [i, u] of people.entries()) {
        // Few distinct scores and sales, so ties in both (order then by userid), every ninth 数据不足.
        const score = i % 9 === 4 ? null : [85, 85, 72.5, 60, 40, 92][i % 6]!;
        await storeMatchScore(ds, tw.corpId, { userid: u.userid, period: PERIOD, versionId: v.id, jobModelId: v.jobModelId, score });
        if (score !== null) scored++;
        const yuan = [0, 150.5, 300, 300, 820.25, 1200][(i * 7) % 6]!;
        await storeMonthlySales(ds, tw.corpId, u.userid, [
          ['2026-07', '999', '999'], // before the window: never counts
          ['2026-08', String(yuan), '0'],
          ['2026-10', '0', i % 4 === 0 ? '100.10' : '0'],
        ]);
      }
      for (const u of ahead) {
        await storeMatchScore(ds, tw.corpId, { userid: u.userid, period: PERIOD, versionId: v.id, jobModelId: v.jobModelId, score: 99 });
        await storeMonthlySales(ds, tw.corpId, u.userid, [['2026-08', '300', '0']]);
        scored++;
      }
      const hr = actorFor(tw.people.hr, ['employee', 'hr'], [tw.depts.sales.deptId]);
      const admin = actorFor(tw.people.admin, ['employee', 'admin']);
      const computed = { hr: await everyAnswer(ds, hr, true), admin: await everyAnswer(ds, admin, true) };
      // Not stored yet: computed for the request, and said so.
      expect(((await nineBox(ds, hr, { period: PERIOD })) as TalentNineBox).computedAt).toBeNull();

      const at = new Date('2026-11-01T01:02:03.004Z');
      await storeNineBox(ds, tw.corpId, PERIOD, at);
      const stored = await ds.getRepository(TalentNineBoxCutoff).findOneByOrFail({ corpId: tw.corpId, period: PERIOD, jobModelId: v.jobModelId });
      expect(stored).toMatchObject({ versionId: v.id, windowFrom: '2026-08', windowTo: PERIOD, population: scored });
      const box = (await nineBox(ds, hr, { period: PERIOD })) as TalentNineBox;
      expect(box.computedAt).toBe(at.toISOString());
      expect(await everyAnswer(ds, hr, false)).toEqual(computed.hr);
      expect(await everyAnswer(ds, admin, false)).toEqual(computed.admin);

      // The world has what the comparison needs: a box beyond the preview, ties, and HR's scope narrower than all.
      expect(box.cells.some((c) => c.count > NINE_BOX_PREVIEW)).toBe(true);
      const everyone = (await nineBox(ds, admin, { period: PERIOD })) as TalentNineBox;
      const placed = (b: TalentNineBox) => b.cells.reduce((s, c) => s + c.count, 0);
      expect(placed(box) + box.unplaced).toBe(41); // 40 in 大客户部 and the one through a second department
      expect(placed(everyone) + everyone.unplaced).toBe(81);
      const aheadIds = new Set(ahead.map((u) => u.userid));
      const boxAhead = everyone.cells.find((c) => c.people.every((p) => aheadIds.has(p.userid)) && c.count > NINE_BOX_PREVIEW)!;
      const hrThere = box.cells.find((c) => c.tier === boxAhead.tier && c.performance === boxAhead.performance)!;
      expect(hrThere.people.length).toBeGreaterThan(0);
      expect(hrThere.people.some((p) => aheadIds.has(p.userid))).toBe(false);
      const finance = new Set([...people.filter((u) => u.name.startsWith('财务')), ...ahead].map((u) => u.userid));
      for (const key of NINE_BOX_CELL_KEYS) {
        const r = (await nineBox(ds, hr, { period: PERIOD, cell: key, pageSize: 200 })) as TalentNineBoxCell;
        expect(r.people.filter((p) => finance.has(p.userid))).toEqual([]);
      }
    });
  });

  it('a recompute refreshes the stored figures: a new deal moves a person, a past month refreshes the months after it', async () => {
    await onBothDatabases('nineboxrc', async (ds, kind) => {
      const tw: TalentWorld = await buildTalentWorld(ds, `nbr${kind.slice(0, 2)}`);
      const sellers: User[] = [];
      for (const [i, tier] of (['move', 'train', 'reassign', 'move', 'train', 'reassign'] as const).entries()) {
        const u = await buildUser(ds, tw.corpId, { name: `销售${i}`, deptIds: [tw.depts.keyAccount.deptId] });
        await buildBehaviour(ds, tw.corpId, u.userid, TIER_BEHAVIOURS[tier]);
        sellers.push(u);
      }
      const hr = actorFor(tw.people.hr, ['employee', 'hr'], [tw.depts.sales.deptId]);
      /** HR's 9-box from the stored figures, checked against the computation on request. */
      const stored = async () => {
        const box = (await nineBox(ds, hr, { period: TALENT_PERIOD })) as TalentNineBox;
        const computed = (await nineBox(ds, hr, { period: TALENT_PERIOD }, true)) as TalentNineBox;
        expect({ ...box, computedAt: null }).toEqual({ ...computed, computedAt: null });
        return box;
      };
      await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      const first = await stored();
      expect(first.computedAt).not.toBeNull();
      expect(first.window).toEqual({ from: addMonths(TALENT_PERIOD, -2), to: TALENT_PERIOD });
      const cellOf = (b: TalentNineBox, userid: string) => b.cells.find((c) => c.people.some((p) => p.userid === userid));
      const seller = sellers[2]!; // 调岗, no sales in the window: 业绩低
      expect(cellOf(first, seller.userid)).toMatchObject({ performance: 'low' });

      // A deal synced after the recompute: the 9-box shows the figures of the last recompute until the next one.
      await buildDeal(ds, tw.corpId, {
        ownerUserid: seller.userid,
        customerSourceId: null,
        customerName: '新客户',
        amountFen: 900_000_000,
        signedOn: `${TALENT_PERIOD}-10`,
      });
      const unchanged = (await nineBox(ds, hr, { period: TALENT_PERIOD })) as TalentNineBox;
      expect(unchanged).toEqual(first);
      await new Promise((r) => setTimeout(r, 5));
      await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      const after = await stored();
      expect(cellOf(after, seller.userid)).toMatchObject({ performance: 'high' });
      expect(after.cells.flatMap((c) => c.people).find((p) => p.userid === seller.userid)!.salesCny).toBe('9000000.00');
      expect(after.computedAt! > first.computedAt!).toBe(true);

      // A deal in the month before, then that month recomputed: this month's window holds it, so its figures follow.
      const before = addMonths(TALENT_PERIOD, -1);
      const other = sellers[5]!;
      await buildDeal(ds, tw.corpId, {
        ownerUserid: other.userid,
        customerSourceId: null,
        customerName: '上月客户',
        amountFen: 800_000_000,
        signedOn: `${before}-10`,
      });
      await recomputeTalent(ds, tw.corpId, before, { ...opts, today: `${before}-28` });
      const refreshed = await stored();
      expect(cellOf(first, other.userid)).toMatchObject({ performance: 'low' });
      expect(cellOf(refreshed, other.userid)).toMatchObject({ performance: 'high' });
      expect(refreshed.computedAt! > after.computedAt!).toBe(true);
      // Every scored row of the month carries its sales and column; 数据不足 rows carry no column.
      const rows = await ds.getRepository(TalentMatchScore).findBy({ corpId: tw.corpId, period: TALENT_PERIOD });
      for (const r of rows) {
        expect(r.salesFen).not.toBeNull();
        expect(r.performance === null).toBe(r.scoreT === null);
      }
    });
  });
});
