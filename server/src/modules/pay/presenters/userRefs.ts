import { In, type DataSource } from 'typeorm';
import type { UserRef } from '@liucai/shared';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { keptRead } from '../../../db/keptReads';

/** The distinct userids named, in order (nulls and empty ids left out). */
const distinctIds = (userids: readonly (string | null)[]): string[] => [...new Set(userids.filter((u): u is string => !!u))].sort();

/** Name cards for the given userids, in one query (unknown ids are left out). */
export async function userRefs(ds: DataSource, corpId: string, userids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const ids = distinctIds(userids);
  if (ids.length === 0) return new Map();
  const users = await ds.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true, title: true } });
  return new Map(users.map((u) => [u.userid, { userid: u.userid, name: u.name, title: u.title }]));
}

/** `userRefs` kept while no person changed (a page's few authors and publishers, the same on every visit). */
export function keptUserRefs(ds: DataSource, actor: Actor, userids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const ids = distinctIds(userids);
  if (ids.length === 0) return Promise.resolve(new Map());
  return keptRead(ds, actor, ['people'], ['userRefs', ids], () => userRefs(ds, actor.corpId, ids));
}
