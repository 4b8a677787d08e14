import { z } from 'zod';

export const BeforeQuery = z.object({
  before: z.coerce.number({ message: '应为消息编号' }).int().positive({ message: '应为正整数' }).optional(),
});

export const LogQuery = BeforeQuery.extend({
  status: z
    .enum(['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed', 'recalled'], {
      message: '应为 pending、deferred、sending、sent、unconfirmed、failed 或 recalled',
    })
    .optional(),
});

export const IdParam = z.object({ id: z.coerce.number({ message: '应为编号' }).int().positive({ message: '应为正整数' }) });

/** Chinese names of the fields, for error messages (“状态应为…”). */
export const NOTIFY_FIELD_LABELS = { before: '翻页位置', status: '状态', id: '编号' } as const;
