import { z } from 'zod';
import { PEOPLE_PAGE_SIZE_MAX, PEOPLE_SORT_KEYS, PEOPLE_STATUS_FILTERS } from '@liucai/shared';

/** An empty query value (`?q=`) means "not given". */
const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);
const day = z.preprocess(
  blankAsMissing,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 yyyy-mm-dd，例如 2026-01-31')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效日期')
    .optional(),
);
const SORTS = [...PEOPLE_SORT_KEYS, ...PEOPLE_SORT_KEYS.map((k) => `-${k}` as const)] as const;

/** Paging of every list: page from 1, up to 100 rows a page. */
export const PageSchema = z.object({
  page: z.preprocess(blankAsMissing, z.coerce.number({ message: '应为页码（从 1 开始的整数）' }).int('应为整数').min(1, '应为从 1 开始的整数').default(1)),
  pageSize: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ message: `应为每页条数（1 到 ${PEOPLE_PAGE_SIZE_MAX}）` })
      .int('应为整数')
      .min(1, `应为 1 到 ${PEOPLE_PAGE_SIZE_MAX}`)
      .max(PEOPLE_PAGE_SIZE_MAX, `应为 1 到 ${PEOPLE_PAGE_SIZE_MAX}`)
      .default(20),
  ),
});

/** GET /api/v1/people */
export const PeopleQuerySchema = PageSchema.extend({
  q: z.preprocess(blankAsMissing, z.string().trim().max(50, '搜索内容最多 50 个字').optional()),
  status: z.preprocess(blankAsMissing, z.enum(PEOPLE_STATUS_FILTERS, { message: '应为 active（在职）、left（离职）或 all（全部）' }).default('active')),
  deptId: z.preprocess(blankAsMissing, z.coerce.number({ message: '应为部门编号' }).int('应为部门编号').positive('应为部门编号').optional()),
  supervisor: z.preprocess(blankAsMissing, z.string().max(64, '应为员工账号').optional()),
  hiredFrom: day,
  hiredTo: day,
  sort: z.preprocess(blankAsMissing, z.enum(SORTS, { message: `应为 ${PEOPLE_SORT_KEYS.join('、')} 之一（前加 - 为倒序）` }).default('name')),
}).refine((v) => !v.hiredFrom || !v.hiredTo || v.hiredFrom <= v.hiredTo, { message: '入职日期的开始不能晚于结束', path: ['hiredFrom'] });
