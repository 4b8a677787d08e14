import { z } from 'zod';
import { MONTH_PERIOD, NINE_BOX_CELL_KEYS, QUARTER_PERIOD, TALENT_REVIEW_SORTS, type NineBoxCellKey, type TalentReviewSort } from '@liucai/shared';

/** Chinese names of the talent API's fields, for validation messages. */
export const TALENT_FIELD_LABELS = {
  versionId: '岗位模型版本',
  inputs: '各维度输入',
  period: '月份',
  userid: '员工',
  jobModelId: '岗位模型',
  kind: '决定',
  tier: '档位',
  reason: '理由',
  format: '格式',
  id: '计算任务',
  departmentId: '部门',
  q: '搜索',
  decision: 'HR 决定',
  sort: '排序',
  excludeSelf: '不含自己',
  page: '页码',
  pageSize: '每页人数',
  cell: '九宫格格子',
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

/** GET /api/v1/talent/review: the month and job model, the 人才盘点 page's filters, the order and the page. */
export const ReviewListQuerySchema = ReviewQuerySchema.extend({
  tier: z.enum(['move', 'train', 'reassign', 'insufficient'], { message: '应为 move、train、reassign 或 insufficient（数据不足）' }).optional(),
  departmentId: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).optional(),
  q: z.string({ message: '应为文字' }).max(50, '最多 50 个字').optional(),
  decision: z.enum(['decided', 'undecided'], { message: '应为 decided（已决定）或 undecided（未决定）' }).optional(),
  sort: z.enum(TALENT_REVIEW_SORTS as [TalentReviewSort, ...TalentReviewSort[]], { message: '应为 score_desc、score_asc 或 name' }).default('score_desc'),
  excludeSelf: z
    .enum(['1', 'true', '0', 'false'], { message: '应为 1 或 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  page: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(100000, '最大 100000').default(1),
  pageSize: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).max(200, '最大 200').default(50),
});

/** GET /api/v1/talent/review/nine-box: the month and job model; with `cell`, one page of that cell's people. */
export const NineBoxQuerySchema = ReviewQuerySchema.extend({
  cell: z.enum(NINE_BOX_CELL_KEYS as [NineBoxCellKey, ...NineBoxCellKey[]], { message: '应为档位-业绩，如 move-high（立即转型、业绩高）' }).optional(),
  page: ReviewListQuerySchema.shape.page,
  pageSize: ReviewListQuerySchema.shape.pageSize,
});

export const ReviewExportQuerySchema = ReviewQuerySchema.extend({
  format: z.enum(['xlsx', 'csv'], { message: '应为 xlsx 或 csv' }).default('xlsx'),
});

const PORTRAIT_PERIOD_HINT = '应为月份 yyyy-mm（如 2026-07）或季度 yyyyQn（如 2026Q3）';
/** A portrait's period: a month or a quarter (shared talentPeriod.ts). */
export const PortraitPeriodSchema = z
  .string({ message: PORTRAIT_PERIOD_HINT })
  .refine((p) => MONTH_PERIOD.test(p) || QUARTER_PERIOD.test(p), PORTRAIT_PERIOD_HINT);

/** GET /api/v1/talent/people/:userid: the portrait of a period, or the newest of a kind (months by default). */
export const PersonQuerySchema = z.object({
  period: PortraitPeriodSchema.optional(),
  kind: z.enum(['month', 'quarter'], { message: '应为 month（月度）或 quarter（季度）' }).optional(),
});
export const PERSON_QUERY_LABELS = { period: '画像周期', kind: '画像周期' } as const;

/** POST /api/v1/talent/people/:userid/decisions: agree with the suggested tier, or override it (tier and reason). */
export const DecisionBodySchema = z.object({
  period: z
    .string({ message: '应为月份 yyyy-mm，如 2026-07' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 yyyy-mm，如 2026-07')
    .optional(),
  jobModelId: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).optional(),
  kind: z.enum(['agree', 'override'], { message: '应为 agree（同意建议）或 override（调整）' }),
  tier: z.enum(['move', 'train', 'reassign'], { message: '应为 move（立即转型）、train（先培训）或 reassign（调岗）' }).nullish(),
  reason: z.string({ message: '应为文字' }).nullish(),
});

/** POST /api/v1/talent/recomputes: the month to recompute (default: the last complete month). */
export const RecomputeBodySchema = z.object({ period: ReviewQuerySchema.shape.period });
export const RecomputeIdParamSchema = z.object({ id: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE) });
