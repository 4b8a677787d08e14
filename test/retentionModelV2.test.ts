/**
 * Model kind v2 (`logistic-l2-platt-v2`): the weekly signals plus 绩效发放, 岗位匹配分 and 培训 as features. On
 * factory-built data where leavers' pay fell, match score fell and training stopped before they left (their weekly
 * behaviour like everyone else's), v2 learns it and v1 cannot; a person whose pay, score and training fall now gets
 * those features with the values and contributions the stored model gives, and the domain signals' words as drivers.
 * Rows keep the version they were scored with; a v1 row still reads.
 */
import type { DataSource } from 'typeorm';
import { addDays, addMonths, contributions, explainRisk, isRiskFacts, seededRandom, type TrainedRiskModel } from '@liucai/shared';
import { RetentionRisk, RetentionWeekSignal, TalentMatchScore } from '../server/src/entities';
import { runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { leaverReferenceWeek, trainRetentionModel } from '../server/src/modules/retention/commands/retentionModelTrainer';
import { radarPeople } from '../server/src/modules/retention/queries/retentionPeople';
import { upsertBatches } from '../server/src/modules/retention/commands/upsertBatches';
import { riskWords } from '../server/src/modules/retention/presenters/riskPresenter';
import { buildCorp, buildDepartment, buildTraining, buildUser } from './support/factories';
import { openTestDb } from './support/testServices';
import { payoutRunWith, storedWeeks } from './support/retentionHistory';

const WEEK = '2026-11-23';
const monthOf = (week: string) => addDays(week, 6).slice(0, 7);

/** Someone's pay, match score and training around a week: steady, or falling in the week's month (training stopped). */
interface Story {
  userid: string;
  week: string;
  falls: boolean;
  /** Variation between people. */
  k: number;
}

async function writeDomains(ds: DataSource, corpId: string, deptId: number, stories: Story[]) {
  const payOf = (s: Story, period: string): number | null => {
    const m = monthOf(s.week);
    if (period > m && s.falls) return null; // gone
    return s.falls && period === m ? 600_000 : 1_100_000 + s.k * 50_000;
  };
  for (let period = '2026-01'; period <= '2026-11'; period = addMonths(period, 1)) {
    const lines = stories.map((s) => [s.userid, payOf(s, period)] as const).filter((l): l is readonly [string, number] => l[1] !== null);
    await payoutRunWith(ds, corpId, period, 'published', deptId, lines);
    await ds.getRepository(TalentMatchScore).insert(
      lines.map(([userid]) => {
        const s = stories.find((x) => x.userid === userid)!;
        return {
          corpId,
          userid,
          period,
          jobModelId: 1,
          versionId: 1,
          scoreT: s.falls && period === monthOf(s.week) ? 650 : 780 + s.k * 10,
          tier: null,
          detail: '{}',
          computedAt: new Date(),
        };
      }),
    );
  }
  for (const s of stories) {
    // Three courses in the 12 baseline weeks; in the recent 4 weeks one more, or none when training stopped.
    for (const d of [-40, -60, -80]) await buildTraining(ds, corpId, { userid: s.userid, completedOn: addDays(s.week, d) });
    if (!s.falls) await buildTraining(ds, corpId, { userid: s.userid, completedOn: addDays(s.week, -10) });
  }
}

describe('risk model v2: pay, match score and training as features', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openTestDb();
  });
  afterAll(async () => {
    await ds.destroy();
  });

  it('learns falling pay, match score and training before leaving; scores a person whose three fall now', async () => {
    const rand = seededRandom(23);
    const corpId = await buildCorp(ds, 'retv2');
    const team = await buildDepartment(ds, corpId, { name: '销售三组' });
    const rows: RetentionWeekSignal[] = [];
    const stories: Story[] = [];
    for (let i = 0; i < 30; i++) {
      const lastDay = addDays('2026-06-01', i * 4);
      const u = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01', status: 'left', leftOn: lastDay });
      const week = leaverReferenceWeek(lastDay);
      rows.push(...storedWeeks(corpId, u.userid, week, false, rand));
      stories.push({ userid: u.userid, week, falls: i % 5 !== 0, k: i % 5 }); // 24 of 30 leavers' pay, score and training fell
    }
    for (let i = 0; i < 60; i++) {
      const u = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01' });
      rows.push(...storedWeeks(corpId, u.userid, addDays(WEEK, -35), false, rand));
      stories.push({ userid: u.userid, week: addDays(WEEK, -35), falls: false, k: i % 5 });
    }
    // Now: a person whose pay fell (12,000 → 6,000 元), match score fell (80 → 65) and training stopped this month.
    const now = await buildUser(ds, corpId, { name: '陈默', deptIds: [team.deptId], hiredOn: '2024-01-01' });
    stories.push({ userid: now.userid, week: WEEK, falls: true, k: 2 });
    await upsertBatches(ds, RetentionWeekSignal, rows, ['follow_ups'], ['corp_id', 'userid', 'week_start']);
    await writeDomains(ds, corpId, team.deptId, stories);

    const people = await radarPeople(ds, corpId);
    const at = () => new Date('2026-11-30T00:00:00Z');
    const v1 = await trainRetentionModel(ds, corpId, { weekStart: WEEK, people, now: at, kind: 'logistic-l2-platt-v1' });
    const v2 = await trainRetentionModel(ds, corpId, { weekStart: WEEK, people, now: at, kind: 'logistic-l2-platt-v2' });
    expect(v1).toMatchObject({ version: 'logistic-l2-platt-v1@2026-11', status: 'trained', leavers: 30, stayers: 60 });
    expect(v2).toMatchObject({ version: 'logistic-l2-platt-v2@2026-11', status: 'trained', leavers: 30, stayers: 60 });
    const m2 = v2.params as unknown as TrainedRiskModel;
    expect(m2.kind).toBe('logistic-l2-platt-v2');
    expect(m2.model.features.slice(-3)).toEqual(['payoutChange', 'matchScoreChange', 'trainingChange']);
    // Falls raise the risk: negative coefficients on all three; v2 separates what v1 (behaviour alone) cannot.
    for (const j of [10, 11, 12]) expect(m2.model.coefs[j]).toBeLessThan(0);
    expect(v2.outOfFoldAucBp!).toBeGreaterThan(8500);
    expect(v1.outOfFoldAucBp!).toBeLessThan(7000);

    await runRetention(ds, corpId, { weekStart: WEEK, weeks: 16, modelKind: 'logistic-l2-platt-v2' });
    const risk = await ds.getRepository(RetentionRisk).findOneByOrFail({ corpId, userid: now.userid, weekStart: WEEK });
    expect(risk.modelVersion).toBe('logistic-l2-platt-v2@2026-11');
    if (!isRiskFacts(risk.explanation)) throw new Error('expected numbers');
    const drivers = new Map(risk.explanation.drivers.map((d) => [d.feature, d]));
    // The feature values from the factory-built rows, and the contributions the stored model gives them.
    const expected = { payoutChange: Math.log(6100 / 12100), matchScoreChange: -1.5, trainingChange: Math.log(0.5 / 1.5) };
    for (const [feature, value] of Object.entries(expected)) {
      const d = drivers.get(feature)!;
      expect(d.value).toBeCloseTo(value, 12);
      const j = m2.model.features.indexOf(feature);
      const row = m2.model.features.map((f, i) => (i === j ? value : 0));
      const z = (value - m2.model.standardizer.means[j]!) / m2.model.standardizer.scales[j]!;
      expect(d.contribution).toBeCloseTo(z * m2.model.coefs[j]!, 9);
      expect(contributions(m2.model, row)[j]).toBeCloseTo(d.contribution, 9);
      expect(d.contribution).toBeGreaterThan(0);
    }
    expect(risk.band).toBe('高');
    // In words: the domain signals' own sentences, the three strongest drivers.
    const words = riskWords(risk);
    expect(words.drivers).toHaveLength(3);
    expect(words.drivers).toEqual(
      expect.arrayContaining([
        '2026-11 绩效发放 6,000.00 元，本人前 3 个月平均 12,000.00 元，少 50%',
        '2026-11 岗位匹配分 65，本人前 3 个月平均 80，降 15 分',
        '近 4 周完成培训 0 门，本人过去 12 周平均每 4 周 1 门',
      ]),
    );

    // A row scored by v1 (an earlier month) keeps its version and still reads: its drivers are signals.
    const old = Object.assign(new RetentionRisk(), {
      ...risk,
      weekStart: '2026-10-26',
      modelVersion: 'logistic-l2-platt-v1@2026-10',
      explanation: { ...risk.explanation, drivers: [{ feature: 'followUps', value: -0.4, contribution: 0.8 }] },
    });
    await ds.getRepository(RetentionRisk).insert(old);
    const read = await ds.getRepository(RetentionRisk).findOneByOrFail({ corpId, userid: now.userid, weekStart: '2026-10-26' });
    expect(read.modelVersion).toBe('logistic-l2-platt-v1@2026-10');
    expect(explainRisk(read.explanation, read.weekStart, read.ruleVersion).drivers[0]).toMatch(/^近 4 周客户跟进 \d+ 次/);
  });
});
