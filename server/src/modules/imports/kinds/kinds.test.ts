import { IMPORT_KIND_DEFS } from '.';
import { PersonDirectory } from '../personDirectory';
import { CustomerDirectory, DepartmentDirectory } from '../referenceDirectories';
import { WarningLog } from '../warningLog';
import { matchHeaders } from '../headerMatcher';
import { parseRow } from '../rowParser';
import type { CellValue } from '../cellValue';
import type { ImportKindDef } from '../importKind';
import { KpiIndicatorDirectory } from '../kpiIndicatorDirectory';
import type { KpiScheme, KpiSchemeVersion } from '../../../entities';

const people = new PersonDirectory([
  { userid: 'u-zhang1', name: '张伟', jobNumber: 'A001', status: 'active', mainDeptId: 10 },
  { userid: 'u-zhang2', name: '张伟', jobNumber: 'A002', status: 'left', mainDeptId: 11 },
  { userid: 'u-li', name: '李娜', jobNumber: 'A003', status: 'active', mainDeptId: 12 },
]);

const departments = new DepartmentDirectory([
  { deptId: 1, parentId: null, name: '公司' },
  { deptId: 2, parentId: 1, name: '技术部' },
  { deptId: 3, parentId: 1, name: '销售中心' },
  { deptId: 4, parentId: 3, name: '一组' },
  { deptId: 5, parentId: 2, name: '一组' },
]);
const customers = new CustomerDirectory([
  { name: '华东精密', ownerUserid: 'u-li' },
  { name: '华东', ownerUserid: 'u-zhang1' },
  { name: '无主客户', ownerUserid: null },
]);
const TODAY = '2026-12-05';
/** One KPI scheme in force from 2026-06: 拜访 and 投诉 imported, 销售额 from the CRM. */
const indicator = (id: string, label: string, source: string, weight: number) => ({
  id,
  label,
  group: 'individual',
  weight,
  source,
  measure: label,
  unit: '次',
  target: 10,
  scoring: { kind: 'threshold' },
});
const kpiIndicators = new KpiIndicatorDirectory(
  [{ id: 1, jobTitle: null } as KpiScheme],
  [
    {
      id: 11,
      schemeId: 1,
      status: 'published',
      effectiveFrom: '2026-06-01',
      effectiveTo: null,
      definition: JSON.stringify({
        indicators: [indicator('visits', '客户拜访', 'import', 50), indicator('complaints', '投诉', 'import', 20), indicator('sales', '销售额', 'crm', 30)],
        passScore: 60,
      }),
    } as unknown as KpiSchemeVersion,
  ],
);

function row(def: ImportKindDef, record: Record<string, CellValue>, rowNo = 2, dir = people) {
  const headers = Object.keys(record);
  const map = matchHeaders(def, headers);
  const warnings = new WarningLog();
  const ctx = { people: dir, departments, customers, kpiIndicators, today: TODAY, warnings, row: rowNo };
  return { result: parseRow(def, map, { row: rowNo, cells: Object.values(record) }, ctx), warnings };
}

describe('import kinds: row validation', () => {
  const deals = IMPORT_KIND_DEFS.deals;
  const goodDeal = { 合同编号: 'HT-1', 客户名称: '华东精密', 负责人: '李娜', '合同金额(元)': '150,000', 签约日期: '2026/11/24' };

  it('deals: the worked example lands exactly, with defaults', () => {
    const { result } = row(deals, goodDeal);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(deals.toRow(result.values)).toEqual({
        customerName: '华东精密',
        ownerUserid: 'u-li',
        amountFen: 15_000_000,
        signedOn: '2026-11-24',
        renewalYears: 0,
        status: 'active',
      });
  });

  it('deals: every bad cell is named with row, column, value and what was expected', () => {
    const { result } = row(deals, { ...goodDeal, 负责人: '张伟', '合同金额(元)': '15.555', 签约日期: '2026-02-30', 续约年限: '-1', 状态: '搁置' }, 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byColumn = Object.fromEntries(result.errors.map((e) => [e.column, e]));
    expect(result.errors.every((e) => e.row === 7)).toBe(true);
    expect(byColumn['负责人']!.message).toContain('姓名“张伟”对应 2 人');
    expect(byColumn['负责人']!.message).toContain('u-zhang1');
    expect(byColumn['负责人']!.message).toContain('已离职');
    expect(byColumn['合同金额(元)']).toMatchObject({ value: '15.555', message: expect.stringContaining('最多两位小数') });
    expect(byColumn['签约日期']!.message).toBe('日期不存在：2026-02-30');
    expect(byColumn['续约年限']!.message).toBe('应为 0 到 100 的整数');
    expect(byColumn['状态']!.message).toBe('应为进行中、已完成、已取消之一');
  });

  it('deals: people by 工号 or userid, required cells, formula and error cells', () => {
    expect(row(deals, { ...goodDeal, 负责人: 'A002' }).result).toMatchObject({ ok: true, values: { owner: { userid: 'u-zhang2' } } });
    const { result } = row(deals, { ...goodDeal, 客户名称: '  ', '合同金额(元)': { formula: 'SUM(A1:A3)' }, 签约日期: { error: '#N/A' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.column, e.message])).toEqual([
      ['客户名称', '必填：应为客户名称（最好与钉钉 CRM 中一致），最多 200 个字'],
      ['合同金额(元)', '公式单元格：请粘贴为数值'],
      ['签约日期', expect.stringContaining('单元格是错误值 #N/A')],
    ]);
  });

  it('satisfaction: score in tenths, one decimal at most', () => {
    const def = IMPORT_KIND_DEFS.satisfaction;
    const ok = row(def, { 客户名称: '华东', 评分: 9.2, 调查日期: '2026年11月24日' }).result;
    expect(ok.ok && def.toRow(ok.values)).toEqual({ customerName: '华东', ownerUserid: null, scoreTenths: 92, surveyedOn: '2026-11-24' });
    const bad = row(def, { 客户名称: '华东', 评分: '9.25', 调查日期: '2026-11-24' }).result;
    expect(!bad.ok && bad.errors[0]).toMatchObject({ column: '评分', message: '应为 0 到 10 的评分，最多一位小数' });
    expect(row(def, { 客户名称: '华东', 评分: '10.5', 调查日期: '2026-11-24' }).result.ok).toBe(false);
  });

  it('collaboration: the key is employee + department + customer + date', () => {
    const def = IMPORT_KIND_DEFS.collaboration;
    const r = row(def, { 员工: 'A001', 协作部门: '技术部', 日期: new Date(Date.UTC(2026, 10, 24)) }).result;
    expect(r.ok && def.key(r.values)).toEqual(['u-zhang1', '技术部', '', '2026-11-24']);
    const unknown = row(def, { 员工: 'nobody', 协作部门: '售前', 日期: '2026-11-24' }).result;
    expect(!unknown.ok && unknown.errors[0]!.message).toContain('找不到员工“nobody”');
  });

  it('training: completion accepts 85 and 85%, exam score is optional', () => {
    const def = IMPORT_KIND_DEFS.training;
    const r = row(def, { 员工: 'u-li', 课程: '大客户销售', '完成度(%)': '85%' }).result;
    expect(r.ok && def.toRow(r.values)).toEqual({ userid: 'u-li', course: '大客户销售', completionPercent: 85, examScore: null, completedOn: null });
    const bad = row(def, { 员工: 'u-li', 课程: '大客户销售', '完成度(%)': '120', 考试成绩: '8.5' }).result;
    expect(!bad.ok && bad.errors.map((e) => e.column)).toEqual(['完成度(%)', '考试成绩']);
  });

  it('departures: reason types by number or name; an unknown id is kept as the userid with a warning', () => {
    const def = IMPORT_KIND_DEFS.departures;
    const known = row(def, { 员工: 'A003', 最后工作日: '2026.11.24', 离职原因类型: '发展原因' }).result;
    expect(known.ok && def.toRow(known.values)).toEqual({ userid: 'u-li', name: '李娜', lastDay: '2026-11-24', reasonType: 3, reason: null, mainDeptId: 12 });
    const { result, warnings } = row(def, { 员工: 'X9999', 姓名: '王芳', 最后工作日: '2020-03-01', 离职原因类型: 9 }, 5);
    expect(result.ok && def.toRow(result.values)).toMatchObject({ userid: 'X9999', name: '王芳', reasonType: 9 });
    expect(warnings.list()).toEqual(['员工不在通讯录中，已按所填钉钉账号或工号原样保存：第 5 行']);
    const notAnId = row(def, { 员工: '赵六', 最后工作日: '2020-03-01' }).result;
    expect(notAnId.ok).toBe(false);
    const badType = row(def, { 员工: 'A003', 最后工作日: '2020-03-01', 离职原因类型: '10' }).result;
    expect(!badType.ok && badType.errors[0]!.message).toContain('家庭原因');
  });

  it('every kind lists its columns with an example that itself parses', () => {
    for (const def of Object.values(IMPORT_KIND_DEFS)) {
      const example = Object.fromEntries(def.columns.map((c) => [c.spec.header, c.spec.example]));
      const dir = new PersonDirectory([
        { userid: 'u-zw', name: '张伟', jobNumber: 'A0123', status: 'active', mainDeptId: 1 },
        { userid: 'u-ln', name: '李娜', jobNumber: 'A0124', status: 'active', mainDeptId: 1 },
      ]);
      const r = row(def, { ...example, ...(example['客户名称'] ? { 客户名称: '华东精密' } : {}) }, 2, dir).result;
      expect({ kind: def.kind, ok: r.ok, errors: r.ok ? [] : r.errors }).toEqual({ kind: def.kind, ok: true, errors: [] });
    }
  });
});

describe('import kinds: scope, references, dates and formula-like text', () => {
  // HR whose scope holds 李娜 only: 张伟 (both of them) are outside it.
  const hrPeople = new PersonDirectory(
    [
      { userid: 'u-zhang1', name: '张伟', jobNumber: 'A001', status: 'active', mainDeptId: 10 },
      { userid: 'u-li', name: '李娜', jobNumber: 'A003', status: 'active', mainDeptId: 12 },
    ],
    { all: false, userids: new Set(['u-li']) },
  );

  it('refuses a row about a person outside the importer’s scope, in every kind that names one', () => {
    const cases: [keyof typeof IMPORT_KIND_DEFS, Record<string, CellValue>, string][] = [
      ['deals', { 合同编号: 'HT-9', 客户名称: '华东精密', 负责人: 'A001', '合同金额(元)': '1', 签约日期: '2026-01-01' }, '负责人'],
      ['satisfaction', { 客户名称: '华东精密', 负责人: 'A001', 评分: '9', 调查日期: '2026-01-01' }, '负责人'],
      ['collaboration', { 员工: 'A001', 协作部门: '技术部', 日期: '2026-01-01' }, '员工'],
      ['training', { 员工: 'A001', 课程: '大客户', '完成度(%)': '80' }, '员工'],
      ['departures', { 员工: 'A001', 最后工作日: '2026-01-01' }, '员工'],
      ['kpiValues', { 员工: 'A001', 月份: '2026-11', 指标编号: 'visits', 数值: '3' }, '员工'],
    ];
    for (const [kind, record, column] of cases) {
      const r = row(IMPORT_KIND_DEFS[kind], record, 4, hrPeople).result;
      expect({ kind, errors: r.ok ? [] : r.errors }).toEqual({
        kind,
        errors: [{ row: 4, column, value: 'A001', message: expect.stringContaining('“张伟”不在你负责的部门内') }],
      });
      // The same row about 李娜 passes, and an admin (default scope: everyone) may import 张伟.
      const inScope = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === 'A001' ? 'A003' : v]));
      expect({ kind, ok: row(IMPORT_KIND_DEFS[kind], inScope, 4, hrPeople).result.ok }).toEqual({ kind, ok: true });
      expect({ kind, ok: row(IMPORT_KIND_DEFS[kind], record, 4).result.ok }).toEqual({ kind, ok: true });
    }
  });

  it('departures: only an importer who sees everyone may keep an id nobody has', () => {
    const r = row(IMPORT_KIND_DEFS.departures, { 员工: 'X9999', 最后工作日: '2020-03-01' }, 3, hrPeople).result;
    expect(!r.ok && r.errors[0]!.message).toContain('通讯录以外的员工只能由管理员导入');
  });

  it('satisfaction without 负责人 belongs to the customer’s CRM owner', () => {
    const def = IMPORT_KIND_DEFS.satisfaction;
    expect(row(def, { 客户名称: '华东精密', 评分: '9', 调查日期: '2026-01-01' }, 2, hrPeople).result.ok).toBe(true); // owner 李娜
    const other = row(def, { 客户名称: '华东', 评分: '9', 调查日期: '2026-01-01' }, 2, hrPeople).result; // owner 张伟
    expect(!other.ok && other.errors[0]).toMatchObject({ column: '客户名称', value: '华东', message: expect.stringContaining('不在你负责的部门内') });
    const nobody = row(def, { 客户名称: '无主客户', 评分: '9', 调查日期: '2026-01-01' }, 2, hrPeople).result;
    expect(!nobody.ok && nobody.errors[0]).toMatchObject({ column: '负责人', message: expect.stringContaining('没有负责人') });
    expect(row(def, { 客户名称: '无主客户', 负责人: '李娜', 评分: '9', 调查日期: '2026-01-01' }, 2, hrPeople).result.ok).toBe(true);
  });

  it('refuses customers and departments that do not exist; a repeated department name asks for its path', () => {
    const sat = row(IMPORT_KIND_DEFS.satisfaction, { 客户名称: '不存在的公司', 评分: '9', 调查日期: '2026-01-01' }).result;
    expect(!sat.ok && sat.errors[0]).toMatchObject({ column: '客户名称', message: expect.stringContaining('找不到客户“不存在的公司”') });
    const collab = IMPORT_KIND_DEFS.collaboration;
    const dept = row(collab, { 员工: 'A003', 协作部门: '售前技术部', 客户名称: '不存在的公司', 日期: '2026-01-01' }).result;
    expect(!dept.ok && dept.errors.map((e) => [e.column, e.message])).toEqual([
      ['协作部门', '找不到部门“售前技术部”：应为通讯录中现有的部门，如 技术部、销售中心'],
      ['客户名称', expect.stringContaining('找不到客户“不存在的公司”')],
    ]);
    const twice = row(collab, { 员工: 'A003', 协作部门: '一组', 日期: '2026-01-01' }).result;
    expect(!twice.ok && twice.errors[0]!.message).toContain('对应 2 个部门：销售中心/一组、技术部/一组');
    const byPath = row(collab, { 员工: 'A003', 协作部门: '销售中心 / 一组', 日期: '2026-01-01' }).result;
    expect(byPath.ok && collab.toRow(byPath.values)).toMatchObject({ withDepartment: '一组' });
  });

  it('deals: a customer the CRM does not know is imported with a warning', () => {
    const { result, warnings } = row(
      IMPORT_KIND_DEFS.deals,
      { 合同编号: 'HT-9', 客户名称: '老系统客户', 负责人: 'A003', '合同金额(元)': '1', 签约日期: '2026-01-01' },
      6,
    );
    expect(result.ok).toBe(true);
    expect(warnings.list()).toEqual(['客户不在钉钉 CRM 中，已按所填名称导入：第 6 行']);
  });

  it('refuses dates after today, saying so', () => {
    const r = row(IMPORT_KIND_DEFS.deals, { 合同编号: 'HT-9', 客户名称: '华东精密', 负责人: 'A003', '合同金额(元)': '1', 签约日期: '2099-01-01' }).result;
    expect(!r.ok && r.errors[0]).toMatchObject({
      column: '签约日期',
      message: '日期 2099-01-01 晚于今天（2026-12-05）：导入的是已经发生的记录，应为今天或以前的日期',
    });
    expect(row(IMPORT_KIND_DEFS.deals, { 合同编号: 'HT-9', 客户名称: '华东精密', 负责人: 'A003', '合同金额(元)': '1', 签约日期: TODAY }).result.ok).toBe(true);
  });

  it('refuses text a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","点我")', '+cmd|calc', '-2+3', '@SUM(A1)', '\t=1+1']) {
      const r = row(IMPORT_KIND_DEFS.training, { 员工: 'A003', 课程: bad, '完成度(%)': '80' }).result;
      expect({ bad, message: !r.ok && r.errors[0]!.message }).toEqual({ bad, message: expect.stringContaining('会被 Excel 当作公式') });
    }
  });

  it('cuts an echoed value to a short preview with “…”', () => {
    const r = row(IMPORT_KIND_DEFS.training, { 员工: 'A003', 课程: 'x'.repeat(5000), '完成度(%)': '80' }).result;
    expect(!r.ok && r.errors[0]!.value).toBe(`${'x'.repeat(199)}…`);
    expect(!r.ok && r.errors[0]!.message).toContain('太长（5000 个字）');
  });
});

describe('import kinds: KPI 指标值', () => {
  const def = IMPORT_KIND_DEFS.kpiValues;
  const good = { 员工: '李娜', 月份: '2026-11', 指标编号: 'visits', 数值: '12.5', 说明: '拜访记录汇总' };

  it('reads person, month, indicator and an exact value; the key is person + month + indicator', () => {
    const { result } = row(def, good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(def.toRow(result.values)).toEqual({ userid: 'u-li', period: '2026-11', indicatorId: 'visits', value: '12.5', note: '拜访记录汇总' });
    expect(def.key(result.values)).toEqual(['u-li', '2026-11', 'visits']);
    const values = (cells: Record<string, CellValue>) => {
      const r = row(def, { ...good, ...cells }).result;
      return r.ok ? def.toRow(r.values) : r.errors;
    };
    expect(values({ 月份: '2026年6月', 数值: '-1,234.5000', 说明: '' })).toMatchObject({ period: '2026-06', value: '-1234.5', note: null });
    expect(values({ 月份: '2026/12', 数值: '85%', 指标编号: 'complaints' })).toMatchObject({ period: '2026-12', value: '85', indicatorId: 'complaints' });
    expect(values({ 月份: new Date('2026-09-01T00:00:00Z'), 数值: 7.25 })).toMatchObject({ period: '2026-09', value: '7.25' });
  });

  it('refuses a month in another format or after the current one, naming the expected format', () => {
    for (const bad of ['11月', '2026-13', '2026-11-05x', 'abc']) {
      const r = row(def, { ...good, 月份: bad }).result;
      expect({ bad, errors: !r.ok && r.errors.map((e) => [e.column, e.message]) }).toEqual({
        bad,
        errors: [['月份', '月份格式不对：应为月份，格式为 yyyy-mm（如 2026-11），也可写 2026/11']],
      });
    }
    const future = row(def, { ...good, 月份: '2027-01' }).result;
    expect(!future.ok && future.errors[0]!.message).toBe('月份 2027-01 晚于本月（2026-12）：只能导入本月或以前月份的数据');
    const decimals = row(def, { ...good, 数值: '1.23456' }).result;
    expect(!decimals.ok && decimals.errors[0]).toMatchObject({ column: '数值', message: '小数位太多：应为数值，最多 4 位小数，可为负数' });
  });

  it('refuses an indicator that is not imported in that month, listing the valid ids', () => {
    const unknown = row(def, { ...good, 指标编号: 'sales' }).result;
    expect(!unknown.ok && unknown.errors).toEqual([
      {
        row: 2,
        column: '指标编号',
        value: 'sales',
        message: '指标编号“sales”不是 2026-11 生效的 KPI 方案中数据来源为“导入数据”的指标：应为 complaints（投诉）、visits（客户拜访）之一',
      },
    ]);
    const before = row(def, { ...good, 月份: '2026-05' }).result;
    expect(!before.ok && before.errors[0]!.message).toContain('2026-05 生效的 KPI 方案中没有数据来源为“导入数据”的指标');
  });
});
