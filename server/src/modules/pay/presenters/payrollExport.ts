/**
 * The payroll file of a published run (layout: shared/src/pay/payrollLayout.ts): CSV (the summary, UTF-8 with BOM)
 * or .xlsx (sheets 汇总 and 明细, every cell text so Excel keeps 工号 and amounts exactly as written).
 */
import { In, type DataSource } from 'typeorm';
import { PAYROLL_LINE_COLUMNS, PAYROLL_SUMMARY_COLUMNS, payrollLineRows, payrollSummaryRow, type PayrollPerson } from '@liucai/shared';
import { Department, PayoutLine, PayoutStatement, User, type PayoutRun } from '../../../entities';
import { CSV_BOM } from '../../imports/csvWriter';
import { safeCell, textWorkbook } from '../../imports/xlsxWriter';

/** Everyone of the run, by department name then 工号 / account. */
export async function payrollPeople(ds: DataSource, run: PayoutRun): Promise<PayrollPerson[]> {
  const corpId = run.corpId;
  const statements = await ds.getRepository(PayoutStatement).find({ where: { corpId, runId: run.id } });
  const lines = await ds.getRepository(PayoutLine).find({ where: { corpId, runId: run.id }, order: { seq: 'ASC' } });
  const ids = statements.map((s) => s.userid);
  const users = new Map<string, User>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const u of await ds.getRepository(User).find({ where: { corpId, userid: In(ids.slice(i, i + 1000)) } })) users.set(u.userid, u);
  }
  const deptIds = [
    ...new Set(
      statements
        .map((s) => s.deptId)
        .filter((d): d is number => d !== null)
        .map(Number),
    ),
  ];
  const depts = deptIds.length ? await ds.getRepository(Department).find({ where: { corpId, deptId: In(deptIds) }, select: { deptId: true, name: true } }) : [];
  const deptName = new Map(depts.map((d) => [Number(d.deptId), d.name]));
  const linesOf = new Map<number, PayoutLine[]>();
  for (const l of lines) linesOf.set(l.statementId, [...(linesOf.get(l.statementId) ?? []), l]);
  return statements
    .map((s) => {
      const u = users.get(s.userid);
      return {
        jobNumber: u?.jobNumber ?? null,
        name: u?.name ?? s.userid,
        userid: s.userid,
        department: s.deptId === null ? null : (deptName.get(Number(s.deptId)) ?? null),
        period: run.period,
        totalFen: Number(s.totalFen),
        lines: (linesOf.get(s.id) ?? []).map((l) => ({
          seq: l.seq,
          label: l.label,
          origin: l.origin,
          amountFen: Number(l.amountFen),
          rate: l.rate,
          explanation: l.explanation,
        })),
      };
    })
    .sort((a, b) => (a.department ?? '').localeCompare(b.department ?? '', 'zh') || (a.jobNumber ?? a.userid).localeCompare(b.jobNumber ?? b.userid));
}

/** A CSV cell: amounts stay as written (a leading minus is a number, not a formula); any other text is neutralised. */
function cell(v: string): string {
  const safe = safeCell(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const line = (cells: readonly string[]) => `${cells.map(cell).join(',')}\r\n`;

export function payrollCsv(people: PayrollPerson[]): string {
  return CSV_BOM + line(PAYROLL_SUMMARY_COLUMNS) + people.map((p) => line(payrollSummaryRow(p))).join('');
}

export function payrollXlsx(people: PayrollPerson[]): Promise<Buffer> {
  const wide = ['明细', '说明'];
  return textWorkbook([
    { name: '汇总', header: PAYROLL_SUMMARY_COLUMNS, rows: people.map(payrollSummaryRow), wide },
    { name: '明细', header: PAYROLL_LINE_COLUMNS, rows: people.flatMap(payrollLineRows), wide },
  ]);
}
