import type { RiskBand } from './bands';
import { addDays } from './weeks';

/**
 * Backtest of stored weekly risks against who actually left: of the leavers, how many were flagged 高 at least
 * `leadDays` (30) days before their last day (a flag only counts if the week it was computed for ended that early);
 * and, per band threshold (高; 中 or above), precision (flagged people who then left) and recall (leavers who were
 * flagged in time). A stayer's flags count from weeks ending `leadDays` or more before `asOf` (a newer flag cannot
 * be judged yet); each person counts once, at the highest band reached.
 */
export interface BacktestPerson {
  userid: string;
  /** Last day for leavers, null for people still employed at `asOf`. */
  lastDay: string | null;
}

export interface BacktestRisk {
  userid: string;
  weekStart: string;
  band: RiskBand | null;
}

export interface BandBacktest {
  band: '高' | '中及以上';
  flagged: number;
  flaggedLeavers: number;
  /** Flagged people who stayed: false alarms. */
  flaggedStayers: number;
  /** null when nobody was flagged. */
  precision: number | null;
  /** null when nobody left. */
  recall: number | null;
}

export interface BacktestResult {
  leadDays: number;
  leavers: number;
  stayers: number;
  /** Leavers flagged 高 ≥ leadDays before their last day. */
  leaversFlaggedHighInTime: number;
  byBand: BandBacktest[];
  /** Leavers never flagged 高 in time (for HR to read). */
  missed: string[];
}

const RANK: Record<RiskBand, number> = { 高: 3, 中: 2, 低: 1 };

/**
 * Run the backtest (people with no risk row at all count as never flagged). `evaluatedFrom` (the first week risks
 * were computed for) leaves out leavers who were gone before a flag could have come in time.
 */
export function backtestRisks(
  people: readonly BacktestPerson[],
  risks: readonly BacktestRisk[],
  opts: { asOf: string; leadDays?: number; evaluatedFrom?: string },
): BacktestResult {
  const leadDays = opts.leadDays ?? 30;
  // A leaver whose last day came too soon after the first evaluated week could never have been flagged in time:
  // they are left out rather than counted as missed.
  const from = opts.evaluatedFrom;
  people = people.filter((p) => !from || p.lastDay === null || addDays(p.lastDay, -leadDays) >= addDays(from, 6));
  const lastDayOf = new Map(people.map((p) => [p.userid, p.lastDay]));
  const best = new Map<string, number>();
  for (const r of risks) {
    if (!r.band || !lastDayOf.has(r.userid)) continue;
    const lastDay = lastDayOf.get(r.userid) ?? null;
    const weekEnd = addDays(r.weekStart, 6);
    const cutoff = addDays(lastDay ?? opts.asOf, -leadDays);
    if (weekEnd > cutoff) continue;
    best.set(r.userid, Math.max(best.get(r.userid) ?? 0, RANK[r.band]));
  }
  const leavers = people.filter((p) => p.lastDay !== null);
  const stayers = people.length - leavers.length;
  const byBand = (
    [
      ['高', 3],
      ['中及以上', 2],
    ] as const
  ).map(([band, rank]) => {
    const flagged = people.filter((p) => (best.get(p.userid) ?? 0) >= rank);
    const flaggedLeavers = flagged.filter((p) => p.lastDay !== null).length;
    return {
      band,
      flagged: flagged.length,
      flaggedLeavers,
      flaggedStayers: flagged.length - flaggedLeavers,
      precision: flagged.length ? flaggedLeavers / flagged.length : null,
      recall: leavers.length ? flaggedLeavers / leavers.length : null,
    };
  });
  const missed = leavers.filter((p) => (best.get(p.userid) ?? 0) < 3).map((p) => p.userid);
  return { leadDays, leavers: leavers.length, stayers, leaversFlaggedHighInTime: leavers.length - missed.length, byBand, missed };
}
