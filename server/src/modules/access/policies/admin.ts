import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';

/** Only admins (DingTalk `sys`) manage roles and the job queues. */
export function assertAdmin(actor: Actor, message = '只有管理员可以设置角色'): void {
  if (!actor.roles.includes('admin')) throw forbidden(message);
}

/** HR pages (org, sync, queues) are for HR and admins. */
export function assertHrOrAdmin(actor: Actor): void {
  if (!actor.roles.includes('hr') && !actor.roles.includes('admin')) throw forbidden('只有 HR 和管理员可以查看');
}
