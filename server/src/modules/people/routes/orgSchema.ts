import { z } from 'zod';

/** GET /api/v1/org/departments: at most one of parentId, q, all. */
export const OrgQuerySchema = z
  .object({
    parentId: z.coerce.number({ message: '应为正整数' }).int('应为正整数').positive('应为正整数').optional(),
    q: z.string().trim().max(50, '最多 50 个字').optional(),
    all: z.enum(['1', 'true'], { message: '应为 1' }).optional(),
  })
  .refine((v) => [v.parentId !== undefined, Boolean(v.q), v.all !== undefined].filter(Boolean).length <= 1, {
    message: '不能与 parentId 或 all 同时使用',
    path: ['q'],
  });

/** The Chinese names of the query's fields in error messages. */
export const ORG_QUERY_LABELS = { parentId: '上级部门', q: '搜索词', all: 'all' } as const;
