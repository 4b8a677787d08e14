/**
 * Aggregates the web process keeps while the data under them is unchanged: e.g. 测评管理's sheet counts in HR's scope,
 * which count twelve thousand sheets against the scope's people on every request. Each kept value names the topics
 * it was read from; database triggers bump a topic's version in every transaction that writes its tables
 * (`data_versions`, and `org_versions` for departments), so one read by key per use says whether the value still holds.
 * The versions are read before the value: a write committed in between leaves a newer value under older versions,
 * which the next use reads again (never an older value under newer versions). Nothing may depend on the clock
 * beyond what its key names (callers apply the clock after, or put the day it was read for in the key).
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '../appTypes';

/** What a kept value depends on: the org (departments and their closure) and the topics bumped by `data_versions`' triggers. */
export type DataTopic = 'org' | 'people' | 'assessment' | 'notify' | 'retention' | 'talent' | 'outcomes' | 'pulse' | 'pay';

/**
 * Whose kept answers: a corp's id, or the signed-in actor (whose session read the versions, so checking costs no
 * statement). Functions that keep answers take this and hand it to `keptRead`.
 */
export type KeptCorp = string | Actor;

/** The corp of a `KeptCorp`. */
export const keptCorpId = (corp: KeptCorp): string => (typeof corp === 'string' ? corp : corp.corpId);

/** How many values one database keeps at most (the oldest used go first). */
export const KEPT_MAX = 500;

/**
 * Where a kept value is held: its own least-recently-used list with its own limit, so many small answers (whom an
 * actor may see, one person each) never push out the pages' aggregates. The default holds `KEPT_MAX`.
 */
export interface KeptPool {
  name: string;
  max: number;
}
const ANSWERS: KeptPool = { name: 'answers', max: KEPT_MAX };

interface Kept {
  stamp: string;
  value: Promise<unknown>;
}

/** Per database and pool: key → the value and the versions it was read at. A DataSource's entry goes with it (tests open many). */
const kept = new WeakMap<DataSource, Map<string, Map<string, Kept>>>();

/** `LIUCAI_KEPT_READS=0` reads every time (for measuring what keeping saves, or ruling it out when a figure looks stale). */
const keeping = process.env.LIUCAI_KEPT_READS !== '0';

/** The versions of `topics` for a corp, as one string (0 for a topic never written since the triggers exist). */
export async function versionStamp(ds: DataSource, corpId: string, topics: readonly DataTopic[]): Promise<string> {
  const wanted = [...new Set(topics)].sort();
  const data = wanted.filter((t) => t !== 'org');
  const parts: string[] = [];
  const params: unknown[] = [];
  if (wanted.includes('org')) {
    parts.push(`SELECT 'org' AS topic, version FROM org_versions WHERE corp_id = ?`);
    params.push(corpId);
  }
  if (data.length > 0) {
    parts.push(`SELECT topic, version FROM data_versions WHERE corp_id = ? AND topic IN (${data.map(() => '?').join(', ')})`);
    params.push(corpId, ...data);
  }
  // tenancy: both reads are by the corp's key.
  const rows = parts.length > 0 ? ((await ds.query(parts.join(' UNION ALL '), params)) as { topic: string; version: number | string }[]) : [];
  return stampOf(wanted, new Map(rows.map((r) => [r.topic, String(r.version)])));
}

const stampOf = (sortedTopics: readonly DataTopic[], versions: ReadonlyMap<string, string>) =>
  sortedTopics.map((t) => `${t}:${versions.get(t) ?? '0'}`).join(',');

/**
 * For a read request that has just written (e.g. seeded a corp's built-in rules on first read): its kept answers are
 * checked against the database from here on, not against the versions it read with its session.
 */
export function forgetSessionVersions(actor: Actor): void {
  delete actor.dataVersions;
}

/**
 * The stamp of `topics` from the versions a signed-in request read with its session (`Actor.orgVersion`, and
 * `Actor.dataVersions` for a request that only reads), or null when the actor does not carry all it needs.
 */
function stampFromActor(actor: Actor, topics: readonly DataTopic[]): string | null {
  const wanted = [...new Set(topics)].sort();
  if (wanted.includes('org') && actor.orgVersion === undefined) return null;
  if (wanted.some((t) => t !== 'org') && actor.dataVersions === undefined) return null;
  const versions = new Map(Object.entries(actor.dataVersions ?? {}));
  if (actor.orgVersion !== undefined) versions.set('org', String(actor.orgVersion));
  return stampOf(wanted, versions);
}

/**
 * `read()`'s answer for `key` in a corp, kept while the versions of `topics` are unchanged: one read by key when it
 * holds (none when `corp` is the signed-in actor carrying the versions it read with its session), `read()` otherwise
 * (concurrent uses of a key being read share that one read). `key` (its parts, as JSON) must name the answer and
 * everything it depends on besides the topics' data (the actor or their scope, the filters). The answer is shared:
 * never modify it. `pool`: where it is held (default: the answers' pool of `KEPT_MAX`).
 */
export async function keptRead<T>(
  ds: DataSource,
  corp: KeptCorp,
  topics: readonly DataTopic[],
  key: readonly unknown[],
  read: () => Promise<T>,
  pool: KeptPool = ANSWERS,
): Promise<T> {
  if (!keeping) return read();
  const corpId = keptCorpId(corp);
  const stamp = (typeof corp === 'string' ? null : stampFromActor(corp, topics)) ?? (await versionStamp(ds, corpId, topics));
  let pools = kept.get(ds);
  if (!pools) {
    pools = new Map();
    kept.set(ds, pools);
  }
  let held = pools.get(pool.name);
  if (!held) {
    held = new Map();
    pools.set(pool.name, held);
  }
  const full = JSON.stringify([corpId, ...key]);
  const found = held.get(full);
  if (found && found.stamp === stamp) {
    // Most recently used last: the first entry is the one to drop.
    held.delete(full);
    held.set(full, found);
    return found.value as Promise<T>;
  }
  const value = read();
  const entry: Kept = { stamp, value };
  held.delete(full);
  held.set(full, entry);
  if (held.size > pool.max) held.delete(held.keys().next().value as string);
  // A failed read is not kept: the next use tries again.
  value.catch(() => {
    if (held.get(full) === entry) held.delete(full);
  });
  return value;
}
