/**
 * The demo company's training history (DingTalk has no training API): the sandbox generates its learning platform's
 * export and the demo's first start imports it as HR would, once, through the import pipeline as the demo admin (an
 * import_runs row “演示公司培训记录.csv”). The weekly radar run of that first start then reads the 培训 signal and the
 * model's `trainingChange` from it: varying between people, and falling for the drifting salespeople.
 */
import { featureRow, isRiskFacts, type PersonWeekSignals } from '@liucai/shared';
import { ImportRun, RetentionRisk, SyncRun, TrainingRecord, User } from '../server/src/entities';
import { prepareFirstStart } from '../server/src/bootstrap';
import { calendarEndingToday } from '../server/src/services';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import { DEMO_TRAINING_FILE_NAME, importDemoTraining } from '../server/src/modules/imports/commands/demoTrainingImporter';
import { generateTraining } from '../server/src/dingtalk/sandbox';
import { currentRiskWeek } from '../server/src/modules/retention/queries/riskViews';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';

jest.setTimeout(600_000);

describe('the demo company’s training history', () => {
  let w: TestWorld;
  beforeAll(async () => {
    // Seed 21 at 120 people has 8 salespeople drifting now; "today" is today, as in the demo (its syncs read back from now).
    w = await createTestWorld({ label: 'demotrain', employees: 120, seed: 21, asOfMs: calendarEndingToday(), env: { DEMO_SYNC_LOOKBACK_DAYS: '56' } });
    await syncWorld(w);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is imported once by the first start, as the demo admin, before the radar reads it', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const generated = generateTraining(corp);
    const first = await prepareFirstStart(w, () => undefined);
    expect(first).toEqual({ dataSyncsRunning: true });
    await (w.jobs as InProcessJobQueue).idle();
    expect(await w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId, trigger: 'startup', status: 'succeeded' })).toBe(4);

    const runs = await w.ds.getRepository(ImportRun).find({ where: { corpId: w.corpId } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      kind: 'training',
      fileName: DEMO_TRAINING_FILE_NAME,
      status: 'succeeded',
      createdBy: corp.demoUsers.admin,
      rowsTotal: generated.length,
      created: generated.length,
      rejected: 0,
    });
    // Everyone's courses, people who left included, as the file says.
    const rows = await w.ds.getRepository(TrainingRecord).find({ where: { corpId: w.corpId } });
    expect(rows).toHaveLength(generated.length);
    expect(rows.every((r) => r.source === 'import')).toBe(true);
    // People who left, most of whom the org sync never saw (no user row): known to the import from their departure records.
    const users = new Set((await w.ds.getRepository(User).find({ where: { corpId: w.corpId }, select: { userid: true } })).map((u) => u.userid));
    const unseen = new Set(corp.departures.map((d) => d.userid).filter((u) => !users.has(u)));
    expect(unseen.size).toBeGreaterThan(10);
    expect(rows.filter((r) => unseen.has(r.userid)).length).toBeGreaterThan(50);
    const sample = generated.find((g) => g.completedDay === undefined)!;
    expect(rows.find((r) => r.userid === sample.userid && r.course === sample.course)).toMatchObject({
      completionPercent: sample.completionPercent,
      examScore: null,
      completedOn: null,
    });

    // A restart (or the first-start job retried) imports nothing again.
    expect(await prepareFirstStart(w, () => undefined)).toEqual({ dataSyncsRunning: false });
    await (w.jobs as InProcessJobQueue).idle();
    expect(await importDemoTraining(w.ds, w.corpId, w.sandbox!)).toBeNull();
    expect(await w.ds.getRepository(ImportRun).countBy({ corpId: w.corpId })).toBe(1);
    expect(await w.ds.getRepository(TrainingRecord).countBy({ corpId: w.corpId })).toBe(generated.length);
  });

  it('gives the radar a training signal that varies between people and falls for the drifters', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const week = await currentRiskWeek(w.ds, w.corpId);
    expect(week).not.toBeNull();
    const risks = await w.ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: week! } });
    const facts = new Map(risks.flatMap((r) => (isRiskFacts(r.explanation) ? [[r.userid, r.explanation] as const] : [])));
    expect(facts.size).toBe(risks.length);
    const training = (userid: string) => facts.get(userid)!.domain.find((d) => d.key === 'training')!;
    const change = (userid: string) => featureRow(['trainingChange'], {} as PersonWeekSignals, facts.get(userid)!.domain)[0]!;
    // Nearly everyone has records (培训 is no longer 无数据), and the model's feature is not a constant column.
    const ok = [...facts.keys()].filter((u) => training(u).status === 'ok');
    expect(ok.length / facts.size).toBeGreaterThan(0.8);
    expect(new Set(ok.map(change)).size).toBeGreaterThan(3);
    // The drifters (drifting towards today) completed nothing in the recent 4 weeks, after courses in their baseline.
    const drifters = corp.driftingUserids().filter((u) => corp.getUser(u) && facts.has(u) && training(u).status === 'ok');
    expect(drifters.length).toBeGreaterThanOrEqual(5);
    for (const u of drifters) expect({ u, recent: training(u).recent }).toEqual({ u, recent: 0 });
    const trainedBefore = drifters.filter((u) => training(u).baseline! > 0);
    expect(trainedBefore.length).toBeGreaterThanOrEqual(3);
    for (const u of trainedBefore) expect(change(u)).toBeLessThan(0);
    const mean = (ids: string[]) => ids.reduce((s, u) => s + change(u), 0) / ids.length;
    const others = ok.filter((u) => !drifters.includes(u));
    expect(mean(drifters)).toBeLessThan(mean(others) - 0.2);
  });
});
