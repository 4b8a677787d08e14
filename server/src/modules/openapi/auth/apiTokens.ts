/**
 * Open-API tokens: `lct_` and 43 characters of base64url (256 random bits). Only the SHA-256 is stored; a token is
 * shown once when created and never logged (the Authorization header is redacted by the logger). A call presents it as
 * `Authorization: Bearer lct_…`; the token acts as the person who created it, with their roles and HR departments as
 * they are now, so it never sees more than they do, and stops when they leave.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { ApiToken } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { unauthenticated } from '../../../errors';
import { loadActor } from '../../access/auth/actorLoader';

export const API_TOKEN_PREFIX = 'lct_';
const SHAPE = /^lct_[A-Za-z0-9_-]{43}$/;

export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new token and what is stored of it. */
export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, 12) };
}

const WHY = '请在请求头 Authorization 中提供有效的开放接口令牌（Bearer lct_…）';

/** The actor a request's bearer token stands for in `corpId` (401 when missing, unknown, revoked or its owner left). */
export async function actorOfBearer(
  ds: DataSource,
  corpId: string,
  authorization: string | undefined,
  now = new Date(),
): Promise<{ actor: Actor; token: ApiToken }> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!m || !SHAPE.test(m[1]!)) throw unauthenticated(WHY);
  const token = await ds.getRepository(ApiToken).findOneBy({ corpId, tokenHash: hashApiToken(m[1]!), revokedAt: IsNull() });
  if (!token) throw unauthenticated('开放接口令牌无效或已吊销');
  const actor = await loadActor(ds, corpId, token.createdBy);
  if (!actor) throw unauthenticated('开放接口令牌的创建人已离职或不存在，令牌已失效');
  // Kept to the minute: one write a minute at most, whatever the call rate.
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
    await ds.getRepository(ApiToken).update({ corpId, id: token.id }, { lastUsedAt: now });
  }
  return { actor: { ...actor, sessionRef: `token:${token.id}` }, token };
}
