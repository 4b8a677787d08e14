import { In, type EntityManager } from 'typeorm';
import { isNotifyKind, type NotifyKind } from '@liucai/shared';
import { Notification } from '../../../entities';
import { validationError } from '../../../errors';

/** What a feature tells whom, and why. */
export interface NotificationInput {
  corpId: string;
  /** Userids of the people to tell (each gets their own row; duplicates are ignored). */
  recipients: readonly string[];
  /** A registered kind (shared/src/notify/kinds.ts). */
  kind: NotifyKind;
  /** The same key to the same person never sends twice, e.g. `sync.failed:123`. */
  dedupeKey: string;
  /** `now`: its own message (after quiet hours); `digest`: in the person's next daily digest. */
  urgency: 'now' | 'digest';
  title: string;
  body: string;
  /** Micro-app page it opens, e.g. `/data`; null: none. */
  page: string | null;
  pageQuery?: Readonly<Record<string, string>>;
  /** Send in quiet hours too (only for something the person asked for themselves, e.g. a test message). */
  ignoreQuietHours?: boolean;
}

const BATCH = 500;

function check(input: NotificationInput): void {
  const problems: { field: string; message: string }[] = [];
  if (!isNotifyKind(input.kind)) problems.push({ field: 'kind', message: `未登记的通知类型 ${String(input.kind)}` });
  if (!input.dedupeKey || input.dedupeKey.length > 191) problems.push({ field: 'dedupeKey', message: '应为 1 到 191 个字符' });
  if (!input.title || [...input.title].length > 200) problems.push({ field: 'title', message: '应为 1 到 200 个字' });
  if (input.page !== null && !/^\/[a-z0-9-]*$/.test(input.page)) problems.push({ field: 'page', message: '应为微应用页面路径，如 /data' });
  if (input.recipients.some((r) => !r || r.length > 64)) problems.push({ field: 'recipients', message: '应为钉钉账号（1 到 64 个字符）' });
  if (problems.length > 0) throw validationError(problems, '通知内容有误');
}

/**
 * Record a notification in the caller's transaction (`em`), so it exists exactly when the change that causes it
 * commits: a rolled-back change never tells anyone. Nothing is sent here; call `kickOutbox` after the commit (or let
 * the minute tick find it). Returns how many rows were new (a dedupe key already recorded for a person adds nothing).
 */
export async function recordNotification(em: EntityManager, input: NotificationInput, now: Date = new Date()): Promise<number> {
  check(input);
  const query = input.pageQuery && Object.keys(input.pageQuery).length > 0 ? new URLSearchParams(input.pageQuery as Record<string, string>).toString() : null;
  const recipients = [...new Set(input.recipients)];
  let added = 0;
  for (let i = 0; i < recipients.length; i += BATCH) {
    const rows = recipients.slice(i, i + BATCH).map((recipientUserid) => ({
      corpId: input.corpId,
      recipientUserid,
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      urgency: input.urgency,
      ignoreQuietHours: input.ignoreQuietHours ?? false,
      title: input.title,
      body: input.body,
      page: input.page,
      pageQuery: query,
      status: 'pending' as const,
      waitReason: null,
      notBefore: now,
      delivery: 'unknown' as const,
      attempts: 0,
      createdAt: now,
    }));
    // The unique index decides; counting those already there first only tells the caller how many were new.
    const existing = await em.getRepository(Notification).count({
      where: { corpId: input.corpId, dedupeKey: input.dedupeKey, recipientUserid: In(rows.map((r) => r.recipientUserid)) },
    });
    await em.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().execute();
    added += rows.length - existing;
  }
  return added;
}
