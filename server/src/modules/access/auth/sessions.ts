import { createHash, randomBytes } from 'node:crypto';
import { LessThan, type DataSource } from 'typeorm';
import { Session } from '../../../entities';

export const SESSION_COOKIE = 'liucai_sid';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Start a session; returns the cookie value (only its hash is stored). */
export async function createSession(ds: DataSource, corpId: string, userid: string, ttlHours: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ds.getRepository(Session).insert({ idHash: hash(token), corpId, userid, createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600 * 1000) });
  // Housekeeping on the way: expired sessions of anyone are dropped.
  await ds.getRepository(Session).delete({ expiresAt: LessThan(now) });
  return token;
}

/** The live session for a cookie value, or null. */
export async function findSession(ds: DataSource, token: string | undefined, now = new Date()): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const s = await ds.getRepository(Session).findOneBy({ idHash: hash(token) });
  return s && s.expiresAt.getTime() > now.getTime() ? s : null;
}

/** End a session. */
export async function destroySession(ds: DataSource, token: string | undefined): Promise<void> {
  if (token) await ds.getRepository(Session).delete({ idHash: hash(token) });
}
