import { z } from 'zod';
import { CYCLE_SHEET_STATUSES } from '@liucai/shared';

/** Chinese names of the assessment API's fields, for validation messages. */
export const ASSESSMENT_FIELD_LABELS = {
  id: '编号',
  versionId: '问卷版本',
  title: '测评名称',
  userids: '员工',
  deptIds: '部门',
  dueOn: '截止日期',
  timeLimitMinutes: '答题限时（分钟）',
  supervisorRating: '主管评价',
  answers: '答案',
  status: '状态',
  deptId: '部门',
  q: '搜索',
  page: '页码',
  pageSize: '每页条数',
} as const;

const POSITIVE = '应为正整数';
export const IdParamSchema = z.object({ id: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE) });

export const CycleLaunchSchema = z.object({
  versionId: z.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE),
  title: z.string({ message: '应为 1 到 100 个字' }).trim().min(1, '应为 1 到 100 个字').max(100, '应为 1 到 100 个字'),
  userids: z
    .array(z.string({ message: '应为钉钉账号' }).min(1, '应为钉钉账号').max(64, '应为钉钉账号'), { message: '应为钉钉账号列表' })
    .max(10_000, '一次最多 10000 人')
    .optional(),
  deptIds: z
    .array(z.number({ message: '应为部门编号' }).int('应为部门编号').positive('应为部门编号'), { message: '应为部门编号列表' })
    .max(500, '一次最多 500 个部门')
    .optional(),
  dueOn: z.string({ message: '应为日期 yyyy-mm-dd' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应为日期 yyyy-mm-dd，如 2026-12-31'),
  timeLimitMinutes: z
    .number({ message: '应为 5 到 240 的整数' })
    .int('应为 5 到 240 的整数')
    .min(5, '应为 5 到 240 的整数')
    .max(240, '应为 5 到 240 的整数')
    .nullish(),
  supervisorRating: z.boolean({ message: '应为 true 或 false' }).optional(),
});

export const AnswersBodySchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()]), { message: '应为对象：题目编号 → 答案' }),
});
export const SubmitBodySchema = AnswersBodySchema.partial();

/** GET /api/v1/assessment-cycles/:id's query: a page of the sheets (50 by default), filtered by status, department, name. */
export const CycleSheetsQuerySchema = z.object({
  status: z.enum(CYCLE_SHEET_STATUSES, { message: '应为 submitted、inProgress 或 notStarted' }).optional(),
  deptId: z.coerce.number({ message: '应为部门编号（0：未分配部门）' }).int('应为部门编号（0：未分配部门）').min(0, '应为部门编号（0：未分配部门）').optional(),
  q: z
    .string({ message: '应为 1 到 50 个字' })
    .trim()
    .max(50, '应为 1 到 50 个字')
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(100000, '最大 100000').default(1),
  pageSize: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(200, '应为 1 到 200').default(50),
});
