/** Create and revoke open-API tokens (HR and admins), each write audited in the same transaction. */
import type { DataSource } from 'typeorm';
import { ApiToken } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { conflict, notFound } from '../../../errors';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { newApiToken } from '../auth/apiTokens';

/** A new token named `name`; the token itself is in the answer only (never stored, never logged). */
export async function createApiToken(ds: DataSource, actor: Actor, name: string): Promise<{ token: string; row: ApiToken }> {
  const { token, tokenHash, prefix } = newApiToken();
  const row = await ds.transaction(async (em) => {
    const saved = await em.getRepository(ApiToken).save(
      Object.assign(new ApiToken(), {
        corpId: actor.corpId,
        name,
        tokenHash,
        prefix,
        createdBy: actor.userid,
        createdAt: new Date(),
        lastUsedAt: null,
        revokedBy: null,
        revokedAt: null,
      }),
    );
    await recordAudit(em, actor, { action: 'open.token.create', targetKind: 'api_token', targetId: saved.id, detail: { name, prefix } });
    return saved;
  });
  return { token, row };
}

/** Tokens the actor may see and revoke: their own; an admin, all of the corp's. */
export const mayManage = (actor: Actor, t: Pick<ApiToken, 'createdBy'>): boolean => actor.roles.includes('admin') || t.createdBy === actor.userid;

export async function revokeApiToken(ds: DataSource, actor: Actor, id: number): Promise<ApiToken> {
  return ds.transaction(async (em) => {
    const t = await em.getRepository(ApiToken).findOneBy({ corpId: actor.corpId, id });
    if (!t || !mayManage(actor, t)) throw notFound('开放接口令牌');
    if (t.revokedAt) throw conflict('token_revoked', `令牌“${t.name}”已于之前吊销`);
    Object.assign(t, { revokedAt: new Date(), revokedBy: actor.userid });
    await em.getRepository(ApiToken).update({ corpId: actor.corpId, id }, { revokedAt: t.revokedAt, revokedBy: t.revokedBy });
    await recordAudit(em, actor, { action: 'open.token.revoke', targetKind: 'api_token', targetId: t.id, detail: { name: t.name, prefix: t.prefix } });
    return t;
  });
}
