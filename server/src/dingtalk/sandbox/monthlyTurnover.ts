/**
 * Months passing in a sandbox corp: every month a few percent of people leave and a few percent join,
 * drawn from a PRNG seeded by (corp seed, month number) so the same corp ages the same way every run.
 */
import type { SandboxDemoUsers, SandboxDeparture, SandboxUser, SandboxUserInput } from './corpTypes';
import { addChinaMonths, daysBetween, ONE_DAY_MS } from './corpClock';
import { createPrng, deriveSeed, type Prng } from './prng';

/** Who left and who joined during advanceMonths. */
export interface TurnoverSummary {
  left: string[];
  joined: string[];
  headcountBefore: number;
  headcountAfter: number;
}

/** The parts of a corp that turnover needs (kept structural to avoid an import cycle with SandboxCorp). */
export interface TurnoverTarget {
  readonly seed: number;
  readonly demoUsers: SandboxDemoUsers;
  readonly users: Map<string, SandboxUser>;
  asOfMs: number;
  monthsAdvanced: number;
  isManagerAnywhere(userid: string): boolean;
  hire(partial: SandboxUserInput, prng: Prng): SandboxUser;
  recordLeave(userid: string, lastWorkDayMs: number, reasonType: number, reasonMemo: string): SandboxDeparture;
}

/** Monthly leave rate range: 1.5% .. 3.5%. */
const LEAVE_RATE: readonly [number, number] = [0.015, 0.035];
/** Monthly hire rate range: 2% .. 4% (a growing company). */
const HIRE_RATE: readonly [number, number] = [0.02, 0.04];

/** listdimission reason_type with a realistic mix; memo is what HR would type. */
export const LEAVE_REASONS: readonly (readonly [readonly [number, string], number])[] = [
  [[1, '家庭原因，回老家发展'], 1],
  [[2, '个人原因'], 4],
  [[3, '有更好的发展机会'], 3],
  [[4, '合同到期不续签'], 1],
  [[5, '协商一致解除'], 0.5],
  [[6, '业绩未达标'], 0.6],
  [[9, '其他'], 0.4],
];

/** Advance the corp `months` months; returns who left and joined. */
export function simulateMonths(corp: TurnoverTarget, months: number): TurnoverSummary {
  const summary: TurnoverSummary = { left: [], joined: [], headcountBefore: corp.users.size, headcountAfter: 0 };
  for (let i = 0; i < months; i++) simulateOneMonth(corp, summary);
  summary.headcountAfter = corp.users.size;
  return summary;
}

function simulateOneMonth(corp: TurnoverTarget, summary: TurnoverSummary): void {
  corp.monthsAdvanced += 1;
  const prng = createPrng(deriveSeed(corp.seed, `month:${corp.monthsAdvanced}`));
  const monthStart = corp.asOfMs;
  const monthEnd = addChinaMonths(monthStart, 1);
  const dayInMonth = (): number => monthStart + prng.int(0, Math.max(0, daysBetween(monthStart, monthEnd) - 1)) * ONE_DAY_MS;
  const headcount = corp.users.size;

  // Managers, admins and the demo accounts stay: losing them would leave departments without a head
  // and break the demo's logins, which is not what a test of "people leaving" wants.
  const protectedIds = new Set(Object.values(corp.demoUsers));
  const candidates = [...corp.users.values()].filter((u) => !u.boss && !u.admin && !protectedIds.has(u.userid) && !corp.isManagerAnywhere(u.userid));
  const leaving = Math.min(candidates.length, Math.round(headcount * rate(prng, LEAVE_RATE)));
  // Draw the hires' teams before anyone leaves, from people who stay in ordinary roles.
  const joining = Math.round(headcount * rate(prng, HIRE_RATE));
  const teamMates = candidates.length > 0 ? candidates : [...corp.users.values()];
  const hireDepts = Array.from({ length: joining }, () => prng.pick(teamMates).dept_id_list[0] ?? 1);

  for (let i = 0; i < leaving; i++) {
    const j = i + Math.floor(prng.next() * (candidates.length - i));
    const chosen = candidates[j];
    const swapped = candidates[i];
    if (!chosen || !swapped) break;
    candidates[i] = chosen;
    candidates[j] = swapped;
    const [reasonType, memo] = prng.weighted(LEAVE_REASONS);
    corp.recordLeave(chosen.userid, Math.max(dayInMonth(), chosen.hired_date), reasonType, memo);
    summary.left.push(chosen.userid);
  }
  for (const deptId of hireDepts) {
    const hired = corp.hire({ dept_id_list: [deptId], hired_date: dayInMonth() }, prng);
    summary.joined.push(hired.userid);
  }
  corp.asOfMs = monthEnd;
}

function rate(prng: Prng, [low, high]: readonly [number, number]): number {
  return low + (high - low) * prng.next();
}
