import Router from '@koa/router';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { validate } from '../../../middleware/validate';
import { CallbackCryptoError } from '../../../dingtalk/callbackCrypto';
import { takeInEvent } from '../commands/dingtalkEventIntake';
import type { AppDeps, AppState } from '../../../appTypes';

const QuerySchema = z.object({
  // The event-subscription console sends msg_signature/timestamp; the older register_call_back API signature/timeStamp.
  msg_signature: z.string().min(1).optional(),
  signature: z.string().min(1).optional(),
  timestamp: z.string().min(1).optional(),
  timeStamp: z.string().min(1).optional(),
  nonce: z.string({ message: '需要 nonce' }).min(1),
});
const BodySchema = z.object({ encrypt: z.string({ message: '需要加密的事件 encrypt' }).min(1) });

/** Where DingTalk posts events (the event subscription's URL). */
export const DINGTALK_CALLBACK_PATH = '/dingtalk/callback';

/**
 * DingTalk HTTP callback (event subscription): verify the signature, decrypt, record the event once, enqueue a
 * targeted re-sync, and answer the encrypted "success" DingTalk requires within 1.5 s.
 */
export function dingtalkCallbackRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>();
  r.post(DINGTALK_CALLBACK_PATH, async (ctx) => {
    const crypto = deps.callbackCrypto;
    if (!crypto && !deps.config.events.http) {
      throw new AppError('callback_not_configured', `HTTP 回调未启用 (DINGTALK_EVENT_MODE=${deps.config.events.mode})`, 404);
    }
    if (!crypto) throw new AppError('callback_not_configured', '未配置钉钉事件订阅 (DINGTALK_CALLBACK_TOKEN / DINGTALK_CALLBACK_AES_KEY)', 404);
    const q = validate(QuerySchema, ctx.query);
    const { encrypt } = validate(BodySchema, ctx.request.body);
    const signature = q.msg_signature ?? q.signature;
    const timestamp = q.timestamp ?? q.timeStamp;
    if (!signature || !timestamp) {
      throw new AppError('validation_error', '缺少签名参数 msg_signature 或 timestamp', 400, [
        { field: signature ? 'timestamp' : 'msg_signature', message: '必填' },
      ]);
    }
    let plain: string;
    try {
      plain = crypto.open({ signature, timestamp, nonce: q.nonce, encrypt });
    } catch (err) {
      if (err instanceof CallbackCryptoError) throw new AppError('callback_rejected', `钉钉回调校验失败: ${err.message}`, 403, { reason: err.reason });
      throw err;
    }
    let event: unknown;
    try {
      event = JSON.parse(plain);
    } catch {
      throw new AppError('callback_rejected', '钉钉回调内容不是 JSON', 400, { reason: 'format' });
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      throw new AppError('callback_rejected', '钉钉回调内容不是对象', 400, { reason: 'format' });
    const outcome = await takeInEvent(deps, deps.corp.corpId, 'http', event as Record<string, unknown>);
    ctx.state.log.info({ eventType: (event as { EventType?: unknown }).EventType, outcome }, 'dingtalk callback');
    ctx.body = crypto.seal('success');
  });
  return r;
}
