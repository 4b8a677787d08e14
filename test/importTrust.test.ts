/**
 * Trust in imported data, over HTTP against the real server and MariaDB: HR imports only rows about people within
 * its departments (every kind, dry run and commit), references that do not exist and future dates are refused,
 * formula-like text never lands, every template downloads and opens with a real example row that an upload skips,
 * import runs and error files are seen only by who may, and the API's wording.
 */
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { buildCorp, buildCustomer, buildImportRun, grantHrScope } from './support/factories';
import { CollaborationEvent, Deal, Department, Departure, KpiImportValue, SatisfactionScore, TrainingRecord, User } from '../server/src/entities';
import { KPI_IMPORT_DEFINITION, publishKpiScheme } from './support/kpiWorld';
import { visibleUserIds } from '../server/src/modules/people/policies/peopleScope';
import { IMPORT_KINDS, type ImportDryRun, type ImportKind, type ImportKindInfo, type ImportRun } from '@liucai/shared';
import { csvFile, readCsv, readXlsx } from './fixtures/importFiles';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Envelope<T> = { ok: boolean; data: T; error: { id: string; message: string; details: unknown } };

describe('HTTP API: imports HR can trust', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let hr: TestClient;
  let admin: TestClient;
  let hr2: TestClient;
  /** In the demo HR's scope (销售中心) and not. */
  let mine: User;
  let financeHead: User;
  let kinds: ImportKindInfo[];

  beforeAll(async () => {
    w = await createTestWorld({ label: 'imptrust', employees: 60, seed: 11 });
    await syncWorld(w);
    server = await listen(w);
    const demo = w.sandbox!.demoUsers;
    const users = w.ds.getRepository(User);
    const finance = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '财务部' });
    financeHead = await users.findOneByOrFail({ corpId: w.corpId, userid: finance.managerUserids[0]! });
    const hrActor = { corpId: w.corpId, userid: demo.hr, roles: ['employee' as const, 'hr' as const], hrDeptIds: [] as number[] };
    const hrUser = await users.findOneByOrFail({ corpId: w.corpId, userid: demo.hr });
    hrActor.hrDeptIds = (await w.ds.query('SELECT dept_id FROM hr_scopes WHERE corp_id = ? AND userid = ?', [w.corpId, hrUser.userid])).map(
      (r: { dept_id: number | string }) => Number(r.dept_id),
    );
    const all = await users.find({ where: { corpId: w.corpId, status: 'active' }, order: { userid: 'ASC' } });
    const visible = await visibleUserIds(
      w.ds,
      hrActor,
      all.map((u) => u.userid),
    );
    expect(visible.has(financeHead.userid)).toBe(false);
    mine = all.find((u) => visible.has(u.userid) && u.userid !== demo.hr && !all.some((o) => o !== u && o.name === u.name))!;
    // A second HR, for 财务部 only.
    await grantHrScope(w.ds, w.corpId, financeHead.userid, [Number(finance.deptId)]);
    await buildCustomer(w.ds, w.corpId, { name: '华东精密制造有限公司', ownerUserid: mine.userid });
    await buildCustomer(w.ds, w.corpId, { name: '北方能源集团', ownerUserid: financeHead.userid });
    // A KPI scheme with an imported indicator (客户拜访, `visits`), for the KPI 指标值 kind.
    const adminActor = { corpId: w.corpId, userid: demo.admin, roles: ['employee' as const, 'admin' as const], hrDeptIds: [] };
    await publishKpiScheme(w.ds, adminActor, { code: 'kpi-import', name: '导入指标 KPI', jobTitle: null }, KPI_IMPORT_DEFINITION);
    hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    admin = new TestClient(server.url);
    await admin.signIn(demo.admin, w.corpId);
    hr2 = new TestClient(server.url);
    await hr2.signIn(financeHead.userid, w.corpId);
    kinds = (await hr.call<ImportKindInfo[]>('GET', '/api/v1/imports/kinds')).body.data;
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  async function upload<T>(c: TestClient, kind: string, mode: string, body: Buffer, name = 'file.csv', type = 'text/csv') {
    const res = await fetch(`${server.url}/api/v1/imports/${kind}?mode=${mode}`, {
      method: 'POST',
      headers: { cookie: c.cookie, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<T> };
  }
  const headersOf = (kind: ImportKind) => kinds.find((k) => k.kind === kind)!.columns.map((c) => c.header);

  /** Per kind: a row about `who` (a 工号 or name), every other cell valid. */
  const rowAbout = (kind: ImportKind, who: string, i: number): string[] => {
    switch (kind) {
      case 'deals':
        return [`HT-SCOPE-${i}`, '华东精密制造有限公司', who, '12,000', '2026-03-01', '1', '进行中'];
      case 'satisfaction':
        return [i % 2 ? '华东精密制造有限公司' : '北方能源集团', who, '9.2', `2026-03-0${i}`];
      case 'collaboration':
        return [who, '技术部', '华东精密制造有限公司', `2026-03-0${i}`];
      case 'training':
        return [who, `大客户课程${i}`, '80', '90', '2026-03-01'];
      case 'departures':
        return [who, '', `2026-03-0${i}`, '个人原因', ''];
      case 'kpiValues':
        return [who, `2026-0${i}`, 'visits', '5', ''];
    }
  };

  it('refuses every row about a person outside the HR importer’s departments, in every kind, dry run and commit', async () => {
    const countOf = {
      deals: () => w.ds.getRepository(Deal).countBy({ corpId: w.corpId, source: 'import' }),
      satisfaction: () => w.ds.getRepository(SatisfactionScore).countBy({ corpId: w.corpId, source: 'import' }),
      collaboration: () => w.ds.getRepository(CollaborationEvent).countBy({ corpId: w.corpId, source: 'import' }),
      training: () => w.ds.getRepository(TrainingRecord).countBy({ corpId: w.corpId, source: 'import' }),
      departures: () => w.ds.getRepository(Departure).countBy({ corpId: w.corpId, source: 'import' }),
      kpiValues: () => w.ds.getRepository(KpiImportValue).countBy({ corpId: w.corpId, source: 'import' }),
    };
    for (const kind of IMPORT_KINDS) {
      const file = csvFile([headersOf(kind), rowAbout(kind, mine.userid, 1), rowAbout(kind, financeHead.userid, 2)]);
      for (const mode of ['dry-run', 'commit']) {
        const res = await upload<ImportDryRun & ImportRun>(hr, kind, mode, file);
        expect({ kind, mode, status: res.status, rejected: res.body.data.rejected, created: res.body.data.created }).toEqual({
          kind,
          mode,
          status: mode === 'commit' ? 201 : 200,
          rejected: 1,
          created: 1,
        });
      }
      const dry = await upload<ImportDryRun>(hr, kind, 'dry-run', file);
      expect({ kind, errors: dry.body.data.errors }).toEqual({
        kind,
        errors: [{ row: 3, column: expect.any(String), value: expect.any(String), message: expect.stringContaining('不在你负责的部门内') }],
      });
      expect({ kind, stored: await countOf[kind]() }).toEqual({ kind, stored: 1 });
    }
    // The finance head is still employed, with no departure; an admin imports for everyone.
    expect(await w.ds.getRepository(Departure).countBy({ corpId: w.corpId, userid: financeHead.userid })).toBe(0);
    expect((await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: financeHead.userid })).status).toBe('active');
    const byAdmin = await upload<ImportRun>(admin, 'training', 'commit', csvFile([headersOf('training'), rowAbout('training', financeHead.userid, 7)]));
    expect(byAdmin.body.data).toMatchObject({ created: 1, rejected: 0 });
    // Someone DingTalk does not know: only an admin may keep the id as written.
    const stranger = csvFile([headersOf('departures'), ['X-OLD-1', '老员工', '2020-03-01', '', '']]);
    const refused = await upload<ImportDryRun>(hr, 'departures', 'dry-run', stranger);
    expect(refused.body.data.errors[0]!.message).toContain('通讯录以外的员工只能由管理员导入');
    expect((await upload<ImportDryRun>(admin, 'departures', 'dry-run', stranger)).body.data).toMatchObject({ created: 1, rejected: 0 });
  });

  it('refuses references that do not exist, future dates and formula-like text, in the dry run, writing nothing', async () => {
    const before = await w.ds.getRepository(Deal).countBy({ corpId: w.corpId, source: 'import' });
    const collab = await upload<ImportDryRun>(
      hr,
      'collaboration',
      'dry-run',
      csvFile([headersOf('collaboration'), [mine.userid, '售前技术部', '', '2026-03-01'], [mine.userid, '技术部', '不存在的客户', '2026-03-02']]),
    );
    expect(collab.body.data.errors).toEqual([
      { row: 2, column: '协作部门', value: '售前技术部', message: expect.stringMatching(/^找不到部门“售前技术部”：应为通讯录中现有的部门，如 .*技术部/) },
      { row: 3, column: '客户名称', value: '不存在的客户', message: expect.stringContaining('找不到客户“不存在的客户”') },
    ]);
    const sat = await upload<ImportDryRun>(
      hr,
      'satisfaction',
      'dry-run',
      csvFile([headersOf('satisfaction'), ['没有这个客户', mine.userid, '9', '2026-03-01']]),
    );
    expect(sat.body.data.errors[0]).toMatchObject({ column: '客户名称', message: expect.stringContaining('找不到客户') });
    const deals = await upload<ImportDryRun>(
      hr,
      'deals',
      'dry-run',
      csvFile([
        headersOf('deals'),
        ['HT-F-1', '华东精密制造有限公司', mine.userid, '1000', '2099-01-01', '', ''],
        ['HT-F-2', '=HYPERLINK("http://evil.example","点我")', mine.userid, '1000', '2026-01-01', '', ''],
      ]),
    );
    expect(deals.body.data).toMatchObject({ rows: 2, created: 0, rejected: 2 });
    expect(deals.body.data.errors).toEqual([
      { row: 2, column: '签约日期', value: '2099-01-01', message: expect.stringMatching(/^日期 2099-01-01 晚于今天（\d{4}-\d{2}-\d{2}）/) },
      { row: 3, column: '客户名称', value: '=HYPERLINK("http://evil.example","点我")', message: expect.stringContaining('会被 Excel 当作公式') },
    ]);
    // A customer the CRM does not know, on a contract: imported, with a warning HR sees before committing.
    // A refused row's warnings are not shown: its error says what is wrong.
    const unknown = await upload<ImportDryRun>(
      hr,
      'deals',
      'dry-run',
      csvFile([
        headersOf('deals'),
        ['HT-F-3', '老系统客户', mine.userid, '1000', '2026-01-01', '', ''],
        ['HT-F-4', '老系统客户', mine.userid, '1000', '2099-01-01', '', ''],
      ]),
    );
    expect(unknown.body.data).toMatchObject({ created: 1, rejected: 1, warnings: ['客户不在钉钉 CRM 中，已按所填名称导入：第 2 行'] });
    expect(await w.ds.getRepository(Deal).countBy({ corpId: w.corpId, source: 'import' })).toBe(before);
  });

  it('serves all twelve templates, which open with the headers and a real example row that an upload skips', async () => {
    for (const kind of IMPORT_KINDS) {
      const headers = headersOf(kind);
      const csv = await fetch(`${server.url}/api/v1/imports/templates/${kind}.csv`, { headers: { cookie: hr.cookie } });
      const xlsx = await fetch(`${server.url}/api/v1/imports/templates/${kind}.xlsx`, { headers: { cookie: hr.cookie } });
      expect({ kind, csv: csv.status, xlsx: xlsx.status }).toEqual({ kind, csv: 200, xlsx: 200 });
      expect(xlsx.headers.get('content-type')).toBe(XLSX);
      const csvBytes = Buffer.from(await csv.arrayBuffer());
      const xlsxBytes = Buffer.from(await xlsx.arrayBuffer());
      const fromCsv = readCsv(csvBytes);
      expect(fromCsv.bom).toBe(true);
      const fromXlsx = (await readXlsx(new Uint8Array(xlsxBytes).buffer)).map((r) => headers.map((_, i) => String(r[i] ?? '')));
      expect({ kind, rows: fromCsv.rows.length }).toEqual({ kind, rows: 2 });
      expect(fromCsv.rows[0]).toEqual(headers);
      expect(fromXlsx).toEqual(fromCsv.rows);
      // The example is real: its person is one HR may import, its department and customer exist.
      const example = Object.fromEntries(headers.map((h, i) => [h, fromCsv.rows[1]![i]!]));
      const person = example['员工'] ?? example['负责人'];
      const who = await w.ds.getRepository(User).findOne({
        where: [
          { corpId: w.corpId, name: person },
          { corpId: w.corpId, userid: person },
          { corpId: w.corpId, jobNumber: person },
        ],
      });
      expect({ kind, person, found: who !== null && who.userid !== financeHead.userid }).toEqual({ kind, person, found: true });
      if (example['协作部门']) expect(await w.ds.getRepository(Department).countBy({ corpId: w.corpId, name: example['协作部门'] })).toBe(1);
      if (example['客户名称']) expect(example['客户名称']).toBe('华东精密制造有限公司');
      // Uploaded as downloaded, the example row is skipped with a warning, never imported.
      for (const [body, type, name] of [
        [csvBytes, 'text/csv', `${kind}.csv`],
        [xlsxBytes, XLSX, `${kind}.xlsx`],
      ] as const) {
        const dry = await upload<ImportDryRun>(hr, kind, 'dry-run', body, name, type);
        expect({ kind, name, data: dry.body.data }).toMatchObject({
          kind,
          name,
          data: { rows: 0, created: 0, rejected: 0, warnings: ['模板中的示例行，已跳过（未导入）：第 2 行'] },
        });
      }
    }
    // An example row someone edited is a real row.
    const edited = csvFile([headersOf('training'), [mine.userid, '改过的课程', '100', '88', '2026-11-24']]);
    expect((await upload<ImportDryRun>(hr, 'training', 'dry-run', edited)).body.data).toMatchObject({ rows: 1, created: 1, warnings: [] });
  });

  it('knows people who left before any org sync from their departure records: an admin imports their rows, HR may not', async () => {
    // DingTalk's 离职记录 of someone the org sync never saw (no user row): the departure sync writes only this.
    await w.ds.getRepository(Departure).insert({
      corpId: w.corpId,
      source: 'dingtalk',
      sourceId: 'gone-before-sync',
      userid: 'gone-before-sync',
      name: '早走的人',
      lastDay: '2026-03-31',
      reasonType: 2,
      reason: null,
      mainDeptId: null,
      importedAt: new Date(),
    });
    expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId, userid: 'gone-before-sync' })).toBe(0);
    const rows = csvFile([headersOf('training'), ['gone-before-sync', '大客户销售方法论', '100', '81', '2026-02-10'], ['早走的人', '商务谈判', '40', '', '']]);
    const byAdmin = await upload<ImportRun>(admin, 'training', 'commit', rows, '离职员工培训.csv');
    expect(byAdmin.body.data).toMatchObject({ created: 2, rejected: 0 });
    expect(await w.ds.getRepository(TrainingRecord).countBy({ corpId: w.corpId, userid: 'gone-before-sync' })).toBe(2);
    // In no department, so outside every HR scope: refused, naming the person.
    const byHr = await upload<ImportDryRun>(hr, 'training', 'dry-run', rows);
    expect(byHr.body.data).toMatchObject({ created: 0, rejected: 2 });
    expect(byHr.body.data.errors[0]!.message).toContain('“早走的人”不在你负责的部门内');
  });

  it('shows HR only its own runs and error files; admins all of the corp; another corp’s run is 404 to everyone', async () => {
    const file = csvFile([headersOf('training'), [mine.userid, '保密课程', '50', '', ''], [financeHead.userid, '财务总监的课程', '10', '', '']]);
    const own = (await upload<ImportRun>(hr, 'training', 'commit', file, '机密.csv')).body.data;
    expect(own.rejected).toBe(1);
    const paths = [`/api/v1/imports/runs/${own.id}`, `/api/v1/imports/runs/${own.id}/errors.csv`];
    for (const p of paths) {
      expect((await fetch(`${server.url}${p}`, { headers: { cookie: hr.cookie } })).status).toBe(200);
      const other = await fetch(`${server.url}${p}`, { headers: { cookie: hr2.cookie } });
      expect({ p, status: other.status }).toEqual({ p, status: 404 });
      expect((await fetch(`${server.url}${p}`, { headers: { cookie: admin.cookie } })).status).toBe(200);
    }
    expect((await hr.call<ImportRun[]>('GET', '/api/v1/imports/runs')).body.data.map((r) => r.id)).toContain(own.id);
    expect((await hr2.call<ImportRun[]>('GET', '/api/v1/imports/runs')).body.data.map((r) => r.id)).not.toContain(own.id);
    expect((await admin.call<ImportRun[]>('GET', '/api/v1/imports/runs')).body.data.map((r) => r.id)).toContain(own.id);

    // A run of another corp, made by someone with the very same userid as our HR: only the corp tells them apart.
    const otherCorp = await buildCorp(w.ds, 'impother');
    const foreign = await buildImportRun(w.ds, otherCorp, { createdBy: w.sandbox!.demoUsers.hr, rejected: 1 });
    for (const c of [hr, admin]) {
      expect((await c.call('GET', `/api/v1/imports/runs/${foreign.id}`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/v1/imports/runs/${foreign.id}/errors.csv`, { headers: { cookie: c.cookie } })).status).toBe(404);
      expect((await c.call<ImportRun[]>('GET', '/api/v1/imports/runs')).body.data.map((r) => r.id)).not.toContain(foreign.id);
    }
  });

  it('answers in Chinese with field labels, no doubled words, no “userid”, quotes “…”', async () => {
    const kind = await hr.call('GET', '/api/v1/imports/runs?kind=salaries');
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toBe('输入有误：导入类型应为 deals、satisfaction、collaboration、training、departures、kpiValues 之一');
    const mode = await upload(hr, 'deals', 'maybe', csvFile([headersOf('deals')]));
    expect(mode.status).toBe(400);
    expect(mode.body.error.message).toBe('输入有误：模式应为 dry-run（预检，不写入）或 commit（导入）');
    const id = await hr.call('GET', '/api/v1/imports/runs/abc');
    expect(id.body.error.message).toBe('输入有误：导入记录编号应为正整数');
    const template = await hr.call('GET', '/api/v1/imports/templates/deals.pdf');
    expect(template.body.error.message).toBe('输入有误：模板文件名应为“类型.xlsx”或“类型.csv”，如 deals.xlsx');
    // Everything a dry run says about bad people, ambiguous or missing, and about bad cells.
    const bad = await upload<ImportDryRun>(
      hr,
      'training',
      'dry-run',
      csvFile([headersOf('training'), ['nobody-here', '课', '120', '', ''], [financeHead.name, '课', '80', '', '']]),
    );
    const said = [...bad.body.data.errors.map((e) => e.message), ...bad.body.data.warnings, ...kinds.flatMap((k) => k.columns.map((c) => c.hint))].join('\n');
    expect(said).toContain('找不到员工“nobody-here”');
    expect(said).not.toMatch(/userid|「|」|mode mode/i);
    // A space wherever Chinese meets Latin letters or digits (dates written the Chinese way, 2026年11月24日, aside).
    expect(said.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, '')).not.toMatch(/[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/);
  });
});
