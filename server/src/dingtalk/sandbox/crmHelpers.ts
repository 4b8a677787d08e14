/**
 * The people who join salespeople's follow-ups (cross-department helpers and teammates), and how one is picked for a
 * record: deterministically from the record's key, among those employed on the day. A drifting teammate turns more
 * and more of these down as their drift deepens (helping colleagues falls with it).
 */
import { driftIntensity, type DriftProfile } from './driftModel';
import { hash53, unitOf } from './stableIds';

export interface Helper {
  userid: string;
  firstDay: number;
  lastDay: number | undefined;
  deptId: number;
  drift?: DriftProfile;
}

/** At full drift a drifter turns down this share of the follow-ups they would have joined. */
const DRIFT_DECLINE = 0.8;

/** Candidates split into buckets of about 32 by a hash of the userid, so a pick looks at one bucket, not everyone. */
export interface HelperPool {
  buckets: Helper[][];
}

export function helperPool(candidates: readonly Helper[]): HelperPool {
  const count = Math.max(1, Math.ceil(candidates.length / 32));
  const buckets: Helper[][] = Array.from({ length: count }, () => []);
  for (const c of candidates) buckets[hash53(c.userid) % count]!.push(c);
  return { buckets };
}

/**
 * Rendezvous pick within the key's bucket (the next bucket when nobody there was employed on `day`): the employed
 * candidate with the smallest hash, so a hire or departure moves few picks.
 */
export function pickHelper(pool: HelperPool, day: number, key: string): string | undefined {
  const n = pool.buckets.length;
  const start = hash53(key, 7) % n;
  for (let i = 0; i < n; i++) {
    const picked = pickIn(pool.buckets[(start + i) % n]!, day, key);
    if (picked !== undefined) return picked;
  }
  return undefined;
}

export function pickIn(candidates: readonly Helper[], day: number, key: string): string | undefined {
  let best: string | undefined;
  let bestHash = Infinity;
  for (const c of candidates) {
    if (c.firstDay > day || (c.lastDay !== undefined && c.lastDay < day)) continue;
    if (c.drift && unitOf([key, c.userid, 'declines']) < DRIFT_DECLINE * driftIntensity(c.drift, day)) continue;
    const h = hash53(`${key}:${c.userid}`);
    if (h < bestHash) {
      bestHash = h;
      best = c.userid;
    }
  }
  return best;
}
