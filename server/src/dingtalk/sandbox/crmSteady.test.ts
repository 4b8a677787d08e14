/**
 * The sandbox CRM's steady closers (the demo's promotion streaks come from them): half of the 大客户部 veterans still
 * employed and not drifting sign an expansion contract with an existing client every month of the transition year,
 * deterministically with the seed; nobody else is one.
 */
import { AttendancePeople } from './attendancePeople';
import { generateCorp } from './generateCorp';
import { generateCrm, sellerProfile, steadyCloser } from './crmModel';
import { chinaDayNumber } from './workCalendar';

const corp = generateCorp({ corpId: 'dingsteady', appKey: 'k', appSecret: 's', agentId: 1, seed: 7, employees: 300 });
const month = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

it('has steady closers only among key-account veterans, each with a big contract in every complete month of the last year', () => {
  const people = new AttendancePeople(corp);
  const today = chinaDayNumber(corp.asOfMs);
  const crm = generateCrm(corp);
  const keyAccount = [...corp.users.values()].filter((u) => corp.departments.get(u.dept_id_list[0]!)?.kind === 'keyAccount');
  const steady = keyAccount.filter((u) => {
    const p = people.get(u.userid)!;
    return steadyCloser(corp.seed, p, sellerProfile(corp.seed, p, today, true), true);
  });
  const veterans = keyAccount.filter((u) => sellerProfile(corp.seed, people.get(u.userid)!, today, true) === 'veteran');
  expect(steady.length).toBeGreaterThanOrEqual(2);
  expect(steady.length).toBeLessThan(veterans.length);
  for (const u of steady) expect(people.get(u.userid)!.drift).toBeUndefined();
  // Not in 大客户部, or not a veteran: never steady.
  const other = [...corp.users.values()].find((u) => !keyAccount.includes(u) && people.get(u.userid)?.sales)!;
  const p = people.get(other.userid)!;
  expect(steadyCloser(corp.seed, p, 'veteran', false)).toBe(false);
  expect(steadyCloser(corp.seed, people.get(steady[0]!.userid)!, 'growing', true)).toBe(false);

  // The 11 complete months before "today"'s month: each steady closer signed at least 250,000 元 with a client of theirs.
  const now = new Date(today * 86_400_000);
  const months = Array.from({ length: 11 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1)).toISOString().slice(0, 7));
  for (const u of steady) {
    const own = new Set(crm.customers.filter((c) => c.creator === u.userid).map((c) => c.instanceId));
    for (const m of months) {
      const deals = crm.contracts.filter((c) => c.owner === u.userid && c.status !== 'cancelled' && month(c.signMs) === m);
      expect({ who: u.userid, m, big: deals.some((c) => c.amountFen >= 25_000_000 && own.has(c.customerId)) }).toEqual({ who: u.userid, m, big: true });
    }
  }
  // Deterministic with the seed.
  expect(JSON.stringify(generateCrm(generateCorp({ corpId: 'dingsteady', appKey: 'k', appSecret: 's', agentId: 1, seed: 7, employees: 300 })))).toBe(
    JSON.stringify(crm),
  );
});
