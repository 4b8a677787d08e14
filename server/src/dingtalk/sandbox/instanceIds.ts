/**
 * Approval-instance ids that can be read back: UUID-shaped like DingTalk's procInstId, but carrying a tag of the
 * originator's userid, the day the leave starts and which draw made it, so GET /v1.0/workflow/processInstances can
 * find one instance without scanning the corp's history. A checksum rejects made-up ids.
 */
import { hash53 } from './stableIds';

/** Which stream an instance comes from: 0 the approved leaves of leavePlan, 1 the requests that were not approved. */
export type InstanceVariant = 0 | 1;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);

/** The 32-bit tag of a userid inside instance ids. */
export function userTag(userid: string): number {
  return hash53(userid, 7) % 2 ** 32;
}

/** The id of the approval instance of `userid`'s leave starting on `day`. */
export function instanceIdFor(seed: number, userid: string, day: number, variant: InstanceVariant): string {
  const body = hex(hash53(`${seed}:proc:${userid}:${day}:${variant}`), 12) + hex(userTag(userid), 8) + hex(day, 6) + hex(variant, 2);
  const all = body + hex(hash53(body, 11), 4);
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20, 32)}`;
}

/** What an id says (tag, day, variant), or undefined when it is not a well-formed sandbox instance id. */
export function parseInstanceId(id: string): { tag: number; day: number; variant: InstanceVariant } | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
  const all = id.replace(/-/g, '');
  const body = all.slice(0, 28);
  if (hex(hash53(body, 11), 4) !== all.slice(28)) return undefined;
  const variant = parseInt(body.slice(26, 28), 16);
  if (variant !== 0 && variant !== 1) return undefined;
  return { tag: parseInt(body.slice(12, 20), 16), day: parseInt(body.slice(20, 26), 16), variant };
}
