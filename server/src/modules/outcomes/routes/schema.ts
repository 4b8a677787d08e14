import { z } from 'zod';
import { ATMOSPHERE_PAGE_SIZE, OUTCOME_METRICS } from '@liucai/shared';

export const OUTCOMES_FIELD_LABELS = {
  by: '分组方式',
  metric: '指标',
  month: '月份',
  group: '分组',
  key: '分层或风险等级',
  page: '页码',
  pageSize: '每页条数',
} as const;

const BY = z.enum(['all', 'dept', 'tier'], { message: '应为 all（全部）、dept（按部门）或 tier（按分层）' }).default('all');

export const DashboardQuerySchema = z.object({ by: BY });

export const PeopleQuerySchema = z.object({
  metric: z.enum(OUTCOME_METRICS, { message: `应为 ${OUTCOME_METRICS.join('、')} 之一` }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 yyyy-mm，如 2026-11'),
  group: z
    .string()
    .regex(/^(all|dept:(\d+|none)|tier:(move|train|reassign|none))$/, '应为 all、dept:<部门编号>、tier:move、tier:train、tier:reassign 或 tier:none')
    .default('all'),
  key: z
    .enum(['move', 'train', 'reassign', 'none', '高', '中', '低'], { message: '应为分层（move/train/reassign/none）或风险等级（高/中/低/none）' })
    .optional(),
});

export const AtmosphereQuerySchema = z.object({
  page: z.coerce.number({ message: '应为正整数' }).int('应为正整数').min(1, '应为正整数').default(1),
  pageSize: z.coerce
    .number({ message: '应为 1 到 100 的整数' })
    .int('应为 1 到 100 的整数')
    .min(1, '应为 1 到 100 的整数')
    .max(100, '应为 1 到 100 的整数')
    .default(ATMOSPHERE_PAGE_SIZE),
});
