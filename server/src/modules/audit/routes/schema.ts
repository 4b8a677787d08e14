import { z } from 'zod';

/** Chinese names of the audit log's query fields. */
export const AUDIT_FIELD_LABELS = {
  actor: '操作人',
  action: '操作',
  targetKind: '对象类型',
  targetId: '对象编号',
  subject: '涉及员工',
  from: '开始日期',
  to: '结束日期',
  page: '页码',
  pageSize: '每页条数',
} as const;

const DAY = '应为日期 yyyy-mm-dd，如 2026-07-01';
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, DAY);
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);

export const AuditFilterSchema = z
  .object({
    actor: text(64).optional(),
    action: z
      .string()
      .trim()
      .regex(/^[a-z][A-Za-z.]{0,63}$/, '应为操作代码，如 pay.statement.read，或以“.”结尾的前缀，如 pay.run.')
      .optional(),
    targetKind: text(32).optional(),
    targetId: text(64).optional(),
    subject: text(64).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '不能早于开始日期' });
  });

const POSITIVE = '应为正整数';
export const AuditPageSchema = z.object({
  page: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(100000, '最大 100000').default(1),
  pageSize: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(200, '最大 200').default(50),
});
