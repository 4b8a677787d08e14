import type { DataSource } from 'typeorm';
import { formatClock, shanghaiTime } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import type { JobQueue } from '../../../jobs/jobTypes';
import { recordNotification } from './notificationRecorder';
import { kickOutbox } from './outboxKick';

/**
 * 发送测试通知: an admin sends themselves a work notification now (quiet hours do not apply: they asked for it).
 * The time is in the text, so two tests on one day are different content (DingTalk drops identical ones).
 */
export async function sendTestNotification(ds: DataSource, jobs: Pick<JobQueue, 'enqueue'>, actor: Actor, now: Date = new Date()): Promise<void> {
  const t = shanghaiTime(now.getTime());
  const stamp = `${t.day} ${formatClock(t.minuteOfDay)}:${String(now.getUTCSeconds()).padStart(2, '0')}`;
  await ds.transaction((em) =>
    recordNotification(
      em,
      {
        corpId: actor.corpId,
        recipients: [actor.userid],
        kind: 'system.test',
        dedupeKey: `system.test:${now.getTime()}`,
        urgency: 'now',
        title: '留才测试通知',
        body: `这是一条测试通知（${stamp}）。收到即说明留才可以通过钉钉工作通知联系到员工。`,
        page: '/messages',
        ignoreQuietHours: true,
      },
      now,
    ),
  );
  await kickOutbox(jobs, actor.corpId, now);
}
