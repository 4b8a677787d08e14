import { PAYROLL_SUMMARY_COLUMNS, fenToPlainYuan, payrollLineRows, payrollSummaryRow, type PayrollPerson } from './payrollLayout';

const person: PayrollPerson = {
  jobNumber: 'S-007',
  name: '张三',
  userid: 'zhangsan',
  department: '一组',
  period: '2026-11',
  totalFen: 160_000,
  lines: [
    { seq: 1, label: '合同提成', origin: 'plan', amountFen: 120_000, rate: '0.8%', explanation: '合同金额 150,000.00 元 × 0.8% = 1,200.00 元' },
    { seq: 2, label: '申诉调整', origin: 'adjustment', amountFen: 40_005, rate: null, explanation: '补发' },
    { seq: 3, label: '追回：满意度奖金', origin: 'clawback', amountFen: -5, rate: null, explanation: '追回' },
  ],
};

describe('payroll layout', () => {
  it('writes yuan exactly with two decimals and no separators, either sign', () => {
    expect([930_000, 0, 5, -5, -120_000, 123_456_789].map(fenToPlainYuan)).toEqual(['9300.00', '0.00', '0.05', '-0.05', '-1200.00', '1234567.89']);
    expect(() => fenToPlainYuan(1.5)).toThrow();
  });
  it('gives one summary row per person and one row per line, in the documented columns', () => {
    const row = payrollSummaryRow(person);
    expect(row).toHaveLength(PAYROLL_SUMMARY_COLUMNS.length);
    expect(row).toEqual(['S-007', '张三', 'zhangsan', '一组', '2026-11', '1600.00', '160000', '合同提成 1200.00；申诉调整 400.05；追回：满意度奖金 -0.05']);
    expect(payrollLineRows(person).map((r) => [r[3], r[5], r[6], r[7]])).toEqual([
      ['1', '方案', '1200.00', '120000'],
      ['2', '调整', '400.05', '40005'],
      ['3', '追回', '-0.05', '-5'],
    ]);
  });
});
