import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';

/** True for those who administer plans and KPI schemes: HR and admins. */
export const isPayAdmin = (actor: Actor): boolean => actor.roles.includes('hr') || actor.roles.includes('admin');

/** Plans and KPI schemes are administered by HR and admins (a company-wide rule, not people data). */
export function assertPayAdmin(actor: Actor): void {
  if (!isPayAdmin(actor)) throw forbidden('只有 HR 和管理员可以管理激励方案与 KPI 方案');
}
