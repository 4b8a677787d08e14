/**
 * The 9-box answered small: per cell a count and the first NINE_BOX_PREVIEW people, one cell's people a page at a
 * time with `?cell=`. On 58 factory people with stored scores and sales (HR's departments and outside them), the
 * counts and each cell's people (in order) equal the old computation — every person of the review in scope placed
 * by the shared nineBox() with cut-offs over everyone scored — for HR and an admin, computed on request and from the
 * figures the recompute stores; nobody outside HR's scope shows.
 */
import {
  NINE_BOX_CELL_KEYS,
  NINE_BOX_PREVIEW,
  nineBox,
  performanceCutoffs,
  type TalentNineBox,
  type TalentNineBoxCell,
  type TalentReview,
} from '@liucai/shared';
import { JobModelVersion, type User } from '../server/src/entities';
import { ensureBuiltInJobModels } from '../server/src/modules/talent/commands/builtInJobModelSeeder';
import { storeNineBox } from '../server/src/modules/talent/commands/nineBoxStore';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildUser, clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { storeMatchScore, storeMonthlySales } from './support/talentData';

const PERIOD = '2026-10';

describe('talent 9-box: counts per cell and one cell paged', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  /** userid → recent sales (fen) of everyone scored, as stored. */
  const salesFen = new Map<string, number>();
  const outside = new Set<string>();

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talent9c', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'nc');
    await ensureBuiltInJobModels(w.ds, tw.corpId);
    const v = await w.ds.getRepository(JobModelVersion).findOneByOrFail({ corpId: tw.corpId, version: 1 });
    const people: { u: User; inScope: boolean }[] = [];
    for (let i = 0; i < 46; i++)
      people.push({ u: await buildUser(w.ds, tw.corpId, { name: `销售${i}`, deptIds: [tw.depts.keyAccount.deptId] }), inScope: true });
    for (let i = 0; i < 12; i++) people.push({ u: await buildUser(w.ds, tw.corpId, { name: `财务${i}`, deptIds: [tw.depts.finance.deptId] }), inScope: false });
    for (const [i, { u, inScope }] of people.entries()) {
      if (!inScope) outside.add(u.userid);
      // Scores spread over the three tiers, every seventh 数据不足.
      const base = (i * 37) % 60;
      const score = i % 7 === 3 ? null : 40 + base - (i % 5 === 0 ? 0.5 : 0);
      await storeMatchScore(w.ds, tw.corpId, { userid: u.userid, period: PERIOD, versionId: v.id, jobModelId: v.jobModelId, score });
      // Sales follow the score (so the diagonal cells hold more than the preview), a few off it.
      const yuan = i % 6 === 1 ? (i * 53) % 900 : base * 15 + (i % 4);
      await storeMonthlySales(w.ds, tw.corpId, u.userid, [
        ['2026-08', `${yuan}.25`, '0'],
        ['2026-09', '0', '0'],
        ['2026-10', '0', '10'],
      ]);
      if (score !== null) salesFen.set(u.userid, yuan * 100 + 25 + 1000);
    }
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
  });
  afterAll(async () => {
    await server?.close();
    await w?.close();
  });

  const as = (who: 'hr' | 'admin') => clientAs(w.ds, server.url, tw.people[who]);

  /** The old computation: every person of the review in scope (best first) placed by nineBox(), cut-offs over everyone scored. */
  async function oldCells(who: 'hr' | 'admin'): Promise<Map<string, string[]>> {
    const client = await as(who);
    const people: TalentReview['people'] = [];
    for (let page = 1; ; page++) {
      const r = (await client.call<TalentReview>('GET', `/api/v1/talent/review?period=${PERIOD}&pageSize=20&page=${page}`)).body.data;
      people.push(...r.people);
      if (people.length >= r.total) break;
    }
    const cutoffs = performanceCutoffs([...salesFen.values()])!;
    const entries = people.filter((p) => p.tier !== null).map((p) => ({ person: p.userid, tier: p.tier!, salesFen: salesFen.get(p.userid) ?? 0 }));
    return new Map(nineBox(entries, cutoffs).map((c) => [`${c.tier}-${c.performance}`, c.people]));
  }

  for (const stored of [false, true]) {
    // First computed on request (no stored figures), then from the figures a recompute stores.
    if (stored) it('stores the figures as the recompute does', () => storeNineBox(w.ds, tw.corpId, PERIOD, new Date()));
    for (const who of ['hr', 'admin'] as const) {
      it(`${who}${stored ? ', stored figures' : ''}: the counts and each cell's people, paged, equal the old computation`, async () => {
        const expected = await oldCells(who);
        const client = await as(who);
        const res = await client.call<TalentNineBox>('GET', `/api/v1/talent/review/nine-box?period=${PERIOD}`);
        expect(res.status).toBe(200);
        const box = res.body.data;
        expect(box.computedAt === null).toBe(!stored);
        expect(box.cutoffs?.population).toBe(salesFen.size);
        expect(box.cells.map((c) => `${c.tier}-${c.performance}`)).toEqual([...NINE_BOX_CELL_KEYS]);
        expect(box.cells.map((c) => c.count)).toEqual(NINE_BOX_CELL_KEYS.map((k) => expected.get(k)!.length));
        expect(box.cells.filter((c) => c.count > NINE_BOX_PREVIEW).length).toBeGreaterThan(0);
        for (const c of box.cells) {
          const key = `${c.tier}-${c.performance}`;
          expect(c.people.map((p) => p.userid)).toEqual(expected.get(key)!.slice(0, NINE_BOX_PREVIEW));
          // The cell opened: every page, 3 people at a time, concatenated.
          const opened: string[] = [];
          for (let page = 1; ; page++) {
            const r = await client.call<TalentNineBoxCell>('GET', `/api/v1/talent/review/nine-box?period=${PERIOD}&cell=${key}&page=${page}&pageSize=3`);
            expect(r.status).toBe(200);
            expect(r.body.data).toMatchObject({ tier: c.tier, performance: c.performance, advice: c.advice, total: c.count, page, pageSize: 3 });
            opened.push(...r.body.data.people.map((p) => p.userid));
            if (r.body.data.people.length < 3) break;
          }
          expect(opened).toEqual(expected.get(key));
        }
        const placed = [...expected.values()].flat();
        if (who === 'hr') expect(placed.filter((u) => outside.has(u))).toEqual([]);
        else expect(placed.filter((u) => outside.has(u)).length).toBeGreaterThan(0);
      });
    }
  }

  it('shows a cell’s person with score, sales and department; a bad cell is a 400 naming the field', async () => {
    const hr = await as('hr');
    const r = await hr.call<TalentNineBoxCell>('GET', `/api/v1/talent/review/nine-box?period=${PERIOD}&cell=move-high&pageSize=1`);
    const p = r.body.data.people[0]!;
    expect(p.salesCny).toBe((salesFen.get(p.userid)! / 100).toFixed(2));
    expect(p.department?.name).toBe(tw.depts.keyAccount.name);
    expect(Number(p.score)).toBeGreaterThanOrEqual(80);
    const bad = await hr.call('GET', `/api/v1/talent/review/nine-box?cell=top-left`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('九宫格格子');
  });
});
