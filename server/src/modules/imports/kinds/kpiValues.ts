import { KpiImportValue } from '../../../entities';
import { decimal, month, person, text } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/** The ref of an indicator column: checked against the month's schemes in `rowCheck` (the month is another cell). */
const indicatorId = () => ({ ...text(64), hint: '数据来源为“导入数据”的 KPI 指标编号（见 KPI 方案）', ref: 'kpiIndicator' as const });

/**
 * KPI 指标值: the value of a KPI indicator whose source is “导入数据”, one per person, month and indicator (a later
 * file updates it). The monthly KPI scoring reads it (`import:<row id>`); the months a file changes are scored again.
 */
export const kpiValuesKind = defineKind({
  kind: 'kpiValues',
  label: 'KPI 指标值',
  keyDescription: '员工 + 月份 + 指标编号',
  entity: KpiImportValue,
  columns: {
    employee: required('员工', person(), '张伟'),
    period: required('月份', month(), '2026-11'),
    indicatorId: required('指标编号', indicatorId(), 'visits'),
    value: required('数值', decimal(4), '12.5', ['值', '指标值']),
    note: optional('说明', text(500), '客户拜访记录汇总', ['备注']),
  },
  key: (v) => [v.employee.userid, v.period, v.indicatorId],
  toRow: (v) => ({ userid: v.employee.userid, period: v.period, indicatorId: v.indicatorId, value: v.value, note: v.note }),
  compare: ['userid', 'period', 'indicatorId', 'value', 'note'],
  updateColumns: ['userid', 'period', 'indicator_id', 'value', 'note'],
  rowCheck: (v, ctx) => {
    const message = ctx.kpiIndicators.problem(v.period, v.indicatorId, ctx.today);
    return message ? { column: '指标编号', message } : null;
  },
  period: (row) => row.period,
});
