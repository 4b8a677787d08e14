import { z } from 'zod';

/** Chinese names of the talent API's fields, for validation messages. */
export const TALENT_FIELD_LABELS = {
  versionId: '岗位模型版本',
  inputs: '各维度输入',
  period: '月份',
  userid: '员工',
  jobModelId: '岗位模型',
} as const;

const POSITIVE = '应为正整数';
export const VersionIdParamSchema = z.object({ versionId: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE) });

/** POST /api/v1/job-models/:versionId/preview: dimension id → value (number or decimal text; null = 数据不足). */
export const PreviewBodySchema = z.object({
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()]), { message: '应为对象：维度编号 → 数值（缺数据填 null）' }),
});

export const ReviewQuerySchema = z.object({
  period: z
    .string({ message: '应为月份 yyyy-mm，如 2026-07' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 yyyy-mm，如 2026-07')
    .optional(),
  jobModelId: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).optional(),
});
