/**
 * Assessments (测评) through the HTTP API: the built-in question bank is seeded; HR launches a published version to a
 * department with supervisor rating; invitations are work notifications; the employee opens, saves, resumes and
 * submits once; the due day, the time limit and a second submission are refused in Chinese and change nothing; the
 * supervisor's rating is kept apart from the person's own; HR sees completion by department and reminds the late
 * ones; people and cycles outside scope answer 404; scores land on the portrait with their questionnaire version and
 * feed a job model's dimension input.
 */
import {
  BIG_CLIENT_SALES_QUESTIONNAIRE,
  type AnswerSheet,
  type AssessmentTask,
  type CycleDetail,
  type CycleSummary,
  type PersonAssessments,
  type QuestionnaireView,
} from '@liucai/shared';
import { AssessmentCycle, AssessmentResponse, AuditEvent, Notification, TalentMatchScore, TalentMetric } from '../server/src/entities';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import { shanghaiDate } from '../server/src/util/dates';
import { DEMO_CYCLE_TITLE, seedDemoAssessment } from '../server/src/modules/assessment/commands/demoAssessmentSeeder';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, TALENT_PERIOD } from './support/talentData';

/** The best answer to every item of the built-in bank (the highest-scoring option, 5 on the scale, reversed 1). */
function bestAnswers(): Record<string, string | string[] | number> {
  const out: Record<string, string | string[] | number> = {};
  for (const i of BIG_CLIENT_SALES_QUESTIONNAIRE.definition.items) {
    if (i.kind === 'likert') out[i.id] = i.reverse ? 1 : 5;
    else if (i.kind === 'situational') out[i.id] = i.options!.find((o) => o.score === 100)!.id;
    else if (i.kind === 'single') out[i.id] = i.options!.find((o) => o.correct)!.id;
    else if (i.kind === 'multiple') out[i.id] = i.options!.filter((o) => o.correct).map((o) => o.id);
  }
  return out;
}

describe('assessments', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let versionId: number;
  let cycle: CycleSummary;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'assess', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'as');
    await buildTalentData(w.ds, tw);
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);
  const today = shanghaiDate(new Date());
  const sheetsOf = (cycleId: number) => w.ds.getRepository(AssessmentResponse).find({ where: { corpId: tw.corpId, cycleId }, order: { id: 'ASC' } });

  it('seeds the built-in question bank as a published questionnaire', async () => {
    const res = await (await as('hr')).call<QuestionnaireView[]>('GET', '/api/v1/questionnaires');
    expect(res.status).toBe(200);
    const bank = res.body.data.find((q) => q.code === BIG_CLIENT_SALES_QUESTIONNAIRE.code)!;
    expect(bank).toMatchObject({ name: '大客户销售能力测评', versions: [{ version: 1, status: 'published' }] });
    versionId = bank.versions[0]!.id;
    expect(bank.currentVersionId).toBe(versionId);
  });

  it('keeps the questionnaire list while nothing under it changes; a new questionnaire, a draft, a rename show at once', async () => {
    const hr = await as('hr');
    const list = async () => (await hr.call<QuestionnaireView[]>('GET', '/api/v1/questionnaires')).body.data;
    const named = async (code: string) => (await list()).find((q) => q.code === code);
    expect(await list()).toEqual(await list());
    const created = await hr.call<QuestionnaireView>('POST', '/api/v1/questionnaires', { code: 'kept-q', name: '保留问卷' });
    expect(await named('kept-q')).toMatchObject({ name: '保留问卷', versions: [] });
    const draft = await hr.call('POST', `/api/v1/questionnaires/${created.body.data.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition: BIG_CLIENT_SALES_QUESTIONNAIRE.definition,
    });
    expect(draft.status).toBe(201);
    expect((await named('kept-q'))?.versions).toMatchObject([{ version: 1, status: 'draft', createdBy: { userid: tw.people.hr.userid } }]);
    // Written beside the API (an import, a job, SQL): the tables' triggers say so.
    await w.ds.query('UPDATE questionnaires SET name = ? WHERE id = ?', ['改名问卷', created.body.data.id]);
    expect((await named('kept-q'))?.name).toBe('改名问卷');
    await w.ds.query('UPDATE users SET name = ? WHERE corp_id = ? AND userid = ?', ['何改名', tw.corpId, tw.people.hr.userid]);
    expect((await named('kept-q'))?.versions[0]?.createdBy?.name).toBe('何改名');
    await w.ds.query('UPDATE users SET name = ? WHERE corp_id = ? AND userid = ?', [tw.people.hr.name, tw.corpId, tw.people.hr.userid]);
  });

  it('refuses a questionnaire with no scored items in Chinese and stores nothing', async () => {
    const hr = await as('hr');
    const created = await hr.call<QuestionnaireView>('POST', '/api/v1/questionnaires', { code: 'empty-q', name: '只有简答题' });
    expect(created.status).toBe(201);
    const res = await hr.call('POST', `/api/v1/questionnaires/${created.body.data.id}/versions`, {
      effectiveFrom: '2026-01-01',
      definition: { items: [{ id: 't1', kind: 'text', text: '谈谈你的想法' }] },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('问卷没有计分题');
    const after = await hr.call<QuestionnaireView>('GET', `/api/v1/questionnaires/${created.body.data.id}`);
    expect(after.body.data.versions).toEqual([]);
  });

  it('launches a cycle to a department with supervisor rating and sends invitations', async () => {
    const hr = await as('hr');
    // A person outside HR's departments answers 404, a draft version 400; nothing is launched.
    const outside = await hr.call('POST', '/api/v1/assessment-cycles', { versionId, title: '越权', userids: [tw.people.outsider.userid], dueOn: today });
    expect(outside.status).toBe(404);
    const bad = await hr.call('POST', '/api/v1/assessment-cycles', { versionId, title: ' ', deptIds: ['销售'], dueOn: '12/31' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/应为 1 到 100 个字[^]*应为部门编号[^]*应为日期 yyyy-mm-dd/);
    const late = await hr.call('POST', '/api/v1/assessment-cycles', { versionId, title: '过期', deptIds: [tw.depts.keyAccount.deptId], dueOn: '2020-01-01' });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('截止日期应不早于今天');

    const res = await hr.call<CycleSummary>('POST', '/api/v1/assessment-cycles', {
      versionId,
      title: '大客户能力测评（第一期）',
      deptIds: [tw.depts.keyAccount.deptId],
      dueOn: today,
      timeLimitMinutes: 30,
      supervisorRating: true,
    });
    expect(res.status).toBe(201);
    cycle = res.body.data;
    // 李四, 张三 and 王五 (赵六 left): three self sheets, and 李四 rates 张三 and 王五.
    const sheets = await sheetsOf(cycle.id);
    const names = new Map(Object.values(tw.people).map((p) => [p.userid, p.name]));
    expect(sheets.map((s) => `${names.get(s.raterUserid)}→${names.get(s.subjectUserid)}:${s.role}`).sort()).toEqual(
      ['李四→李四:self', '张三→张三:self', '王五→王五:self', '李四→张三:supervisor', '李四→王五:supervisor'].sort(),
    );
    expect(cycle).toMatchObject({ total: 5, submitted: 0, questionnaire: { name: '大客户销售能力测评', version: 1 } });
    // Its launcher named, and the list answers the same names.
    expect(cycle.createdBy).toMatchObject({ userid: tw.people.hr.userid, name: tw.people.hr.name });
    const listed = (await hr.call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data.find((c) => c.id === cycle.id);
    expect(listed).toMatchObject({ title: cycle.title, questionnaire: cycle.questionnaire, createdBy: cycle.createdBy });
    const invited = await w.ds.getRepository(Notification).findBy({ corpId: tw.corpId, kind: 'assessment.invited' });
    expect(invited.map((n) => names.get(n.recipientUserid)).sort()).toEqual(['张三', '李四', '李四', '王五'].sort());
    expect(invited.every((n) => n.page === '/assessments')).toBe(true);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'assessment.cycle.launch', targetId: String(cycle.id) })).toBe(1);
  });

  it('lets the employee save, resume and submit once; the sheet never shows right answers', async () => {
    const wang = await as('wang');
    const mine = await wang.call<AssessmentTask[]>('GET', '/api/v1/assessments/mine');
    const task = mine.body.data.find((t) => t.cycleId === cycle.id)!;
    expect(task).toMatchObject({ role: 'self', state: 'new', items: 17, answered: 0 });
    // Named from the cycle, the questionnaire and the subject read with the sheet.
    expect(task).toMatchObject({ title: cycle.title, dueOn: cycle.dueOn, questionnaireName: BIG_CLIENT_SALES_QUESTIONNAIRE.name, subject: { name: '王五' } });

    const opened = await wang.call<AnswerSheet>('POST', `/api/v1/assessments/sheets/${task.responseId}/open`, {});
    expect(opened.status).toBe(200);
    expect(opened.body.data.task.state).toBe('inProgress');
    expect(opened.body.data.task.deadlineAt).not.toBeNull();
    expect(JSON.stringify(opened.body.data.items)).not.toMatch(/correct|score/);

    const answers = bestAnswers();
    const half = Object.fromEntries(Object.entries(answers).slice(0, 6));
    const saved = await wang.call<AnswerSheet>('PUT', `/api/v1/assessments/sheets/${task.responseId}/answers`, { answers: half });
    expect(saved.status).toBe(200);
    // Resume: opening again keeps the answers and the clock.
    const again = await wang.call<AnswerSheet>('POST', `/api/v1/assessments/sheets/${task.responseId}/open`, {});
    expect(again.body.data.answers).toEqual(half);
    expect(again.body.data.task.deadlineAt).toBe(opened.body.data.task.deadlineAt);

    // Submitting half is refused naming what is missing.
    const early = await wang.call('POST', `/api/v1/assessments/sheets/${task.responseId}/submit`, {});
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('道必答题没有作答');

    const done = await wang.call<AnswerSheet>('POST', `/api/v1/assessments/sheets/${task.responseId}/submit`, { answers });
    expect(done.status).toBe(200);
    expect(done.body.data.task.state).toBe('submitted');
    const twice = await wang.call('POST', `/api/v1/assessments/sheets/${task.responseId}/submit`, { answers });
    expect(twice.status).toBe(409);
    expect(JSON.stringify(twice.body)).toContain('每次测评只能提交一次');
    const stored = await w.ds.getRepository(AssessmentResponse).findOneByOrFail({ id: task.responseId });
    expect(JSON.parse(stored.scores!).map((d: { score: string }) => d.score)).toEqual(['100.0', '100.0', '100.0', '100.0']);

    // Someone else's sheet is 404.
    const zhang = await as('zhang');
    expect((await zhang.call('POST', `/api/v1/assessments/sheets/${task.responseId}/open`, {})).status).toBe(404);
  });

  it('refuses answers after the time limit and after the due day, changing nothing', async () => {
    const sheets = await sheetsOf(cycle.id);
    const zhangSheet = sheets.find((s) => s.subjectUserid === tw.people.zhang.userid && s.role === 'self')!;
    const zhang = await as('zhang');
    await zhang.call('POST', `/api/v1/assessments/sheets/${zhangSheet.id}/open`, {});
    // The clock ran out a minute ago.
    await w.ds.getRepository(AssessmentResponse).update({ id: zhangSheet.id }, { deadlineAt: new Date(Date.now() - 60_000) });
    const timedOut = await zhang.call('PUT', `/api/v1/assessments/sheets/${zhangSheet.id}/answers`, { answers: { 'insight-4': 3 } });
    expect(timedOut.status).toBe(409);
    expect(JSON.stringify(timedOut.body)).toContain('答题限时 30 分钟，时间已到');
    expect((await w.ds.getRepository(AssessmentResponse).findOneByOrFail({ id: zhangSheet.id })).answers).toBeNull();

    // A cycle whose due day has passed refuses every answer.
    const leadSelf = sheets.find((s) => s.subjectUserid === tw.people.lead.userid && s.role === 'self')!;
    await w.ds.getRepository(AssessmentCycle).update({ id: cycle.id }, { dueOn: '2020-01-01' });
    const closed = await (await as('lead')).call('POST', `/api/v1/assessments/sheets/${leadSelf.id}/submit`, { answers: bestAnswers() });
    expect(closed.status).toBe(409);
    expect(JSON.stringify(closed.body)).toContain('已于 2020-01-01 截止');
    await w.ds.getRepository(AssessmentCycle).update({ id: cycle.id }, { dueOn: today });
    expect((await w.ds.getRepository(AssessmentResponse).findOneByOrFail({ id: leadSelf.id })).submittedAt).toBeNull();
  });

  it('keeps the supervisor rating apart from the self rating and shows both', async () => {
    const lead = await as('lead');
    const tasks = (await lead.call<AssessmentTask[]>('GET', '/api/v1/assessments/mine')).body.data.filter((t) => t.cycleId === cycle.id);
    expect(tasks.map((t) => `${t.role}:${t.subject.name}`).sort()).toEqual(['self:李四', 'supervisor:张三', 'supervisor:王五']);
    const aboutWang = tasks.find((t) => t.role === 'supervisor' && t.subject.name === '王五')!;
    const answers = { ...bestAnswers(), 'insight-1': 'a', 'insight-4': 3 };
    expect((await lead.call('POST', `/api/v1/assessments/sheets/${aboutWang.responseId}/submit`, { answers })).status).toBe(200);

    const view = (await (await as('hr')).call<PersonAssessments>('GET', `/api/v1/assessments/people/${tw.people.wang.userid}`)).body.data;
    expect(view.self.map((r) => [r.rater.name, r.dimensions.find((d) => d.dimension === 'customerInsight')!.score])).toEqual([['王五', '100.0']]);
    // (2 × 20 + 4 × 100 + 50) ÷ 7: insight-1 weighs 2; insight-2, insight-3, solution-3 and maintenance-2 score 100; insight-4 is 3 of 5.
    const supervisorInsight = view.supervisor[0]!.dimensions.find((d) => d.dimension === 'customerInsight')!;
    expect([view.supervisor[0]!.rater.name, supervisorInsight.score]).toEqual(['李四', '70.0']);
    expect(view.supervisor[0]!.questionnaire).toMatchObject({ versionId, version: 1, name: BIG_CLIENT_SALES_QUESTIONNAIRE.name });
    expect(view.supervisor[0]!).toMatchObject({ cycleId: cycle.id, title: cycle.title, role: 'supervisor' });
    // The person sees their own; a colleague and HR of other departments get 404.
    expect((await (await as('wang')).call('GET', `/api/v1/assessments/people/${tw.people.wang.userid}`)).status).toBe(200);
    expect((await (await as('zhang')).call('GET', `/api/v1/assessments/people/${tw.people.wang.userid}`)).status).toBe(404);
  });

  it('shows HR completion by department and reminds the late ones once a day', async () => {
    const hr = await as('hr');
    const detail = (await hr.call<CycleDetail>('GET', `/api/v1/assessment-cycles/${cycle.id}`)).body.data;
    expect(detail).toMatchObject({ total: 5, submitted: 2, inProgress: 1, notStarted: 2 });
    expect(detail.departments).toEqual([
      { deptId: tw.depts.keyAccount.deptId, name: expect.stringContaining('大客户部'), total: 5, submitted: 2, inProgress: 1 },
    ]);
    const open = detail.sheets.items.filter((l) => l.status !== 'submitted');
    expect(open.map((l) => `${l.rater.name}→${l.subject.name}`).sort()).toEqual(['张三→张三', '李四→张三', '李四→李四'].sort());

    // Results in scope: 王五's own rating and 李四's rating of him, apart (each sheet with its scores).
    const insightOf = (d: { dimension: string; score: string | null }[] | null | undefined) => d?.find((x) => x.dimension === 'customerInsight')?.score;
    const wangSheets = detail.sheets.items.filter((l) => l.subject.userid === tw.people.wang.userid);
    expect(wangSheets.map((l) => [l.role, insightOf(l.scores)])).toEqual([
      ['self', '100.0'],
      ['supervisor', '70.0'],
    ]);
    expect([...new Set(detail.sheets.items.filter((l) => l.status === 'submitted').map((l) => l.subject.name))]).toEqual(['王五']);
    const reminded = await hr.call<{ reminded: number; late: number }>('POST', `/api/v1/assessment-cycles/${cycle.id}/remind`, {});
    expect(reminded.body.data).toEqual({ reminded: 2, late: 3 });
    const again = await hr.call<{ reminded: number }>('POST', `/api/v1/assessment-cycles/${cycle.id}/remind`, {});
    expect(again.body.data.reminded).toBe(0);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'assessment.cycle.remind' })).toBe(2);

    // Employees may not see cycles; the list shows HR the cycle with its progress.
    expect((await (await as('wang')).call('GET', `/api/v1/assessment-cycles/${cycle.id}`)).status).toBe(403);
    const list = (await hr.call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data;
    expect(list.find((c) => c.id === cycle.id)).toMatchObject({ submitted: 2, total: 5 });
  });

  it('keeps 测评管理’s list and a cycle’s page while nothing changes; a renamed questionnaire, cycle or launcher and a new cycle show at once', async () => {
    const hr = await as('hr');
    const detail = async () => (await hr.call<CycleDetail>('GET', `/api/v1/assessment-cycles/${cycle.id}`)).body.data;
    const listed = async () => (await hr.call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data;
    const first = await detail();
    const list = await listed();
    // Asked again with nothing changed: the cycle, its names and counts are not read again (the session's statement only).
    const logged = jest.spyOn(w.ds.logger, 'logQuery');
    expect(await detail()).toEqual(first);
    expect(await listed()).toEqual(list);
    const cycleReads = logged.mock.calls.map(([sql]) => sql).filter((sql) => /assessment_|questionnaire/.test(sql));
    logged.mockRestore();
    expect(cycleReads).toEqual([]);

    // Written beside the API (an import, a job, SQL): the tables' triggers say so.
    await w.ds.query('UPDATE questionnaires SET name = ? WHERE corp_id = ? AND id = ?', ['改名测评卷', tw.corpId, cycle.questionnaire.id]);
    expect((await detail()).questionnaire.name).toBe('改名测评卷');
    expect((await listed()).find((c) => c.id === cycle.id)?.questionnaire.name).toBe('改名测评卷');
    await w.ds.query('UPDATE assessment_cycles SET title = ? WHERE corp_id = ? AND id = ?', ['改名测评', tw.corpId, cycle.id]);
    expect((await detail()).title).toBe('改名测评');
    await w.ds.query('UPDATE users SET name = ? WHERE corp_id = ? AND userid = ?', ['何改名', tw.corpId, tw.people.hr.userid]);
    expect((await detail()).createdBy?.name).toBe('何改名');
    expect((await listed()).find((c) => c.id === cycle.id)?.createdBy?.name).toBe('何改名');
    // A cycle HR launched with no sheet yet is listed as soon as it is stored.
    const added = await w.ds.getRepository(AssessmentCycle).save(
      Object.assign(new AssessmentCycle(), {
        corpId: tw.corpId,
        title: '新增测评',
        questionnaireId: cycle.questionnaire.id,
        versionId: cycle.questionnaire.versionId,
        dueOn: today,
        timeLimitMinutes: null,
        supervisorRating: false,
        audience: JSON.stringify({ userids: [], deptIds: [] }),
        createdBy: tw.people.hr.userid,
        createdAt: new Date(),
        remindedAt: null,
      }),
    );
    expect((await listed())[0]).toMatchObject({ id: added.id, title: '新增测评', total: 0, createdBy: { name: '何改名' } });
    await w.ds.getRepository(AssessmentCycle).delete({ corpId: tw.corpId, id: added.id });
    expect((await listed()).map((c) => c.id)).not.toContain(added.id);
    await w.ds.query('UPDATE users SET name = ? WHERE corp_id = ? AND userid = ?', [tw.people.hr.name, tw.corpId, tw.people.hr.userid]);
    await w.ds.query('UPDATE assessment_cycles SET title = ? WHERE corp_id = ? AND id = ?', [cycle.title, tw.corpId, cycle.id]);
    await w.ds.query('UPDATE questionnaires SET name = ? WHERE corp_id = ? AND id = ?', [cycle.questionnaire.name, tw.corpId, cycle.questionnaire.id]);
    expect(await detail()).toEqual(first);
  });

  it('puts the scores on the portrait with the questionnaire version, and a job model scores them', async () => {
    const admin = await as('admin');
    const model = await admin.call<{ id: number }>('POST', '/api/v1/job-models', { code: 'assessed-sales', name: '测评型大客户销售' });
    const draft = await admin.call<{ id: number }>('POST', `/api/v1/job-models/${model.body.data.id}/versions`, {
      effectiveFrom: '2020-01-01',
      definition: {
        maxMissingWeight: 0,
        dimensions: [
          { id: 'insight', label: '客户洞察', input: 'assessment.customerInsight', weight: 50, rule: { kind: 'linear', floor: 0, target: 100 } },
          { id: 'renewal', label: '长期维护', input: 'assessment.longTermMaintenance', weight: 50, rule: { kind: 'linear', floor: 0, target: 100 } },
        ],
      },
    });
    const published = await admin.call('POST', `/api/v1/job-model-versions/${draft.body.data.id}/publish`, {});
    expect(published.status).toBe(200);
    // The submissions happened in the portrait's month.
    await w.ds
      .getRepository(AssessmentResponse)
      .createQueryBuilder()
      .update()
      .set({ submittedAt: new Date('2026-06-15T02:00:00Z') })
      .where('corp_id = :c AND cycle_id = :id AND submitted_at IS NOT NULL', { c: tw.corpId, id: cycle.id })
      .execute();
    await w.jobs.enqueue('talent.recompute', { corpId: tw.corpId, period: TALENT_PERIOD }, { jobId: `talent-recompute-${tw.corpId}-${TALENT_PERIOD}-assess` });
    await (w.jobs as InProcessJobQueue).idle();

    const insight = await w.ds.getRepository(TalentMetric).findOneByOrFail({
      corpId: tw.corpId,
      userid: tw.people.wang.userid,
      period: TALENT_PERIOD,
      metric: 'assessment.customerInsight',
    });
    // The supervisor's rating counts; the row names the version and keeps both ratings.
    expect(insight.value).toBe('70');
    expect(JSON.parse(insight.detail!)).toMatchObject({ source: 'supervisor', versionId, cycleId: cycle.id, self: '100.0', supervisor: '70.0' });
    const score = await w.ds
      .getRepository(TalentMatchScore)
      .findOneByOrFail({ corpId: tw.corpId, userid: tw.people.wang.userid, period: TALENT_PERIOD, versionId: draft.body.data.id });
    const dims = (JSON.parse(score.detail) as { dimensions: { id: string; value: string | null }[] }).dimensions;
    expect(dims.find((d) => d.id === 'insight')!.value).toBe('70');
    // The portrait API lists the assessment metric after the CRM ones.
    const person = (
      await admin.call<{ portrait: { metrics: { metric: string; value: string | null }[] } }>('GET', `/api/v1/talent/people/${tw.people.wang.userid}`)
    ).body.data;
    expect(person.portrait.metrics.find((m) => m.metric === 'assessment.customerInsight')?.value).toBe('70');
  });

  it('seeds the demo cycle once, answered from each salesperson’s behaviour', async () => {
    expect(await seedDemoAssessment(w.ds, tw.corpId, TALENT_PERIOD)).toBe(true);
    expect(await seedDemoAssessment(w.ds, tw.corpId, TALENT_PERIOD)).toBe(false);
    const demo = await w.ds.getRepository(AssessmentCycle).findOneByOrFail({ corpId: tw.corpId, title: DEMO_CYCLE_TITLE });
    const sheets = await sheetsOf(demo.id);
    const portraits = await w.ds.getRepository(TalentMetric).findBy({ corpId: tw.corpId, period: TALENT_PERIOD, metric: 'bigClientMonths' });
    const self = sheets.filter((s) => s.role === 'self');
    expect(self.map((s) => s.subjectUserid).sort()).toEqual(portraits.map((p) => p.userid).sort());
    // Supervisors rated their reports on separate sheets (李四 rates 张三 and 王五, who have portraits).
    const names = new Map(Object.values(tw.people).map((p) => [p.userid, p.name]));
    expect(
      sheets
        .filter((s) => s.role === 'supervisor')
        .map((s) => `${names.get(s.raterUserid)}→${names.get(s.subjectUserid)}`)
        .sort(),
    ).toEqual(
      self
        .filter((s) => [tw.people.zhang.userid, tw.people.wang.userid].includes(s.subjectUserid))
        .map((s) => `李四→${names.get(s.subjectUserid)}`)
        .sort(),
    );
    expect(sheets.every((s) => s.submittedAt !== null && shanghaiDate(s.submittedAt).startsWith(TALENT_PERIOD))).toBe(true);
    // More months of big-client follow-up, better customer-insight answers.
    const insight = (userid: string) => Number(JSON.parse(self.find((s) => s.subjectUserid === userid)!.scores!)[0].score);
    const byMonths = [...portraits].filter((p) => p.value !== null).sort((a, b) => Number(a.value) - Number(b.value));
    expect(byMonths.length).toBeGreaterThan(1);
    expect(insight(byMonths.at(-1)!.userid)).toBeGreaterThan(insight(byMonths[0]!.userid));
  });
});
