import { ConfigError, loadConfig } from '../../config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('NOTIFY_* settings', () => {
  it('default to quiet hours 21:00–08:30, digests at 09:00, 20 a person a day, DingTalk links', () => {
    const n = loadConfig({}).notify;
    expect(n).toMatchObject({
      quietHours: { startMinute: 1260, endMinute: 510, weekends: false },
      digestMinute: 540,
      dailyCap: 20,
      recipientsPerMinute: 4500,
      linkForm: 'dingtalk',
      readback: true,
    });
    expect(loadConfig({ NOTIFY_QUIET_HOURS: 'off' }).notify.quietHours).toEqual({ startMinute: 0, endMinute: 0, weekends: false });
  });

  it('names each bad variable and what was expected', () => {
    const p = problems({
      NOTIFY_QUIET_HOURS: '9pm-8am',
      NOTIFY_DAILY_CAP: '600',
      NOTIFY_DIGEST_TIME: '25:00',
      NOTIFY_LINK_FORM: 'sms',
      NOTIFY_RECIPIENTS_PER_MINUTE: '6000',
    });
    expect(p.map((x) => x.split(':')[0])).toEqual(
      expect.arrayContaining(['NOTIFY_QUIET_HOURS', 'NOTIFY_DAILY_CAP', 'NOTIFY_DIGEST_TIME', 'NOTIFY_LINK_FORM', 'NOTIFY_RECIPIENTS_PER_MINUTE']),
    );
    expect(problems({ NOTIFY_SEND_LEASE_MS: '5000', DINGTALK_TIMEOUT_MS: '10000' })).toEqual([
      expect.stringContaining('NOTIFY_SEND_LEASE_MS: must be longer than DINGTALK_TIMEOUT_MS'),
    ]);
    expect(problems({ NOTIFY_TEST_PAUSE_AFTER_SEND_MS: '100' })).toEqual([expect.stringContaining('only allowed when NODE_ENV=test')]);
  });
});
