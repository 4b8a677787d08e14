import { z } from 'zod';
import { IMPORT_KINDS } from '@liucai/shared';

export const ImportModeSchema = z.object({
  mode: z.enum(['dry-run', 'commit'], { message: '应为 dry-run（预检，不写入）或 commit（导入）' }).default('dry-run'),
});

export const ImportRunsQuerySchema = z.object({
  kind: z.enum(IMPORT_KINDS, { message: `应为 ${IMPORT_KINDS.join('、')} 之一` }).optional(),
});

export const ImportRunIdSchema = z.object({ id: z.coerce.number({ message: '应为导入记录编号' }).int().positive('应为导入记录编号') });

export const TemplateFileSchema = z.object({
  file: z.string().regex(/^[a-z]+\.(xlsx|csv)$/, '模板文件名应为 <类型>.xlsx 或 <类型>.csv'),
});
