import { z } from 'zod';
import { IMPORT_KINDS } from '@liucai/shared';

/** Chinese names of the fields below, for validation messages ("模式应为…"). */
export const IMPORT_FIELD_LABELS = { mode: '模式', kind: '导入类型', id: '导入记录编号', file: '模板文件名' } as const;

// Messages say only what was expected: validate() puts the field's label in front.
export const ImportModeSchema = z.object({
  mode: z.enum(['dry-run', 'commit'], { message: '应为 dry-run（预检，不写入）或 commit（导入）' }).default('dry-run'),
});

export const ImportRunsQuerySchema = z.object({
  kind: z.enum(IMPORT_KINDS, { message: `应为 ${IMPORT_KINDS.join('、')} 之一` }).optional(),
});

export const ImportRunIdSchema = z.object({ id: z.coerce.number({ message: '应为正整数' }).int('应为正整数').positive('应为正整数') });

export const TemplateFileSchema = z.object({
  file: z.string().regex(/^[a-zA-Z]+\.(xlsx|csv)$/, '应为“类型.xlsx”或“类型.csv”，如 deals.xlsx'),
});
