import { z } from 'zod';

/** GET /api/v1/org/departments: at most one of parentId, q, all. */
export const OrgQuerySchema = z
  .object({
    parentId: z.coerce.number({ message: '部门 id 应为正整数' }).int('部门 id 应为正整数').positive('部门 id 应为正整数').optional(),
    q: z.string().trim().max(50, '搜索词最多 50 个字').optional(),
    all: z.enum(['1', 'true'], { message: 'all 应为 1' }).optional(),
  })
  .refine((v) => [v.parentId !== undefined, Boolean(v.q), v.all !== undefined].filter(Boolean).length <= 1, {
    message: 'parentId、q 与 all 只能用其中一个',
    path: ['parentId'],
  });
