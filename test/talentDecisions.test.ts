/**
 * HR decisions of the talent review (人才盘点) through the HTTP API: the computed tier is a suggestion; HR (within its
 * departments) and admins agree with it or override it to another tier with a reason; every decision is kept, the
 * newest in force; the review list and a person's history show suggestion and decision. Out of scope 404, roles
 * that may not decide 403, bad input 400 in Chinese naming the field, and nothing written.
 */
import type { TalentDecisionView, TalentPersonScores, TalentReview } from '@liucai/shared';
import { AuditEvent, TalentDecision } from '../server/src/entities';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, recomputeThroughJob, TALENT_PERIOD } from './support/talentData';

describe('talent review decisions', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentdc', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'dc');
    await buildTalentData(w.ds, tw);
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    await recomputeThroughJob(w, tw.corpId, 'dc');
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);
  const decide = async (who: keyof TalentWorld['people'], target: keyof TalentWorld['people'], body: Record<string, unknown>) =>
    (await as(who)).call<TalentDecisionView>('POST', `/api/v1/talent/people/${tw.people[target].userid}/decisions`, body);
  const stored = () => w.ds.getRepository(TalentDecision).countBy({ corpId: tw.corpId });

  it('shows a decision on the person’s page at once, though the page was read before anyone decided on them', async () => {
    const page = async (who: 'hr' | 'admin') =>
      (await (await as(who)).call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people.zhang.userid}`)).body.data;
    const before = await page('hr');
    expect(before.decisions).toEqual([]);
    // Whoever may see the person reads the same page (kept once for all of them).
    expect(await page('admin')).toEqual(before);
    const made = await decide('admin', 'zhang', { kind: 'override', tier: 'reassign', reason: '先观察一个月再定' });
    expect(made.status).toBe(201);
    const after = await page('hr');
    expect(after.decisions.map((d) => [d.id, d.tier, d.decidedBy.name])).toEqual([[made.body.data.id, 'reassign', '吴十']]);
    expect(after.scores).toEqual(
      before.scores.map((s) => (s.period === made.body.data.period ? { ...s, decision: expect.objectContaining({ id: made.body.data.id }) } : s)),
    );
  });

  it('lets HR agree with a suggestion and override one with a reason; the review shows suggestion and decision', async () => {
    const agreed = await decide('hr', 'wang', { kind: 'agree' });
    expect(agreed.status).toBe(201);
    expect(agreed.body.data).toMatchObject({
      period: TALENT_PERIOD,
      kind: 'agree',
      suggestedTier: 'move',
      tier: 'move',
      tierLabel: '立即转型',
      reason: null,
      decidedBy: { userid: tw.people.hr.userid, name: '周九' },
    });
    expect(Number(agreed.body.data.suggestedScore)).toBeGreaterThanOrEqual(80);
    // The decision is audited with it: one event, who decided about whom.
    const audited = await w.ds.getRepository(AuditEvent).findBy({ corpId: tw.corpId, action: 'talent.decision.create', targetId: String(agreed.body.data.id) });
    expect(audited.map((a) => [a.actorUserid, a.subjectUserid])).toEqual([[tw.people.hr.userid, tw.people.wang.userid]]);

    // 张三 has 数据不足: no suggestion, HR decides with a reason.
    const zhang = await decide('hr', 'zhang', { kind: 'override', tier: 'train', reason: '近三个月刚接手大客户，先培训一个季度' });
    expect(zhang.status).toBe(201);
    expect(zhang.body.data).toMatchObject({
      kind: 'override',
      suggestedTier: null,
      suggestedScore: null,
      tier: 'train',
      reason: '近三个月刚接手大客户，先培训一个季度',
    });

    const review = (await (await as('hr')).call<TalentReview>('GET', '/api/v1/talent/review')).body.data;
    const byName = new Map(review.people.map((p) => [p.name, p]));
    expect(byName.get('王五')).toMatchObject({ tier: 'move', decision: { kind: 'agree', tier: 'move' } });
    expect(byName.get('张三')).toMatchObject({ tier: null, decision: { kind: 'override', tier: 'train', tierLabel: '先培训' } });
  });

  it('keeps every decision: a later one is in force, the person’s history lists both with the suggestion', async () => {
    const later = await decide('admin', 'wang', { kind: 'override', tier: 'train', reason: '客户满意度调查未完成，先培训' });
    expect(later.status).toBe(201);
    const person = (await (await as('hr')).call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people.wang.userid}`)).body.data;
    expect(person.decisions.map((d) => [d.kind, d.suggestedTier, d.tier, d.decidedBy.name])).toEqual([
      ['override', 'move', 'train', '吴十'],
      ['agree', 'move', 'move', '周九'],
    ]);
    expect(person.scores[0]).toMatchObject({ period: TALENT_PERIOD, tier: 'move', decision: { id: later.body.data.id, tier: 'train' } });
    const review = (await (await as('admin')).call<TalentReview>('GET', '/api/v1/talent/review')).body.data;
    expect(review.people.find((p) => p.name === '王五')?.decision).toMatchObject({ tier: 'train', reason: '客户满意度调查未完成，先培训' });
    // The suggestion itself is unchanged: the distribution counts the computed tiers.
    expect(review.distribution.move).toBe(1);
  });

  it('answers bad input with 400 in Chinese naming the field, and writes nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'override', tier: 'train' }, '理由必填'],
      [{ kind: 'override', reason: '理由写得很清楚' }, '档位必填'],
      [{ kind: 'override', tier: 'move', reason: '理由写得很清楚' }, '档位与建议相同（立即转型）'],
      [{ kind: 'maybe' }, '决定应为 agree（同意建议）或 override（调整）'],
      [{ kind: 'override', tier: 'boss', reason: '理由写得很清楚' }, '档位应为 move（立即转型）'],
      [{ kind: 'agree', period: '2020-01' }, '月份 2020-01 还没有匹配度结果'],
      [{ kind: 'agree', period: '2026-13' }, '月份应为月份 yyyy-mm'],
    ];
    for (const [body, message] of cases) {
      const res = await decide('hr', 'wang', body);
      expect([res.status, res.body.error?.message]).toEqual([400, expect.stringContaining(message)]);
    }
    const agreeNoSuggestion = await decide('hr', 'zhang', { kind: 'agree' });
    expect(agreeNoSuggestion.status).toBe(400);
    expect(agreeNoSuggestion.body.error.message).toContain('决定不能是“同意”：该员工数据不足');
    expect(await stored()).toBe(before);
  });

  it('answers 404 outside HR’s departments, 403 to supervisors, employees and HR about themself', async () => {
    const before = await stored();
    expect((await decide('hr', 'outsider', { kind: 'agree' })).status).toBe(404);
    expect((await decide('lead', 'wang', { kind: 'agree' })).status).toBe(403);
    expect((await decide('zhang', 'zhang', { kind: 'override', tier: 'move', reason: '我觉得我可以' })).status).toBe(403);
    expect((await decide('hr', 'hr', { kind: 'override', tier: 'move', reason: '自己给自己定' })).status).toBe(403);
    expect(await stored()).toBe(before);
    // Admins decide for anyone with a score.
    expect((await decide('admin', 'outsider', { kind: 'override', tier: 'reassign', reason: '财务岗，不适合大客户销售' })).status).toBe(201);
  });
});
