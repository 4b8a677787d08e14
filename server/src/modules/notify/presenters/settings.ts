import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { appPageUrl, formatClock, messageLink, shanghaiTime, type NotificationSettingsView } from '@liucai/shared';
import type { AppDeps } from '../../../appTypes';
import { Notification } from '../../../entities';
import { meteredCallsThisMonth } from '../../sync/commands/callBudget';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';

/** The NOTIFY_* settings, the month's budget and what waits, for the admin settings page. */
export async function presentNotifySettings(deps: Pick<AppDeps, 'config' | 'ds'>, corp: KeptCorp, now: Date = new Date()): Promise<NotificationSettingsView> {
  const n = deps.config.notify;
  const ds: DataSource = deps.ds;
  const corpId = keptCorpId(corp);
  const used = await meteredCallsThisMonth(ds, corpId, now);
  const limit = deps.config.monthlyCallLimit;
  // What waits to be sent, kept while no notification changed (a count over every waiting one: 10,000 on a busy day).
  const counts = await keptRead(ds, corp, ['notify'], ['notifyWaiting'], () =>
    ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select('n.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where({ corpId, status: In(['pending', 'deferred', 'failed', 'unconfirmed']) })
      .groupBy('n.status')
      .getRawMany<{ status: string; n: string | number }>(),
  );
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  const q = n.quietHours;
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return {
    agentId: deps.config.dingtalk.mode === 'real' ? deps.config.dingtalk.agentId : null,
    quietHours: q.startMinute === q.endMinute ? '关闭' : `${formatClock(q.startMinute)}–${formatClock(q.endMinute)}`,
    quietWeekends: q.weekends,
    digestTime: formatClock(n.digestMinute),
    dailyCap: n.dailyCap,
    recipientsPerMinute: n.recipientsPerMinute,
    linkForm: n.linkForm,
    linkExample: messageLink(appPageUrl(base, corpId, '/messages'), n.linkForm),
    readback: n.readback,
    readbackDelayMinutes: n.readbackDelayMinutes,
    budget: { month: shanghaiTime(now.getTime()).day.slice(0, 7), used, limit, left: Math.max(0, limit - used) },
    waiting: { deferred: count('deferred'), pending: count('pending'), failed: count('failed'), unconfirmed: count('unconfirmed') },
  };
}
