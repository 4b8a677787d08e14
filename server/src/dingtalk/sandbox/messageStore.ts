/**
 * What the sandbox's DingTalk does with work notifications (doc §6): each asyncsend_v2 is a task; each recipient
 * either gets the message in their inbox or, silently, does not — an unknown userid is invalid; the same content
 * to the same person twice in a day is forbidden with 143106; more than 500 a person a day with 143105; more than
 * 5,000 recipients in a minute with 143104. The call still answers success: only getsendresult tells.
 */
import { createHash } from 'node:crypto';
import { readWorkMessage } from '@liucai/shared';
import { FlowControl, MESSAGE_PER_PERSON_DAILY, MESSAGE_RECIPIENTS_PER_MINUTE } from '../wireFacts';

/** One message in a person's sandbox inbox. */
export interface InboxMessage {
  taskId: number;
  msg: unknown;
  receivedAtMs: number;
  read: boolean;
  recalled: boolean;
}

/** One asyncsend_v2 call as the sandbox remembers it. */
export interface SandboxTask {
  taskId: number;
  corpId: string;
  agentId: number;
  createdAtMs: number;
  msg: unknown;
  delivered: string[];
  invalid: string[];
  forbidden: { userid: string; code: number }[];
  recalled: boolean;
}

/** The limits in force (tests may lower them). */
export interface MessageLimits {
  perPersonDaily: number;
  recipientsPerMinute: number;
}

const DAY_OFFSET_MS = 8 * 3600 * 1000;
const shanghaiDay = (ms: number) => new Date(ms + DAY_OFFSET_MS).toISOString().slice(0, 10);

/** Canonical text of a msg (key order does not make content different). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every corp's work notifications in one sandbox. */
export class SandboxMessages {
  readonly limits: MessageLimits = { perPersonDaily: MESSAGE_PER_PERSON_DAILY, recipientsPerMinute: MESSAGE_RECIPIENTS_PER_MINUTE };
  private readonly tasks = new Map<number, SandboxTask>();
  private readonly inboxes = new Map<string, InboxMessage[]>();
  /** `${corpId}|${userid}|${day}` → content hashes received that day and the count. */
  private readonly daily = new Map<string, { count: number; hashes: Set<string> }>();
  /** Per corp: [ms, recipients] of recent calls, for the per-minute limit. */
  private readonly minute = new Map<string, { atMs: number; n: number }[]>();
  private nextTaskId = 7_000_000_001;

  constructor(private readonly now: () => number = Date.now) {}

  /** Run one asyncsend_v2 for `userids` of `corpId`; `known` says whether a userid is an active employee. */
  send(corpId: string, agentId: number, userids: readonly string[], msg: unknown, known: (userid: string) => boolean): SandboxTask {
    const at = this.now();
    const day = shanghaiDay(at);
    const hash = createHash('sha256').update(canonical(msg)).digest('hex');
    const window = (this.minute.get(corpId) ?? []).filter((w) => w.atMs > at - 60_000);
    let usedThisMinute = window.reduce((n, w) => n + w.n, 0);
    const task: SandboxTask = { taskId: this.nextTaskId++, corpId, agentId, createdAtMs: at, msg, delivered: [], invalid: [], forbidden: [], recalled: false };
    for (const userid of new Set(userids)) {
      if (!known(userid)) {
        task.invalid.push(userid);
        continue;
      }
      const key = `${corpId}|${userid}|${day}`;
      const seen = this.daily.get(key) ?? { count: 0, hashes: new Set<string>() };
      this.daily.set(key, seen);
      let code: number | null = null;
      if (usedThisMinute >= this.limits.recipientsPerMinute) code = FlowControl.corpPerMinute;
      else if (seen.hashes.has(hash)) code = FlowControl.duplicate;
      else if (seen.count >= this.limits.perPersonDaily) code = FlowControl.perPersonDaily;
      usedThisMinute += 1;
      if (code !== null) {
        task.forbidden.push({ userid, code });
        continue;
      }
      seen.count += 1;
      seen.hashes.add(hash);
      task.delivered.push(userid);
      const inbox = this.inboxFor(corpId, userid);
      inbox.push({ taskId: task.taskId, msg, receivedAtMs: at, read: false, recalled: false });
    }
    window.push({ atMs: at, n: userids.length });
    this.minute.set(corpId, window);
    this.tasks.set(task.taskId, task);
    return task;
  }

  /** A task of this corp and agent, or undefined. */
  task(corpId: string, agentId: number, taskId: number): SandboxTask | undefined {
    const t = this.tasks.get(taskId);
    return t && t.corpId === corpId && t.agentId === agentId ? t : undefined;
  }

  /** Read state of a delivered recipient. */
  isRead(corpId: string, userid: string, taskId: number): boolean {
    return this.inboxFor(corpId, userid).some((m) => m.taskId === taskId && m.read);
  }

  /** Withdraw a task's message from every inbox. */
  recall(task: SandboxTask): void {
    task.recalled = true;
    for (const userid of task.delivered) for (const m of this.inboxFor(task.corpId, userid)) if (m.taskId === task.taskId) m.recalled = true;
  }

  /** A person's inbox, newest first (recalled messages stay, marked, as DingTalk shows “已撤回”). */
  inbox(corpId: string, userid: string): InboxMessage[] {
    return [...this.inboxFor(corpId, userid)].reverse();
  }

  /** Mark one message (or all) of a person read; returns how many changed. */
  markRead(corpId: string, userid: string, taskId?: number): number {
    let n = 0;
    for (const m of this.inboxFor(corpId, userid)) {
      if (!m.read && (taskId === undefined || m.taskId === taskId)) {
        m.read = true;
        n++;
      }
    }
    return n;
  }

  /** Tasks sent, for tests and benchmarks. */
  taskCount(): number {
    return this.tasks.size;
  }

  private inboxFor(corpId: string, userid: string): InboxMessage[] {
    const key = `${corpId}|${userid}`;
    let inbox = this.inboxes.get(key);
    if (!inbox) {
      inbox = [];
      this.inboxes.set(key, inbox);
    }
    return inbox;
  }
}

/** An inbox message as the sandbox's control API shows it. */
export function presentInboxMessage(m: InboxMessage): Record<string, unknown> {
  const read = readWorkMessage(m.msg);
  return {
    taskId: m.taskId,
    msgtype: read.msgtype,
    title: read.title,
    text: read.text,
    link: read.link,
    receivedAt: new Date(m.receivedAtMs).toISOString(),
    read: m.read,
    recalled: m.recalled,
  };
}
