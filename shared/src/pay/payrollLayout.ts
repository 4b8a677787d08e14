/**
 * The payroll export of a published payout run, its documented layout (README “发放批次与工资表导出”):
 *
 * Summary (CSV, and the .xlsx sheet 汇总), one row per person:
 *   工号 | 姓名 | 钉钉账号 | 部门 | 发放月份 | 激励合计（元） | 激励合计（分） | 明细
 * Lines (the .xlsx sheet 明细), one row per statement line:
 *   工号 | 姓名 | 发放月份 | 序号 | 项目 | 类别 | 金额（元） | 金额（分） | 比例 | 说明
 *
 * Amounts in yuan are plain text with exactly two decimals and no thousands separators (`9300.00`, `-1200.00`), so
 * an ERP reads them exactly; the fen column is the same amount as an integer. 发放月份 is yyyy-mm. 明细 lists the
 * lines as `项目 金额；项目 金额`.
 */
export const PAYROLL_SUMMARY_COLUMNS = ['工号', '姓名', '钉钉账号', '部门', '发放月份', '激励合计（元）', '激励合计（分）', '明细'] as const;
export const PAYROLL_LINE_COLUMNS = ['工号', '姓名', '发放月份', '序号', '项目', '类别', '金额（元）', '金额（分）', '比例', '说明'] as const;

const ORIGIN_NAMES = { plan: '方案', clawback: '追回', adjustment: '调整' } as const;

/** Fen as plain yuan with two decimals, exact: 930000 → "9300.00", -5 → "-0.05". */
export function fenToPlainYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not whole fen: ${fen}`);
  const abs = BigInt(Math.abs(fen));
  return `${fen < 0 ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export interface PayrollPerson {
  jobNumber: string | null;
  name: string;
  userid: string;
  department: string | null;
  period: string;
  totalFen: number;
  lines: { seq: number; label: string; origin: keyof typeof ORIGIN_NAMES; amountFen: number; rate: string | null; explanation: string }[];
}

/** The person's summary row, in PAYROLL_SUMMARY_COLUMNS order. */
export function payrollSummaryRow(p: PayrollPerson): string[] {
  return [
    p.jobNumber ?? '',
    p.name,
    p.userid,
    p.department ?? '',
    p.period,
    fenToPlainYuan(p.totalFen),
    String(p.totalFen),
    p.lines.map((l) => `${l.label} ${fenToPlainYuan(l.amountFen)}`).join('；'),
  ];
}

/** The person's line rows, in PAYROLL_LINE_COLUMNS order. */
export function payrollLineRows(p: PayrollPerson): string[][] {
  return p.lines.map((l) => [
    p.jobNumber ?? '',
    p.name,
    p.period,
    String(l.seq),
    l.label,
    ORIGIN_NAMES[l.origin],
    fenToPlainYuan(l.amountFen),
    String(l.amountFen),
    l.rate ?? '',
    l.explanation,
  ]);
}
