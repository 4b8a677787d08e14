/**
 * Which waiting messages go out now, in how many DingTalk calls, and why the rest wait. DingTalk's own limits are
 * silent (a message over them is "sent" and never arrives, doc §6.1), so they are applied here, before sending:
 * the same content to one person once a day, a per-person daily cap, recipients per call and per minute, and the
 * month's metered calls. Identical content for many people shares one call.
 */

/** One message for one person, ready to send (a notification, or a person's composed digest). */
export interface SendUnit {
  /** Caller's id for the unit (e.g. the first notification id). */
  id: string;
  userid: string;
  /** Hash of the exact msg: equal hashes are the same content to DingTalk. */
  contentHash: string;
}

/** What has already gone to a person today (Asia/Shanghai). */
export interface PersonToday {
  /** Messages (calls that reached them) today. */
  sent: number;
  /** Content hashes sent to them today. */
  contentHashes: ReadonlySet<string>;
}

export interface SendLimits {
  /** Messages a person may get a day (DingTalk drops more than 500 silently; default 20). */
  perPersonDaily: number;
  /** Recipients one call may carry (internal apps: 5,000). */
  recipientsPerCall: number;
  /** Recipients still allowed in the current minute (DingTalk: 5,000 a minute). */
  recipientsLeftThisMinute: number;
  /** Metered calls the outbox may still spend this month. */
  callsLeftThisMonth: number;
}

export type DeferReason = 'same_content_today' | 'daily_cap' | 'budget';

export interface PlannedCall {
  contentHash: string;
  units: SendUnit[];
}

export interface SendPlan {
  calls: PlannedCall[];
  deferred: { unit: SendUnit; reason: DeferReason }[];
  /** Units that fit no call now only because of the per-minute recipient limit: they wait for the next minute. */
  paced: SendUnit[];
}

/** Plan one round of sending. Pure: the caller supplies what was sent today and the limits in force. */
export function planSends(units: readonly SendUnit[], today: ReadonlyMap<string, PersonToday>, limits: SendLimits): SendPlan {
  const deferred: SendPlan['deferred'] = [];
  const paced: SendUnit[] = [];
  const counts = new Map<string, number>();
  const hashes = new Map<string, Set<string>>();
  const eligible: SendUnit[] = [];
  for (const u of units) {
    const t = today.get(u.userid);
    const seen = hashes.get(u.userid) ?? new Set(t?.contentHashes ?? []);
    hashes.set(u.userid, seen);
    const count = counts.get(u.userid) ?? t?.sent ?? 0;
    if (seen.has(u.contentHash)) {
      deferred.push({ unit: u, reason: 'same_content_today' });
      continue;
    }
    if (count >= limits.perPersonDaily) {
      deferred.push({ unit: u, reason: 'daily_cap' });
      continue;
    }
    seen.add(u.contentHash);
    counts.set(u.userid, count + 1);
    eligible.push(u);
  }
  // Group identical content (first come first served), then cut groups to the per-call recipient limit.
  const groups = new Map<string, SendUnit[]>();
  for (const u of eligible) {
    const g = groups.get(u.contentHash);
    if (g) g.push(u);
    else groups.set(u.contentHash, [u]);
  }
  const calls: PlannedCall[] = [];
  let callsLeft = limits.callsLeftThisMonth;
  let recipientsLeft = limits.recipientsLeftThisMinute;
  for (const [contentHash, group] of groups) {
    for (let i = 0; i < group.length; i += limits.recipientsPerCall) {
      const chunk = group.slice(i, i + limits.recipientsPerCall);
      if (callsLeft <= 0) {
        for (const unit of chunk) deferred.push({ unit, reason: 'budget' });
        continue;
      }
      if (recipientsLeft <= 0) {
        paced.push(...chunk);
        continue;
      }
      const now = chunk.slice(0, recipientsLeft);
      paced.push(...chunk.slice(now.length));
      calls.push({ contentHash, units: now });
      callsLeft -= 1;
      recipientsLeft -= now.length;
    }
  }
  return { calls, deferred, paced };
}
