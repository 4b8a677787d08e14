import { createHash, randomBytes } from 'node:crypto';
import { LessThan, type DataSource } from 'typeorm';
import { Session } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { SESSION_ACTOR_SQL, actorOf, type ActorRow } from './actorLoader';

export const SESSION_COOKIE = 'liucai_sid';

/** How stale `last_seen_at` may get before a request writes it again: a minute, or a quarter of a short idle limit. */
const touchEveryMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 4);

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session cookie's flags: never readable by scripts, sent on top-level navigations only, Secure behind TLS. */
export function sessionCookieOptions(config: { cookieSecure: boolean; sessionTtlHours: number }) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure, maxAge: config.sessionTtlHours * 3600 * 1000, path: '/', overwrite: true };
}

/** Start a session; returns the cookie value (only its hash is stored). */
export async function createSession(ds: DataSource, corpId: string, userid: string, ttlHours: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ds
    .getRepository(Session)
    .insert({ idHash: hash(token), corpId, userid, createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600 * 1000), lastSeenAt: now });
  // Housekeeping on the way: expired sessions of anyone are dropped.
  // tenancy: expired sessions of every corp go; nothing is read.
  await ds.getRepository(Session).delete({ expiresAt: LessThan(now) });
  return token;
}

/** What a cookie is worth: a live session and its person as an actor (null: unknown or left), or why not. */
export type SessionLookup = { status: 'live'; session: Session; actor: Actor | null } | { status: 'none' | 'expired' | 'idle' };

type SessionActorRow = ActorRow & { corp_id: string | null; userid: string | null; created_at: unknown; expires_at: unknown; last_seen_at: unknown };

/** The session's own columns of SESSION_ACTOR_SQL's first row, as the entity (dates as the driver hydrates them). */
function sessionOf(ds: DataSource, idHash: string, row: SessionActorRow): Session {
  const meta = ds.getMetadata(Session);
  const hydrated = (property: keyof Session, raw: unknown) => ds.driver.prepareHydratedValue(raw, meta.findColumnWithPropertyName(property)!) as unknown;
  return Object.assign(new Session(), {
    idHash,
    corpId: row.corp_id,
    userid: row.userid,
    createdAt: hydrated('createdAt', row.created_at),
    expiresAt: hydrated('expiresAt', row.expires_at),
    lastSeenAt: row.last_seen_at === null ? null : hydrated('lastSeenAt', row.last_seen_at),
  });
}

// tenancy: a session is found by its token's hash, which is unique; authenticate() then checks its corp.
/**
 * The session for a cookie value, with its person as an actor (every signed-in request's reads in one statement):
 * with the corp's org version, and for a request that only reads (`readOnly`) its data topics' versions too.
 * A session past its expiry, or unused for longer than `idleMinutes`, is dead: it is deleted on the spot and the
 * caller learns which of the two it was (to say so to the person).
 */
export async function findSession(
  ds: DataSource,
  token: string | undefined,
  opts: { idleMinutes: number; now?: Date; readOnly?: boolean },
): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const now = opts.now ?? new Date();
  const idHash = hash(token);
  const rows = (await ds.query(SESSION_ACTOR_SQL, [idHash, idHash, idHash, idHash])) as SessionActorRow[];
  const first = rows.find((r) => r.part === 'user');
  if (!first) return { status: 'none' };
  const s = sessionOf(ds, idHash, first);
  const lastSeen = s.lastSeenAt ?? s.createdAt;
  const status = s.expiresAt.getTime() <= now.getTime() ? 'expired' : now.getTime() - lastSeen.getTime() > opts.idleMinutes * 60_000 ? 'idle' : 'live';
  if (status === 'live') {
    const actor = actorOf(s.corpId, s.userid, rows);
    const org = rows.find((r) => r.part === 'org');
    const versions = { orgVersion: org ? Number(org.value) : 0 };
    const topics = opts.readOnly
      ? { dataVersions: Object.fromEntries(rows.filter((r) => r.part === 'topic').map((r) => [String(r.status), String(r.value)])) }
      : {};
    return { status, session: s, actor: actor && { ...actor, ...versions, ...topics } };
  }
  await ds.getRepository(Session).delete({ idHash });
  return { status };
}

/**
 * When this process last wrote (or began to write) each session's `last_seen_at`: the requests in between do not write
 * it again, even while that write is still waiting for the database.
 */
const touchedAt = new Map<string, number>();

// tenancy: by the session's own key, found just before.
/**
 * Note that a session was used now (at most once a minute, so reads do not each cost a write). The request does not
 * wait for the write: on SQLite it may queue behind a sync's write transaction, and every request of the session would
 * queue with it. A failed write is reported to `onError` and tried again by a later request.
 */
export function touchSession(ds: DataSource, session: Session, idleMinutes: number, onError: (err: unknown) => void, now = new Date()): void {
  const every = touchEveryMs(idleMinutes);
  const last = Math.max((session.lastSeenAt ?? session.createdAt).getTime(), touchedAt.get(session.idHash) ?? 0);
  if (now.getTime() - last < every) return;
  if (touchedAt.size >= 10_000) for (const [key, at] of touchedAt) if (now.getTime() - at >= every) touchedAt.delete(key);
  touchedAt.set(session.idHash, now.getTime());
  ds.getRepository(Session)
    .update({ idHash: session.idHash }, { lastSeenAt: now })
    .catch((err: unknown) => {
      touchedAt.delete(session.idHash);
      onError(err);
    });
}

// tenancy: by the token's hash: whoever holds the token may end its session.
/** End a session. */
export async function destroySession(ds: DataSource, token: string | undefined): Promise<void> {
  if (token && token.length <= 100) await ds.getRepository(Session).delete({ idHash: hash(token) });
}

/** End every session of a person (they left, or the session belongs to nobody we know any more). */
export async function destroyUserSessions(ds: DataSource, corpId: string, userid: string): Promise<void> {
  await ds.getRepository(Session).delete({ corpId, userid });
}
