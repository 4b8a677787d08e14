import { z } from 'zod';

export const RETENTION_FIELD_LABELS = { band: '风险等级', page: '页码', pageSize: '每页条数', userid: '员工', outcome: '复核结论', note: '备注' } as const;

const POSITIVE = '应为正整数';

export const RiskListQuerySchema = z.object({
  band: z.enum(['高', '中', '低', 'none'], { message: '应为“高”“中”“低”或 none（暂无等级）' }).optional(),
  page: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).default(1),
  pageSize: z.coerce
    .number({ message: '应为 1 到 100 的整数' })
    .int('应为 1 到 100 的整数')
    .min(1, '应为 1 到 100 的整数')
    .max(100, '应为 1 到 100 的整数')
    .default(50),
});

export const UseridParamSchema = z.object({ userid: z.string().min(1, '不能为空').max(64, '最多 64 个字符') });

export const ReviewBodySchema = z.object({
  outcome: z.enum(['已沟通', '误报'], { message: '应为“已沟通”或“误报”' }),
  note: z.string({ message: '必填：写下沟通情况或误报原因，最多 500 个字' }).trim().min(1, '必填：写下沟通情况或误报原因').max(500, '最多 500 个字'),
});
