import { z } from 'zod';

export const BeforeQuery = z.object({
  before: z.coerce.number({ message: '应为消息编号' }).int().positive({ message: '应为正整数' }).optional(),
});

export const LogQuery = BeforeQuery.extend({
  status: z
    .enum(['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed', 'recalled'], {
      message: '状态应为 pending、deferred、sending、sent、unconfirmed、failed 或 recalled',
    })
    .optional(),
});

export const IdParam = z.object({ id: z.coerce.number({ message: '应为编号' }).int().positive({ message: '应为正整数' }) });
