/** Helpers for notification tests: the outbox of a test world with an injected clock, and the sandbox inbox. */
import { shanghaiInstant, shanghaiTime, shiftDay } from '@liucai/shared';
import type { TestWorld } from './testServices';
import { outboxDepsFor } from '../../server/src/modules/notify/jobs/notifyJobs';
import type { OutboxDeps } from '../../server/src/modules/notify/commands/outboxSender';
import type { NotifyConfig } from '../../server/src/modules/notify/notifyConfig';

/** A settable clock. */
export class TestClock {
  constructor(public ms: number) {}
  now = (): Date => new Date(this.ms);
  /** Move to hh:mm (Asia/Shanghai) of the current day plus `days`. */
  at(hhmm: string, days = 0): Date {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    this.ms = shanghaiInstant(shiftDay(shanghaiTime(this.ms).day, days), h * 60 + m);
    return this.now();
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

/** A clock at 10:00 (Asia/Shanghai) of today: daytime, outside quiet hours, on the sandbox's own day. */
export function daytimeClock(): TestClock {
  const c = new TestClock(Date.now());
  c.at('10:00');
  return c;
}

/** Outbox dependencies of world `w` with `clock` and settings overrides. */
export function outboxOf(w: TestWorld, clock: TestClock, settings: Partial<NotifyConfig> = {}, monthlyCallLimit = w.config.monthlyCallLimit): OutboxDeps {
  return outboxDepsFor(
    {
      ds: w.ds,
      dingtalk: w.dingtalk,
      log: w.log,
      monthlyCallLimit,
      notify: { settings: { ...w.config.notify, ...settings }, baseUrl: 'https://liucai.example.com' },
    },
    w.corpId,
    clock.now,
  );
}

/** What the sandbox's DingTalk delivered to a person. */
export async function inboxOf(
  w: TestWorld,
  userid: string,
): Promise<{ taskId: number; title: string; text: string; link: string | null; read: boolean; recalled: boolean }[]> {
  const res = await fetch(`${w.sandbox!.url}/sandbox/corps/${w.corpId}/inbox/${userid}`);
  const body = (await res.json()) as { messages: { taskId: number; title: string; text: string; link: string | null; read: boolean; recalled: boolean }[] };
  return body.messages;
}

/** Active people of the world's sandbox corp (other than the demo users), in a stable order. */
export function sandboxPeople(w: TestWorld, n: number): string[] {
  const demo = new Set(Object.values(w.sandbox!.demoUsers));
  return [...w.sandboxHandle.corps.get(w.corpId)!.users.keys()].filter((u) => !demo.has(u)).slice(0, n);
}
