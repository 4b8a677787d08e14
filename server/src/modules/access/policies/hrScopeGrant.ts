import type { User } from '../../../entities';
import type { Actor } from '../../../appTypes';

/**
 * May an admin give `user` an HR scope? Only a person of the admin's own corp who still works there: a scope granted
 * to someone who left would come back to life if DingTalk ever re-activated the account.
 */
export function canHoldHrScope(actor: Actor, user: Pick<User, 'corpId' | 'status'> | null): boolean {
  return user !== null && user.corpId === actor.corpId && user.status === 'active';
}
