import { z } from 'zod';
import { PULSE_CADENCES, PULSE_MEASURES } from '@liucai/shared';

/** Chinese names of the pulse API's fields, for validation messages. */
export const PULSE_FIELD_LABELS = {
  id: '编号',
  title: '调查名称',
  deptId: '团队（部门）',
  cadence: '频率',
  dueOn: '截止日期',
  questions: '题目',
  answers: '答案',
} as const;

const POSITIVE = '应为正整数';
export const PulseIdParamSchema = z.object({ id: z.coerce.number({ message: POSITIVE }).int(POSITIVE).positive(POSITIVE) });

export const PulseSurveySchema = z.object({
  title: z.string({ message: '应为 1 到 100 个字' }).trim().min(1, '应为 1 到 100 个字').max(100, '应为 1 到 100 个字'),
  deptId: z.number({ message: '应为部门编号' }).int('应为部门编号').positive('应为部门编号'),
  cadence: z.enum(PULSE_CADENCES as [string, ...string[]], { message: '应为 once（仅一次）、biweekly（每两周）或 monthly（每月）' }),
  dueOn: z.string({ message: '应为日期 yyyy-mm-dd' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应为日期 yyyy-mm-dd，如 2026-12-31'),
  // An empty list passes here and is refused by validatePulseQuestions with its own message (调查没有题目…).
  questions: z
    .array(
      z.object({
        id: z.string({ message: '应为题目编号' }),
        measure: z.enum(PULSE_MEASURES as [string, ...string[]], { message: `应为 ${PULSE_MEASURES.join('、')} 之一` }),
        text: z.string({ message: '应为题干' }),
        required: z.boolean().optional(),
      }),
      { message: '应为题目列表' },
    )
    .max(50, '最多 50 道题')
    .optional(),
});

export const PulseAnswerSchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.null()]), { message: '应为对象：题目编号 → 答案' }),
});
