/**
 * The learned model inside the weekly run, on MariaDB: trained once a month from the stored weekly activity of the
 * corp's own leavers (read 5 weeks before their last day) and stayers, validated out of fold, stored with its version,
 * and applied to every active person with a baseline (probability, band, drivers in words); too few leavers → the
 * “数据不足” row and the rule alone (see retention.test.ts).
 */
import type { DataSource } from 'typeorm';
import { addDays, seededRandom, weeksEnding } from '@liucai/shared';
import { RetentionModel, RetentionReview, RetentionRisk, RetentionWeekSignal, type User } from '../server/src/entities';
import { runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { leaverReferenceWeek, trainRetentionModel } from '../server/src/modules/retention/commands/retentionModelTrainer';
import { radarPeople } from '../server/src/modules/retention/queries/retentionPeople';
import { upsertBatches } from '../server/src/modules/retention/commands/upsertBatches';
import { buildCollaboration, buildCorp, buildCustomer, buildDepartment, buildFollowUp, buildLeave, buildUser } from './support/factories';
import { openTestDb } from './support/testServices';
import { storedWeeks } from './support/retentionHistory';
import { riskWords } from '../server/src/modules/retention/presenters/riskPresenter';

const WEEK = '2026-11-23';

describe('the learned retention model in the weekly run', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openTestDb();
  });
  afterAll(async () => {
    await ds.destroy();
  });

  it('trains monthly on the corp’s leavers and stayers, and scores active people with drivers in words', async () => {
    const rand = seededRandom(17);
    const corpId = await buildCorp(ds, 'retm');
    const team = await buildDepartment(ds, corpId, { name: '销售二组' });
    const rows: RetentionWeekSignal[] = [];
    const leavers: User[] = [];
    for (let i = 0; i < 30; i++) {
      const lastDay = addDays('2026-06-01', i * 4);
      const u = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01', status: 'left', leftOn: lastDay });
      leavers.push(u);
      rows.push(...storedWeeks(corpId, u.userid, leaverReferenceWeek(lastDay), i % 10 < 8, rand));
    }
    const stayers: User[] = [];
    for (let i = 0; i < 60; i++) {
      const u = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01' });
      stayers.push(u);
      rows.push(...storedWeeks(corpId, u.userid, addDays(WEEK, -35), i % 10 === 0, rand));
    }
    await upsertBatches(ds, RetentionWeekSignal, rows, ['follow_ups'], ['corp_id', 'userid', 'week_start']);

    // HR judged one stayer's flagged week a false alarm: the weeks before and after it join the training set as
    // label-0 rows (the reviewed week is that stayer's own reference week, already a row, not repeated).
    const reviewed = addDays(WEEK, -35);
    await ds.getRepository(RetentionReview).insert({
      corpId,
      userid: stayers[0]!.userid,
      weekStart: reviewed,
      band: '高',
      outcome: '误报',
      note: '家中有事，已沟通',
      reviewerUserid: 'hr',
      reviewedAt: new Date('2026-11-01T00:00:00Z'),
    });
    const people = await radarPeople(ds, corpId);
    const model = await trainRetentionModel(ds, corpId, { weekStart: WEEK, people, now: () => new Date('2026-11-30T00:00:00Z') });
    expect(model).toMatchObject({ version: 'logistic-l2-platt-v2@2026-11', status: 'trained', leavers: 30, stayers: 62, message: null });
    expect(model.params).toMatchObject({ trainingHints: { falseAlarmRows: 2, falseAlarmReviews: 1 } });
    expect(model.outOfFoldAucBp).toBeGreaterThan(8000);
    // Once a month: asking again gives the same row.
    const again = await trainRetentionModel(ds, corpId, { weekStart: '2026-11-30', people, now: () => new Date() });
    expect(again.id).toBe(model.id);

    // A salesperson drifting now, from synced rows: her own follow-ups, help on a colleague's customer and
    // collaborations fall, and leave rises, over the last 4 weeks.
    const drifter = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01' });
    const own = await buildCustomer(ds, corpId, { ownerUserid: drifter.userid });
    const theirs = await buildCustomer(ds, corpId, { ownerUserid: stayers[0]!.userid });
    for (const [i, monday] of weeksEnding(WEEK, 16).entries()) {
      const at = new Date(`${addDays(monday, 1)}T03:00:00Z`);
      for (let k = 0; k < (i < 12 ? 8 : 2); k++)
        await buildFollowUp(ds, corpId, { ownerUserid: drifter.userid, customerSourceId: own.sourceId, followedAt: at });
      if (i < 12) {
        for (let k = 0; k < 2; k++) await buildFollowUp(ds, corpId, { ownerUserid: drifter.userid, customerSourceId: theirs.sourceId, followedAt: at });
        await buildCollaboration(ds, corpId, { userid: drifter.userid, occurredOn: addDays(monday, 2) });
      } else {
        await buildLeave(ds, corpId, { userid: drifter.userid, day: addDays(monday, 3) });
      }
    }
    const result = await runRetention(ds, corpId, { weekStart: WEEK, weeks: 16 });
    expect(result).toMatchObject({ weekStart: WEEK, modelVersion: 'logistic-l2-platt-v2@2026-11' });
    const risk = await ds.getRepository(RetentionRisk).findOneByOrFail({ corpId, userid: drifter.userid, weekStart: WEEK });
    expect(risk.modelVersion).toBe('logistic-l2-platt-v2@2026-11');
    expect(risk.modelProbabilityBp).toBeGreaterThanOrEqual(5000);
    expect(risk.band).toBe('高');
    expect(riskWords(risk).drivers.length).toBeGreaterThan(0);
    expect(riskWords(risk).drivers.join('；')).toMatch(/近 4 周(请假|沟通|客户跟进|帮同事跟进客户|跨部门协作)/);
    expect(riskWords(risk).modelNote).toBeNull();
    // A quiet stayer scores low, from the same model.
    const calm = await ds.getRepository(RetentionRisk).findOneByOrFail({ corpId, userid: stayers[1]!.userid, weekStart: WEEK });
    expect(calm.modelVersion).toBe('logistic-l2-platt-v2@2026-11');
    expect(calm.modelProbabilityBp!).toBeLessThan(risk.modelProbabilityBp!);
    expect(await ds.getRepository(RetentionModel).countBy({ corpId })).toBe(1);
  });
});
