/** What a failed work-notification call means, in words HR can act on. */
import { DingTalkError, TransportCode } from '../../../dingtalk/errors';
import { LegacyErr } from '../../../dingtalk/wireFacts';

/** Monthly API quota exhausted (doc §8.1): legacy errcode 90020. */
export const MONTHLY_QUOTA_ERRCODE = 90020;

/** A transport failure that cannot have reached DingTalk (the connection was never made). */
export function isDefinitelyNotSent(err: DingTalkError): boolean {
  return err.code === TransportCode.network && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(err.detail);
}

/** DingTalk says the corp's metered calls for the month are used up. */
export function isQuotaExhausted(err: DingTalkError): boolean {
  return err.code === MONTHLY_QUOTA_ERRCODE;
}

/** The Chinese reason shown in 通知记录 for a failed call. */
export function describeSendError(err: DingTalkError): string {
  if (isQuotaExhausted(err)) return '钉钉本月接口调用额度已用完（90020），下月初发送';
  if (err.code === LegacyErr.authOrBan && err.subCode === '60011') return '应用没有发送工作通知的权限：请在钉钉开发者后台为应用开通“企业会话消息”相关权限';
  if (err.code === LegacyErr.invalidParam) return `钉钉拒绝了这条消息（参数无效：${err.detail}）`;
  if (err.code === LegacyErr.invalidToken) return '钉钉凭证无效：请检查 AppKey、AppSecret';
  if (typeof err.code === 'string') return `未收到钉钉应答（${err.code}）`;
  if (err.retryable) return `钉钉暂时不可用（错误码 ${err.code}），稍后重试`;
  return `钉钉拒绝发送（错误码 ${err.code}：${err.detail}）`;
}
