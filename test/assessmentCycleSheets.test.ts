/**
 * 测评管理's cycle view without reading every sheet: GET /api/v1/assessment-cycles/:id counts completion in SQL
 * (submitted, in progress, not started; by the subject's main department) and answers one page of sheets filtered by
 * status, department and name. On a factory-built cycle the counts equal counting the full list paged through, HR
 * scoped to departments sees only the sheets of its people, and bad filters answer 400 naming the field.
 */
import { BIG_CLIENT_SALES_QUESTIONNAIRE, type CycleDetail, type CycleSheetLine, type CycleSummary, type QuestionnaireView } from '@liucai/shared';
import { AssessmentResponse } from '../server/src/entities';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildUser, clientAs, grantHrScope } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';

describe('assessment cycle detail: SQL counts and paged sheets', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let cycle: CycleSummary;
  let techHr: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'cyclesheets', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'cs');
    // More people: eight in 大客户部 (in HR 周九's scope), five in 财务部 and none in 技术部 (outside it).
    for (let i = 0; i < 8; i++)
      await buildUser(w.ds, tw.corpId, { name: `客户经理${i}`, deptIds: [tw.depts.keyAccount.deptId], supervisorUserid: tw.people.lead.userid });
    for (let i = 0; i < 5; i++) await buildUser(w.ds, tw.corpId, { name: `会计${i}`, deptIds: [tw.depts.finance.deptId] });
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });

    const admin = await clientAs(w.ds, server.url, tw.people.admin);
    const bank = (await admin.call<QuestionnaireView[]>('GET', '/api/v1/questionnaires')).body.data.find(
      (q) => q.code === BIG_CLIENT_SALES_QUESTIONNAIRE.code,
    )!;
    const launched = await admin.call<CycleSummary>('POST', '/api/v1/assessment-cycles', {
      versionId: bank.versions[0]!.id,
      title: '分页测评',
      deptIds: [tw.depts.root.deptId],
      dueOn: shanghaiDate(new Date()),
      supervisorRating: true,
    });
    expect(launched.status).toBe(201);
    cycle = launched.body.data;
    // Every third sheet submitted (with scores), every third opened, the rest never opened.
    const sheets = await w.ds.getRepository(AssessmentResponse).find({ where: { corpId: tw.corpId, cycleId: cycle.id }, order: { id: 'ASC' } });
    const scores = JSON.stringify([{ dimension: 'customerInsight', label: '客户洞察', score: '80.0' }]);
    for (const [i, s] of sheets.entries()) {
      if (i % 3 === 0) await w.ds.getRepository(AssessmentResponse).update({ id: s.id }, { startedAt: new Date(), submittedAt: new Date(), scores });
      else if (i % 3 === 1) await w.ds.getRepository(AssessmentResponse).update({ id: s.id }, { startedAt: new Date() });
    }
    // HR of 技术部, which nobody in the cycle belongs to (added after the launch, so not in it either).
    techHr = await buildUser(w.ds, tw.corpId, { name: '技术HR', deptIds: [tw.depts.tech.deptId] });
    await grantHrScope(w.ds, tw.corpId, techHr.userid, [tw.depts.tech.deptId]);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);

  /** Every sheet the caller is shown, paging through with `pageSize`. */
  async function allSheets(client: Awaited<ReturnType<typeof as>>, query: string, pageSize: number) {
    const out: CycleSheetLine[] = [];
    let first: CycleDetail | null = null;
    for (let page = 1; page < 100; page++) {
      const res = await client.call<CycleDetail>('GET', `/api/v1/assessment-cycles/${cycle.id}?pageSize=${pageSize}&page=${page}${query}`);
      expect(res.status).toBe(200);
      first ??= res.body.data;
      expect(res.body.data.sheets.items.length).toBeLessThanOrEqual(pageSize);
      out.push(...res.body.data.sheets.items);
      if (page * pageSize >= res.body.data.sheets.total) break;
    }
    return { detail: first!, sheets: out };
  }

  /** The counts as the full list gives them. */
  function counted(sheets: CycleSheetLine[]) {
    const by = (st: string) => sheets.filter((s) => s.status === st).length;
    const depts = new Map<number | null, { total: number; submitted: number; inProgress: number }>();
    for (const s of sheets) {
      const d = depts.get(s.deptId) ?? { total: 0, submitted: 0, inProgress: 0 };
      d.total++;
      if (s.status === 'submitted') d.submitted++;
      if (s.status === 'inProgress') d.inProgress++;
      depts.set(s.deptId, d);
    }
    return {
      totals: { total: sheets.length, submitted: by('submitted'), inProgress: by('inProgress'), notStarted: by('notStarted') },
      departments: [...depts].map(([deptId, c]) => ({ deptId, ...c })).sort((a, b) => String(a.deptId).localeCompare(String(b.deptId))),
    };
  }
  const deptCounts = (d: CycleDetail) =>
    d.departments
      .map(({ deptId, total, submitted, inProgress }) => ({ deptId, total, submitted, inProgress }))
      .sort((a, b) => String(a.deptId).localeCompare(String(b.deptId)));

  it('counts completion in SQL exactly as counting every sheet, for an admin (everyone)', async () => {
    const { detail, sheets } = await allSheets(await as('admin'), '', 7);
    const rows = await w.ds.getRepository(AssessmentResponse).find({ where: { corpId: tw.corpId, cycleId: cycle.id } });
    expect(sheets.map((s) => s.responseId).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
    const c = counted(sheets);
    expect({ total: detail.total, submitted: detail.submitted, inProgress: detail.inProgress, notStarted: detail.notStarted }).toEqual(c.totals);
    expect(deptCounts(detail)).toEqual(c.departments);
    expect(c.totals.submitted).toBe(rows.filter((r) => r.submittedAt).length);
    expect(c.totals.inProgress).toBeGreaterThan(0);
    expect(c.totals.notStarted).toBeGreaterThan(0);
    // Pages in a stable order by subject name, a person's own sheet before the supervisor's rating of them.
    const names = sheets.map((s) => `${s.subject.name}:${s.role}`);
    expect(new Set(names).size).toBe(names.length);
    // Submitted sheets carry their scores, the others none.
    expect(sheets.filter((s) => s.status === 'submitted').every((s) => s.scores?.[0]?.score === '80.0' && s.submittedAt)).toBe(true);
    expect(sheets.filter((s) => s.status !== 'submitted').every((s) => s.scores === null && s.submittedAt === null)).toBe(true);
  });

  it('shows HR scoped to departments only the sheets of its people, the counts agreeing', async () => {
    const { detail, sheets } = await allSheets(await as('hr'), '', 5);
    const inScope = new Set([tw.depts.sales.deptId, tw.depts.keyAccount.deptId]);
    expect(sheets.length).toBeGreaterThan(0);
    // Its departments' people, and HR itself (the people scope always holds oneself).
    expect(sheets.every((s) => (s.deptId !== null && inScope.has(s.deptId)) || s.subject.userid === tw.people.hr.userid)).toBe(true);
    expect(sheets.some((s) => s.subject.name.startsWith('会计'))).toBe(false);
    const c = counted(sheets);
    expect({ total: detail.total, submitted: detail.submitted, inProgress: detail.inProgress, notStarted: detail.notStarted }).toEqual(c.totals);
    expect(deptCounts(detail)).toEqual(c.departments);
    // The cycle list agrees.
    const list = (await (await as('hr')).call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data;
    expect(list.find((x) => x.id === cycle.id)).toMatchObject({ total: detail.total, submitted: detail.submitted });
    // HR of a department with nobody in the cycle does not see it, in the list either.
    const tech = await clientAs(w.ds, server.url, techHr);
    expect((await tech.call('GET', `/api/v1/assessment-cycles/${cycle.id}`)).status).toBe(404);
    expect((await tech.call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data.some((x) => x.id === cycle.id)).toBe(false);
    // An admin's list counts every sheet.
    const all = (await (await as('admin')).call<CycleSummary[]>('GET', '/api/v1/assessment-cycles')).body.data.find((x) => x.id === cycle.id);
    const rows = await w.ds.getRepository(AssessmentResponse).find({ where: { corpId: tw.corpId, cycleId: cycle.id } });
    expect(all).toMatchObject({ total: rows.length, submitted: rows.filter((r) => r.submittedAt).length });
  });

  it('filters by status, department and name on the server', async () => {
    const hr = await as('hr');
    const full = await allSheets(hr, '', 200);
    for (const status of ['submitted', 'inProgress', 'notStarted'] as const) {
      const got = await allSheets(hr, `&status=${status}`, 4);
      expect(got.sheets.map((s) => s.responseId).sort()).toEqual(
        full.sheets
          .filter((s) => s.status === status)
          .map((s) => s.responseId)
          .sort(),
      );
      // The summary stays the cycle's, whatever the filter.
      expect(got.detail.total).toBe(full.detail.total);
    }
    const byDept = await allSheets(hr, `&deptId=${tw.depts.keyAccount.deptId}`, 200);
    expect(byDept.sheets.length).toBe(full.sheets.filter((s) => s.deptId === tw.depts.keyAccount.deptId).length);
    const named = await allSheets(hr, `&q=${encodeURIComponent('客户经理3')}`, 200);
    expect(named.sheets.map((s) => `${s.subject.name}:${s.role}`).sort()).toEqual(['客户经理3:self', '客户经理3:supervisor']);
    // An admin looking for 会计 finds them; HR (out of scope) finds nobody.
    expect((await allSheets(await as('admin'), `&q=${encodeURIComponent('会计')}`, 200)).sheets.length).toBe(5);
    expect((await allSheets(hr, `&q=${encodeURIComponent('会计')}`, 200)).sheets.length).toBe(0);
    const bad = await hr.call('GET', `/api/v1/assessment-cycles/${cycle.id}?status=done&pageSize=500`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('状态');
    expect(JSON.stringify(bad.body)).toContain('每页条数');
  });
});
