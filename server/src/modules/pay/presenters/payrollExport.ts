/**
 * The payroll file of a published run (layout: shared/src/pay/payrollLayout.ts): CSV (the summary, UTF-8 with BOM)
 * or .xlsx (sheets 汇总 and 明细, every cell text so Excel keeps 工号 and amounts exactly as written).
 */
import { In, type DataSource } from 'typeorm';
import { compareZh, zh, PAYROLL_LINE_COLUMNS, PAYROLL_SUMMARY_COLUMNS, payrollLineRows, payrollSummaryRow, type PayrollPerson } from '@liucai/shared';
import { Department, PayoutLine, PayoutStatement, User, type PayoutRun } from '../../../entities';
import type { TableSheet } from '../../../util/tableFile';

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
    .sort((a, b) => compareZh(a.department ?? '', b.department ?? '') || (a.jobNumber ?? a.userid).localeCompare(b.jobNumber ?? b.userid));
}

/** The run's two tables: 汇总 (the CSV holds only this one) and 明细. */
export function payrollSheets(people: PayrollPerson[]): TableSheet[] {
  return [
    { name: '汇总', header: PAYROLL_SUMMARY_COLUMNS, rows: people.map(payrollSummaryRow), wide: ['明细'] },
    { name: '明细', header: PAYROLL_LINE_COLUMNS, rows: people.flatMap(payrollLineRows), wide: ['说明'] },
  ];
}

/** The payroll file's names (ASCII for old clients, and Chinese). */
export const payrollFileName = (run: Pick<PayoutRun, 'id' | 'period'>) => ({
  asciiName: `payroll-${run.period}-${run.id}`,
  name: zh`工资表-${run.period}-批次 ${run.id}`,
});
