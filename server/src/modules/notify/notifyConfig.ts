/**
 * The NOTIFY_* settings, read by config.ts (the one place that reads the environment) and validated with the rest.
 * Kept here so the notification rules and their settings are found together.
 */
import { z } from 'zod';
import { parseClock, type LinkForm, type QuietHours } from '@liucai/shared';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');
const clock = z.string().refine((v) => parseClock(v) !== null, 'expected a time HH:MM, e.g. 09:00');

export const NOTIFY_ENV = {
  NOTIFY_QUIET_HOURS: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'expected HH:MM-HH:MM (e.g. 21:00-08:30) or off')
    .default('21:00-08:30'),
  NOTIFY_QUIET_WEEKENDS: bool.default(false),
  NOTIFY_DIGEST_TIME: clock.default('09:00'),
  NOTIFY_DAILY_CAP: z.coerce.number({ message: 'expected a number from 1 to 500' }).int().min(1).max(500).default(20),
  NOTIFY_RECIPIENTS_PER_MINUTE: z.coerce.number().int().min(1).max(5000).default(4500),
  NOTIFY_LINK_FORM: z.enum(['dingtalk', 'https'], { message: 'expected dingtalk or https' }).default('dingtalk'),
  NOTIFY_SEND_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  NOTIFY_TICK_CRON: z.string().min(9).default('0 * * * * *'),
  NOTIFY_READBACK: bool.default(true),
  NOTIFY_READBACK_DELAY_MINUTES: z.coerce.number().int().min(1).max(1380).default(60),
  /** Tests only: hold this long after DingTalk answered a send, before writing the answer (to kill a worker there). */
  NOTIFY_TEST_PAUSE_AFTER_SEND_MS: z.coerce.number().int().min(0).max(600_000).default(0),
};

/** Work notification settings. */
export interface NotifyConfig {
  quietHours: QuietHours;
  /** Minute of the day (Asia/Shanghai) digests go out. */
  digestMinute: number;
  /** Messages one person may get a day (DingTalk allows 500 and drops the rest silently). */
  dailyCap: number;
  /** Recipients a minute (DingTalk allows 5,000 and drops the rest silently). */
  recipientsPerMinute: number;
  linkForm: LinkForm;
  /** How long a send in progress is left alone before a drain reconciles it. */
  sendLeaseMs: number;
  tickCron: string;
  readback: boolean;
  readbackDelayMinutes: number;
  testPauseAfterSendMs: number;
}

type NotifyEnv = { [K in keyof typeof NOTIFY_ENV]: z.output<(typeof NOTIFY_ENV)[K]> } & { NODE_ENV: string; DINGTALK_TIMEOUT_MS: number };

/** Problems between NOTIFY_* and other variables. */
export function notifyProblems(e: NotifyEnv): string[] {
  const problems: string[] = [];
  if (e.NOTIFY_SEND_LEASE_MS <= e.DINGTALK_TIMEOUT_MS) {
    problems.push('NOTIFY_SEND_LEASE_MS: must be longer than DINGTALK_TIMEOUT_MS (a send still waiting for DingTalk must not be reconciled)');
  }
  if (e.NOTIFY_TEST_PAUSE_AFTER_SEND_MS > 0 && e.NODE_ENV !== 'test') problems.push('NOTIFY_TEST_PAUSE_AFTER_SEND_MS: only allowed when NODE_ENV=test');
  return problems;
}

/** NotifyConfig from validated variables. */
export function notifyConfigFrom(e: NotifyEnv): NotifyConfig {
  const [start, end] = e.NOTIFY_QUIET_HOURS === 'off' ? [0, 0] : e.NOTIFY_QUIET_HOURS.split('-').map((t) => parseClock(t) ?? 0);
  return {
    quietHours: { startMinute: start ?? 0, endMinute: end ?? 0, weekends: e.NOTIFY_QUIET_WEEKENDS },
    digestMinute: parseClock(e.NOTIFY_DIGEST_TIME) ?? 540,
    dailyCap: e.NOTIFY_DAILY_CAP,
    recipientsPerMinute: e.NOTIFY_RECIPIENTS_PER_MINUTE,
    linkForm: e.NOTIFY_LINK_FORM,
    sendLeaseMs: e.NOTIFY_SEND_LEASE_MS,
    tickCron: e.NOTIFY_TICK_CRON,
    readback: e.NOTIFY_READBACK,
    readbackDelayMinutes: e.NOTIFY_READBACK_DELAY_MINUTES,
    testPauseAfterSendMs: e.NOTIFY_TEST_PAUSE_AFTER_SEND_MS,
  };
}
