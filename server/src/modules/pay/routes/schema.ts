import { z } from 'zod';

/** Chinese names of the pay API's fields, for validation messages ("生效日期应为…"). */
export const PAY_FIELD_LABELS = {
  id: '编号',
  code: '编号',
  name: '名称',
  description: '说明',
  jobTitle: '职位',
  effectiveFrom: '生效日期',
  effectiveTo: '截止日期',
  note: '备注',
  definition: '方案定义',
  planId: '激励方案',
  userid: '员工',
  deptId: '部门',
  planVersionId: '方案版本',
  date: '日期',
  period: '发放月份',
  lineId: '申诉的明细行',
  reason: '申诉理由',
  expectedAmountCny: '期望金额',
  decision: '处理方式',
  amountCny: '调整金额',
  status: '状态',
  format: '文件格式',
} as const;

const POSITIVE = '应为正整数';
const positiveId = z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE);
const DAY = '应为日期 yyyy-mm-dd，如 2026-07-01';

export const IdParamSchema = z.object({ id: positiveId });

export const RuleCreateSchema = z.object({
  code: z
    .string({ message: '必填，应为 1 到 64 位英文字母、数字、- 或 _' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, '应为 1 到 64 位英文字母、数字、- 或 _'),
  name: z.string({ message: '必填，应为 1 到 100 个字' }).trim().min(1, '必填，应为 1 到 100 个字').max(100, '最多 100 个字'),
  description: z.string({ message: '应为文字' }).trim().max(500, '最多 500 个字').nullish(),
  jobTitle: z.string({ message: '应为职位名称' }).trim().min(1, '不能为空').max(100, '最多 100 个字').nullish(),
});

export const VersionBodySchema = z.object({
  effectiveFrom: z.string({ message: DAY }),
  effectiveTo: z.string({ message: '应为日期 yyyy-mm-dd 或留空（长期有效）' }).nullish(),
  note: z.string({ message: '应为文字' }).trim().max(500, '最多 500 个字').nullish(),
  definition: z.unknown().optional(),
});

export const CopyBodySchema = z.object({
  effectiveFrom: z.string({ message: DAY }).optional(),
  effectiveTo: z.string({ message: '应为日期 yyyy-mm-dd 或留空（长期有效）' }).nullish(),
  note: z.string({ message: '应为文字' }).trim().max(500, '最多 500 个字').nullish(),
});

export const AssignmentBodySchema = z
  .object({
    planId: positiveId,
    userid: z.string({ message: '应为员工的钉钉账号' }).trim().min(1).max(64).optional(),
    jobTitle: z.string({ message: '应为职位名称' }).trim().min(1, '不能为空').max(100, '最多 100 个字').optional(),
    deptId: positiveId.optional(),
    effectiveFrom: z.string({ message: DAY }),
    effectiveTo: z.string({ message: '应为日期 yyyy-mm-dd 或留空（长期有效）' }).nullish(),
  })
  .superRefine((v, ctx) => {
    const person = v.userid !== undefined;
    const job = v.jobTitle !== undefined || v.deptId !== undefined;
    if (person === job) ctx.addIssue({ code: 'custom', path: ['userid'], message: '请指定一位员工，或同时指定职位与部门（二选一）' });
    else if (job && (v.jobTitle === undefined || v.deptId === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.jobTitle === undefined ? 'jobTitle' : 'deptId'], message: '按职位分配时，职位与部门都要填写' });
    }
  });

export const AssignmentsQuerySchema = z.object({
  userid: z.string().trim().min(1).max(64).optional(),
  planId: positiveId.optional(),
});

export const PersonPlanQuerySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, DAY)
    .optional(),
});

/** The simulator's fields are read by the shared `simulationInputFrom`; only the version is checked here. */
export const SimulateBodySchema = z.object({
  planVersionId: z.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE).optional(),
  contractValueCny: z.unknown().optional(),
  satisfaction: z.unknown().optional(),
  renewalYears: z.unknown().optional(),
  coordinations: z.unknown().optional(),
  bookedBeforeCny: z.unknown().optional(),
});

const PERIOD = '应为 yyyy-mm，如 2026-11';
/** Payout runs: create (a month and a department), and the list's filter. */
export const PayoutRunCreateSchema = z.object({
  period: z.string({ message: PERIOD }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, PERIOD),
  deptId: positiveId,
});
export const PayoutRunsQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, PERIOD)
    .optional(),
});
export const RunStatementParamsSchema = z.object({ id: positiveId, userid: z.string().trim().min(1).max(64) });
export const UseridParamSchema = z.object({ userid: z.string().trim().min(1).max(64) });

const AMOUNT = '应为金额（元），如 1600 或 “1,600.00”';
/** An employee's dispute of a line. */
export const DisputeBodySchema = z.object({
  lineId: positiveId,
  reason: z.string({ message: '必填，请说明申诉理由（1 到 500 个字）' }).trim().min(1, '必填，请说明申诉理由（1 到 500 个字）').max(500, '最多 500 个字'),
  expectedAmountCny: z.union([z.string(), z.number()], { message: AMOUNT }),
});
/** HR's answer to a dispute. */
export const DisputeResolveSchema = z.object({
  decision: z.enum(['adjust', 'reject'], { message: '应为 adjust（调整）或 reject（驳回）' }),
  note: z.string({ message: '必填，请写明处理理由（1 到 500 个字）' }).trim().min(1, '必填，请写明处理理由（1 到 500 个字）').max(500, '最多 500 个字'),
  amountCny: z.union([z.string(), z.number()], { message: AMOUNT }).optional(),
});
export const DisputesQuerySchema = z.object({ status: z.enum(['open', 'adjusted', 'rejected'], { message: '应为 open、adjusted 或 rejected' }).optional() });

/** The payroll file's format. */
export const PayrollQuerySchema = z.object({ format: z.enum(['csv', 'xlsx'], { message: '应为 csv 或 xlsx' }).default('csv') });

/** The open API's payroll format: the tables as JSON, or the same files as the export. */
export const OpenPayrollQuerySchema = z.object({ format: z.enum(['json', 'csv', 'xlsx'], { message: '应为 json、csv 或 xlsx' }).default('json') });

/** A new open-API token. */
export const ApiTokenCreateSchema = z.object({ name: z.string({ message: '必填' }).trim().min(1, '必填').max(60, '最多 60 个字') });
