import type { DataSource } from 'typeorm';
import { formatCount, zh } from '@liucai/shared';
import { isMonthlyQuotaError } from '../../../dingtalk/errors';
import { MONTHLY_QUOTA_FIGURES } from '../../../dingtalk/wireFacts';
import { recordQuotaRefusal, type MeteredAllowance } from './callBudget';

/**
 * When DingTalk refuses a sync's call because the organisation's monthly quota is used up (90020 /
 * ApiCountLimitForOrg): remember the refusal for the 数据 page and give the run's note, saying how far the source got.
 * Returns null for any other error, which the caller rethrows.
 */
export async function quotaStopNote(ds: DataSource, corpId: string, err: unknown, howFar: string, now = new Date()): Promise<string | null> {
  if (!isMonthlyQuotaError(err)) return null;
  await recordQuotaRefusal(ds, corpId, err.detail, now);
  const figures = MONTHLY_QUOTA_FIGURES.exec(err.detail);
  const org = figures ? `（企业本月已调用 ${formatCount(Number(figures[1]))} 次，额度 ${formatCount(Number(figures[2]))} 次）` : '';
  return zh`钉钉答复本月接口调用已超出企业额度${org}，错误码 ${err.code}：${howFar}。下月额度恢复或升级钉钉版本后，下次同步从这里继续`;
}

/** The allowance a sync works with: its monthly limit, and the share kept for work notifications. */
export function syncAllowance(deps: { monthlyCallLimit: number; notifyShare?: number }): MeteredAllowance {
  return { apiCalls: deps.monthlyCallLimit, events: 0, notifyShare: deps.notifyShare ?? 0 };
}
