/** The notification jobs (on their own queue): drain the outbox, and a minute tick that drains and reads back. */
import type { DataSource } from 'typeorm';
import type { AppDeps, DingTalkPort } from '../../../appTypes';
import type { JobPayloads } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';
import type { NotifyConfig } from '../notifyConfig';
import { drainOutbox, type OutboxDeps } from '../commands/outboxSender';
import { collectReadbacks } from '../commands/readbackCollector';
import { tickSchedulerId } from './notifyJobIds';

export interface NotifyHandlerDeps {
  ds: DataSource;
  dingtalk: DingTalkPort;
  log: Logger;
  monthlyCallLimit: number;
  notify: { settings: NotifyConfig; baseUrl: string };
}

/** Outbox dependencies for one corp. */
export function outboxDepsFor(deps: NotifyHandlerDeps, corpId: string, now?: () => Date): OutboxDeps {
  return {
    ds: deps.ds,
    messages: deps.dingtalk.messages,
    settings: deps.notify.settings,
    link: { corpId, baseUrl: deps.notify.baseUrl, linkForm: deps.notify.settings.linkForm },
    monthlyCallLimit: deps.monthlyCallLimit,
    log: deps.log,
    ...(now ? { now } : {}),
  };
}

type NotifyHandlers = { [N in 'notify.drain' | 'notify.tick']: (payload: JobPayloads[N]) => Promise<void> };

/** Handlers of the notification jobs. */
export function notifyJobHandlers(deps: NotifyHandlerDeps): NotifyHandlers {
  return {
    'notify.drain': async ({ corpId }) => {
      const out = await drainOutbox(outboxDepsFor(deps, corpId));
      if (out.calls > 0 || out.deferred > 0) deps.log.info({ corpId, ...out }, 'notification outbox drained');
    },
    'notify.tick': async ({ corpId }) => {
      const out = await drainOutbox(outboxDepsFor(deps, corpId));
      if (out.calls > 0 || out.deferred > 0) deps.log.info({ corpId, ...out }, 'notification outbox drained');
      if (deps.notify.settings.readback) {
        const read = await collectReadbacks(outboxDepsFor(deps, corpId));
        if (read.calls > 0) deps.log.info({ corpId, ...read }, 'notification read-back collected');
      }
    },
  };
}

/** Register the minute tick (NOTIFY_TICK_CRON) for a corp. */
export async function scheduleNotify(s: Pick<AppDeps, 'jobs' | 'config'>, corpId: string): Promise<void> {
  await s.jobs.schedule(tickSchedulerId(corpId), s.config.notify.tickCron, 'notify.tick', { corpId });
}
