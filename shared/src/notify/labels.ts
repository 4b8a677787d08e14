/** Chinese words for every state a notification can be in, shared by the server's presenters and the pages. */

/** Where a notification is in the outbox. */
export type NotificationStatus = 'pending' | 'deferred' | 'sending' | 'sent' | 'unconfirmed' | 'failed' | 'recalled';

/** What DingTalk's read-back (getsendresult) said about one recipient. */
export type DeliveryState = 'unknown' | 'delivered' | 'read' | 'unread' | 'forbidden' | 'failed' | 'invalid';

/** Why a notification waits. */
export type WaitReason = 'quiet_hours' | 'digest' | 'same_content_today' | 'daily_cap' | 'budget' | 'retry';

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: '待发送',
  deferred: '已推迟',
  sending: '发送中',
  sent: '已发送',
  unconfirmed: '结果未知',
  failed: '发送失败',
  recalled: '已撤回',
};

export const DELIVERY_LABELS: Record<DeliveryState, string> = {
  unknown: '等待钉钉回执',
  delivered: '已送达（首次发送已到达，重发被钉钉按重复拦截）',
  read: '已读',
  unread: '未读',
  forbidden: '被钉钉拦截',
  failed: '钉钉发送失败',
  invalid: '无效的钉钉账号',
};

export const WAIT_REASON_LABELS: Record<WaitReason, string> = {
  quiet_hours: '免打扰时段，早上发送',
  digest: '合并到每日摘要',
  same_content_today: '今天已向此人发送过相同内容（钉钉会拦截），明天发送',
  daily_cap: '已达每人每日通知上限，明天发送',
  budget: '本月钉钉调用额度不足，额度恢复后发送',
  retry: '钉钉暂时不可用，稍后重试',
};

/** DingTalk's flow-control codes in getsendresult's forbidden_list (doc §6.3). */
export const FLOW_CONTROL_LABELS: Record<number, string> = {
  143103: '应用每分钟发送人次超限，被钉钉拦截',
  143104: '企业每分钟发送人次超限，被钉钉拦截',
  143105: '此人今日接收通知已达钉钉上限（500 条），被钉钉拦截',
  143106: '重复消息被钉钉拦截',
  143203: '应用每分钟发送人次超限，被钉钉拦截',
  143204: '企业每分钟发送人次超限，被钉钉拦截',
  143205: '此人今日接收通知已达钉钉上限，被钉钉拦截',
  143206: '重复消息被钉钉拦截',
  1430000: '接收者为空',
  1430002: '包含违禁内容，被钉钉拦截',
  1430003: '触发钉钉系统保护，被拦截',
  1430004: '超级高管保护，被钉钉拦截',
};

/** The line HR reads for one recipient's read-back. */
export function deliveryLabel(state: DeliveryState, code: number | null): string {
  if (state === 'forbidden' && code !== null) return FLOW_CONTROL_LABELS[code] ?? `被钉钉拦截（代码 ${code}）`;
  return DELIVERY_LABELS[state];
}
