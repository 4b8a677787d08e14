/** 转型看板 labels, definitions (what the page's “?” and the export's 定义 sheet say) and the export's rows. */
import { formatOutcomeRatio, type OutcomeCell, type OutcomeMetric } from './dashboard';
import type { OutcomesDashboard } from './api';

export const OUTCOME_METRIC_INFO: Record<OutcomeMetric, { label: string; definition: string }> = {
  headcount: { label: '月初人数', definition: '当月 1 日在职的人数（当月入职的不计入）。' },
  turnover: { label: '月离职率', definition: '当月最后工作日在本月的人数 ÷ 月初人数。' },
  annualTurnover: {
    label: '年化离职率',
    definition: '近 12 个月（已存的月份）离职人数 × 12 ÷ 这些月份月初人数之和；文章的目标是从 35% 降到 25%。',
  },
  retention: { label: '月留存率', definition: '月初在职且月末仍在职的人数 ÷ 月初人数。' },
  retention12: { label: '12 个月留存率', definition: '11 个月前那个月 1 日在职的人中，到本月月末仍在职的比例；更早的月份没有数据时为数据不足。' },
  bigShare: {
    label: '大客户收入占比',
    definition: '当月签约且计入业绩的合同（不含已取消、钉钉已删除的）中，大客户合同金额 ÷ 全部金额；按合同负责人归属。文章的目标是从 10% 提到 30%。',
  },
  newHireTargets: {
    label: '新人 3 个月达标率',
    definition:
      '当月入职的人中，入职后 3 个完整月内任一月匹配度 ≥ 80（立即转型）的人数 ÷ 这 3 个月有评分的人数；3 个月都没有评分的单列为数据不足，尚未满 3 个月的不计入。',
  },
  training: { label: '培训完成率', definition: '月末在职的人的培训记录中，月末前已完成的门数 ÷ 全部门数。' },
  tier: { label: '人才分层', definition: '月末在职的人当月的匹配度分层（第一个岗位模型）：立即转型 ≥ 80，先培训 60 到 80，调岗 < 60；未评分单列。' },
  risk: { label: '离职风险分布', definition: '月末在职的人当月最后一周的风险等级；只统计你负责部门内的人，不含你本人。' },
};

const count = (n: number) => String(n);

/** The export's main sheet: one row per group and month, every number as shown on the page. */
export const OUTCOME_EXPORT_COLUMNS = [
  '分组',
  '月份',
  '月初人数',
  '离职人数',
  '月离职率',
  '年化离职率',
  '月留存率',
  '12 个月留存率',
  '大客户收入占比',
  '新人 3 个月达标率',
  '新人数据不足',
  '培训完成率',
  '立即转型',
  '先培训',
  '调岗',
  '未评分',
  '高风险',
  '中风险',
  '低风险',
  '未评估',
] as const;

export function outcomeExportRow(group: string, month: string, c: OutcomeCell): string[] {
  return [
    group,
    month,
    count(c.headcount),
    count(c.turnover.num),
    formatOutcomeRatio(c.turnover),
    formatOutcomeRatio(c.annualTurnover),
    formatOutcomeRatio(c.retention),
    formatOutcomeRatio(c.retention12),
    formatOutcomeRatio(c.bigShare),
    formatOutcomeRatio(c.newHireTargets),
    count(c.newHireTargets.unknown),
    formatOutcomeRatio(c.training),
    count(c.tiers.move),
    count(c.tiers.train),
    count(c.tiers.reassign),
    count(c.tiers.none),
    count(c.risk.高),
    count(c.risk.中),
    count(c.risk.低),
    count(c.risk.none),
  ];
}

export function outcomeExportRows(d: OutcomesDashboard): string[][] {
  return d.groups.flatMap((g) => d.months.map((m) => outcomeExportRow(g.label, m, d.cells[g.key]![m]!)));
}
