import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';

/** True for those who administer job models and see the talent review: HR and admins. */
export const isTalentAdmin = (actor: Actor): boolean => actor.roles.includes('hr') || actor.roles.includes('admin');

/** Job models and the talent review are for HR and admins (HR sees only people in its departments). */
export function assertTalentAdmin(actor: Actor): void {
  if (!isTalentAdmin(actor)) throw forbidden('只有 HR 和管理员可以管理岗位模型和人才盘点');
}
