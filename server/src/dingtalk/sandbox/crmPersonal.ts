/**
 * Personal customers (crm_customer_personal): individuals a salesperson sells to directly, e.g. a shop owner or a
 * private buyer. DingTalk keeps them in a list of their own beside the enterprise customers; the sandbox gives
 * some salespeople a few of them, from a generator of its own so the enterprise CRM stays as it was.
 */
import type { AttendancePerson } from './attendancePeople';
import type { CrmCustomer } from './crmModel';
import { randomChineseName } from './nameBank';
import { keyedPrng, stableUuid } from './stableIds';
import { chinaTimeOn } from './workCalendar';

/** About a third of salespeople hold 1-3 personal customers, created while they worked here. */
export function personalCustomersOf(seed: number, person: AttendancePerson, from: number, until: number): CrmCustomer[] {
  const p = keyedPrng([seed, 'crm-personal', person.userid]);
  if (until - from < 20 || !p.chance(0.35)) return [];
  const out: CrmCustomer[] = [];
  for (let i = 0, n = p.int(1, 3); i < n; i++) {
    const createMs = chinaTimeOn(from + Math.floor(p.next() * (until - from)), 9 + p.int(0, 9), p.int(0, 59));
    const name = `${randomChineseName(p)}（个人）`;
    out.push({
      instanceId: stableUuid([seed, 'crm-personal', person.userid, i]),
      name,
      owner: person.userid,
      creator: person.userid,
      createMs,
      modifyMs: createMs,
    });
  }
  return out;
}
