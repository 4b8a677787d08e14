import type { DataSource } from 'typeorm';
import type { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { visibleUserIds } from './peopleScope';

/**
 * May `actor` see `target`'s profile? The bulk rule (peopleScope.ts) asked for one person: yourself, your direct
 * reports, HR within its departments, admins always. Callers answer 404 otherwise.
 */
export async function canViewUser(ds: DataSource, actor: Actor, target: User): Promise<boolean> {
  if (target.corpId !== actor.corpId) return false;
  return (await visibleUserIds(ds, actor, [target.userid])).has(target.userid);
}
