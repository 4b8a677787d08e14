/**
 * The generated company's past: people who left over the HISTORY_MONTHS before "today", replaced by hires so
 * headcount stays about where it is. Turnover follows the articles: the sales team (大客户部, 中小客户部) lost about
 * 35% a year before the transition, other departments far less. Most people who left on their own drifted towards
 * leaving first (more leave, lateness, unexplained absences, fewer follow-ups in their last ~3 months; see
 * driftModel), a few who were let go did too, and the rest left without warning: the noise a retention model must
 * live with. A pure function of the seed: draws come from the seed's own 'history' stream.
 */
import type { DeptKind, SandboxUser } from './corpTypes';
import { ONE_DAY_MS, startOfChinaDay } from './corpClock';
import { isSalesKind } from './driftModel';
import { LEAVE_REASONS } from './monthlyTurnover';
import type { PlannedDept } from './orgBlueprint';
import { createPrng, deriveSeed, type Prng } from './prng';
import { memberTitles } from './titles';
import { buildUser } from './userFactory';
import { chinaDayNumber, dayStartMs, isWorkingDay } from './workCalendar';

/** How far back the history reaches. */
export const HISTORY_MONTHS = 18;
const HISTORY_DAYS = Math.round((HISTORY_MONTHS * 365) / 12);

/** Yearly turnover (leavers a year / headcount) by department kind; the articles' sales team: 35%. */
const TURNOVER_BY_KIND: Partial<Record<DeptKind, number>> = {
  keyAccount: 0.35,
  smb: 0.35,
  salesSupport: 0.15,
  customerSuccess: 0.18,
};
const OTHER_TURNOVER = 0.1;

/** Share of leavers who drift before their last day: most who left on their own, a few who were let go. */
const DRIFT_SHARE_VOLUNTARY = 0.75;
const DRIFT_SHARE_INVOLUNTARY = 0.2;
/** reason_type of leaving on one's own (家庭, 个人, 发展, 其他); 4-8 are contract ends, agreements, dismissals. */
const VOLUNTARY_REASONS: ReadonlySet<number> = new Set([1, 2, 3, 9]);
/** A replacement starts this many days after the leaver's last day. */
const REFILL_DAYS: readonly [number, number] = [7, 60];

/** Yearly turnover the history aims at for people of a department kind. */
export function targetTurnover(kind: DeptKind): number {
  return TURNOVER_BY_KIND[kind] ?? OTHER_TURNOVER;
}

/** One person who left before "today", as the history planned them. */
export interface PastLeaver {
  /** The person as they were on their last day (never an active user). */
  user: SandboxUser;
  lastWorkDayMs: number;
  reasonType: number;
  reasonMemo: string;
  /** Drifted towards leaving in their last months. */
  drifted: boolean;
}

/** What the history needs from generateCorp: the planned departments, who sits where, who may not be replaced. */
export interface HistoryInput {
  seed: number;
  corpId: string;
  asOfMs: number;
  depts: readonly PlannedDept[];
  /** Main-department members per department (the people who work there). */
  members: ReadonlyMap<number, readonly string[]>;
  users: ReadonlyMap<string, SandboxUser>;
  /** Managers, admins and the demo accounts: their hire dates stay as generated. */
  fixed: ReadonlySet<string>;
  /** The next free generated userid. */
  nextUserid(): string;
}

/**
 * Plan the leavers of the last HISTORY_MONTHS, oldest first. For each one somebody in the same department now
 * holds the job: a member hired after the last day when there is one, otherwise a member whose hire date moves
 * to a few weeks after it (hire dates of `users` change in place). A job left late enough may still be open.
 */
export function planDepartureHistory(input: HistoryInput): PastLeaver[] {
  const prng = createPrng(deriveSeed(input.seed, 'history'));
  const today = startOfChinaDay(input.asOfMs);
  // Who works in each department (main department), and who of them may take a leaver's job (each at most once).
  const staff = new Map<number, SandboxUser[]>();
  const replaceable = new Map<number, SandboxUser[]>();
  for (const dept of input.depts) {
    const here = (input.members.get(dept.dept_id) ?? []).flatMap((id) => {
      const user = input.users.get(id);
      return user && user.dept_id_list[0] === dept.dept_id ? [user] : [];
    });
    staff.set(dept.dept_id, here);
    replaceable.set(
      dept.dept_id,
      here.filter((u) => !input.fixed.has(u.userid)),
    );
  }
  const planned: { dept: PlannedDept; lastWorkDayMs: number }[] = [];
  for (const dept of input.depts) {
    const headcount = staff.get(dept.dept_id)?.length ?? 0;
    const expected = (targetTurnover(dept.kind) * headcount * HISTORY_MONTHS) / 12;
    // Rounded up with the probability of the fraction: every department's expectation is kept exactly.
    const count = Math.floor(expected + prng.next());
    for (let i = 0; i < count; i++) planned.push({ dept, lastWorkDayMs: lastWorkDay(prng, today) });
  }
  planned.sort((a, b) => a.lastWorkDayMs - b.lastWorkDayMs || a.dept.dept_id - b.dept.dept_id);

  return planned.map(({ dept, lastWorkDayMs }) => {
    const user = buildLeaver(prng, input, dept, lastWorkDayMs);
    refill(prng, replaceable.get(dept.dept_id) ?? [], lastWorkDayMs, today);
    const [reasonType, reasonMemo] = prng.weighted(LEAVE_REASONS);
    const drifted = prng.chance(VOLUNTARY_REASONS.has(reasonType) ? DRIFT_SHARE_VOLUNTARY : DRIFT_SHARE_INVOLUNTARY);
    return { user, lastWorkDayMs, reasonType, reasonMemo, drifted };
  });
}

/** A working day within the history, before today. */
function lastWorkDay(prng: Prng, today: number): number {
  let day = chinaDayNumber(today) - 1 - Math.floor(prng.next() * HISTORY_DAYS);
  while (!isWorkingDay(day)) day -= 1;
  return dayStartMs(day);
}

/** The leaver: hired months or years before the last day (salespeople who leave often leave early). */
function buildLeaver(prng: Prng, input: HistoryInput, dept: PlannedDept, lastWorkDayMs: number): SandboxUser {
  const sales = isSalesKind(dept.kind);
  const u = prng.next();
  const tenureDays = sales ? 45 + Math.floor(u ** 2 * 4 * 365) : 90 + Math.floor(u ** 1.5 * 6 * 365);
  return buildUser(prng, {
    userid: input.nextUserid(),
    corpId: input.corpId,
    jobNumber: '',
    title: prng.weighted(memberTitles(dept.kind)),
    deptIds: [dept.dept_id],
    hiredDate: startOfChinaDay(lastWorkDayMs - tenureDays * ONE_DAY_MS),
    workPlace: dept.work_place,
  });
}

/** Give the leaver's job to one of `candidates` (people of the department now), who is then taken off the list. */
function refill(prng: Prng, candidates: SandboxUser[], lastWorkDayMs: number, today: number): void {
  const startMs = startOfChinaDay(lastWorkDayMs + prng.int(REFILL_DAYS[0], REFILL_DAYS[1]) * ONE_DAY_MS);
  if (startMs >= today || candidates.length === 0) return; // still open, or nobody left to take it
  // Someone who joined the department within the refill period took the job; otherwise an earlier hire's date moves.
  const latestStart = lastWorkDayMs + REFILL_DAYS[1] * ONE_DAY_MS;
  let soonest = -1;
  const before: number[] = [];
  candidates.forEach((c, i) => {
    if (c.hired_date <= lastWorkDayMs) before.push(i);
    else if (c.hired_date <= latestStart) {
      const best = candidates[soonest];
      if (!best || c.hired_date < best.hired_date || (c.hired_date === best.hired_date && c.userid < best.userid)) soonest = i;
    }
  });
  const index = soonest >= 0 ? soonest : before.length > 0 ? prng.pick(before) : -1;
  const replacement = candidates[index];
  if (!replacement) return;
  if (replacement.hired_date <= lastWorkDayMs) replacement.hired_date = startMs;
  candidates.splice(index, 1);
}
