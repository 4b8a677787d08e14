import { zh } from '../zhText';
import { formatAmount, signalUnit } from './drivers';
import { COUNT_METRICS, RECENT_WEEKS, SIGNAL_LABELS, SIGNAL_METRICS, signalTotals, type PersonWeekSignals, type SignalMetric } from './signals';

/**
 * The team comparison of a week's signals: the person's recent window (the same 4 weeks as the baseline
 * comparison) against the other active members of their main department over the same window.
 *
 * - Team rate = the other members' recent totals summed ÷ their observed recent weeks summed (a per-person weekly
 *   rate; a member who joined two weeks ago counts two weeks).
 * - Deviation = (the person's weekly rate − the team rate) ÷ the team rate; null when the team rate is zero.
 * - Fewer than 3 other members with observed recent weeks → `insufficient` (数据不足), no rates.
 * Computed for the whole company in one pass over everyone's signals (no query per person).
 */
export const MIN_TEAM_PEERS = 3;

export interface TeamMetric {
  /** The person's weekly rate over the recent window. */
  personPerWeek: number;
  /** The other members' per-person weekly rate over the same window. */
  teamPerWeek: number;
  /** Relative deviation (−0.75 = 75% below the team); null when the team rate is zero. */
  deviation: number | null;
}

export interface TeamComparison {
  status: 'ok' | 'insufficient';
  /** Other active members of the main department with observed recent weeks. */
  peers: number;
  deptId: number | null;
  /** Per signal, only when `ok`. */
  metrics: Record<SignalMetric, TeamMetric> | null;
}

export interface TeamMember {
  userid: string;
  deptId: number | null;
  signals: PersonWeekSignals;
}

/**
 * What a team comparison is computed from, kept as numbers with a stored risk: the other members' count totals over
 * the recent window (COUNT_METRICS order) and their observed recent weeks; `totals` null when insufficient.
 */
export interface TeamTotals {
  peers: number;
  deptId: number | null;
  weeks: number;
  totals: number[] | null;
}

/** The comparison of one person against the other members' totals (the same numbers give the same result on read). */
export function teamFromTotals(signals: PersonWeekSignals, t: TeamTotals): TeamComparison {
  if (!t.totals || t.peers < MIN_TEAM_PEERS || t.weeks <= 0) return { status: 'insufficient', peers: t.peers, deptId: t.deptId, metrics: null };
  const others = signalTotals(t.totals);
  const metrics = {} as Record<SignalMetric, TeamMetric>;
  for (const k of SIGNAL_METRICS) {
    const personPerWeek = signals.metrics[k].recentPerWeek;
    const teamPerWeek = others[k] / t.weeks;
    metrics[k] = { personPerWeek, teamPerWeek, deviation: teamPerWeek > 0 ? (personPerWeek - teamPerWeek) / teamPerWeek : null };
  }
  return { status: 'ok', peers: t.peers, deptId: t.deptId, metrics };
}

/** Every member's team totals (the other members' recent totals), keyed by userid: one pass over everyone. */
export function teamTotals(members: readonly TeamMember[]): Map<string, TeamTotals> {
  type Sum = { people: number; weeks: number; totals: number[] };
  const sums = new Map<number, Sum>();
  const counts = (m: TeamMember) => m.deptId !== null && m.signals.recentWeeks > 0;
  for (const m of members) {
    if (!counts(m)) continue;
    const s = sums.get(m.deptId!) ?? { people: 0, weeks: 0, totals: COUNT_METRICS.map(() => 0) };
    s.people += 1;
    s.weeks += m.signals.recentWeeks;
    COUNT_METRICS.forEach((k, i) => (s.totals[i]! += m.signals.metrics[k].recentTotal));
    sums.set(m.deptId!, s);
  }
  const out = new Map<string, TeamTotals>();
  for (const m of members) {
    const s = m.deptId === null ? undefined : sums.get(m.deptId);
    const self = counts(m);
    const peers = s ? s.people - (self ? 1 : 0) : 0;
    const weeks = s ? s.weeks - (self ? m.signals.recentWeeks : 0) : 0;
    const enough = !!s && peers >= MIN_TEAM_PEERS && weeks > 0;
    const totals = enough ? COUNT_METRICS.map((k, i) => s.totals[i]! - (self ? m.signals.metrics[k].recentTotal : 0)) : null;
    out.set(m.userid, { peers, deptId: m.deptId, weeks: enough ? weeks : 0, totals });
  }
  return out;
}

/** Every member's team comparison, keyed by userid. */
export function teamComparisons(members: readonly TeamMember[]): Map<string, TeamComparison> {
  const bySignals = new Map(members.map((m) => [m.userid, m.signals]));
  return new Map([...teamTotals(members)].map(([userid, t]) => [userid, teamFromTotals(bySignals.get(userid)!, t)]));
}

/** Said for a team comparison without enough members. */
export const TEAM_INSUFFICIENT = zh`数据不足（主部门其他在职成员不足 ${MIN_TEAM_PEERS} 人）`;

/**
 * One signal against the team in words, e.g. “近 4 周客户跟进 2 次，团队人均 9 次”; both numbers over the person's
 * recent window (the team's weekly rate scaled to it).
 */
export function describeTeamSignal(metric: SignalMetric, signals: PersonWeekSignals, team: TeamComparison): string {
  const label = metric === 'communication' ? '沟通' : SIGNAL_LABELS[metric];
  const window = signals.recentWeeks || RECENT_WEEKS;
  const scale = metric === 'leaveDayHundredths' ? 100 : 1;
  const unit = signalUnit(metric);
  const head = zh`近 ${window} 周${label} ${formatAmount(signals.metrics[metric].recentTotal / scale)} ${unit}`;
  if (team.status !== 'ok' || !team.metrics) return zh`${head}，团队对比${TEAM_INSUFFICIENT}`;
  return zh`${head}，团队人均 ${formatAmount((team.metrics[metric].teamPerWeek * window) / scale)} ${unit}`;
}

/** The team clause added to a driver sentence (“；团队人均 9 次”), or '' without a team comparison. */
export function teamClause(metric: SignalMetric, signals: PersonWeekSignals, team: TeamComparison | undefined): string {
  if (!team || team.status !== 'ok' || !team.metrics || !team.metrics[metric]) return '';
  const window = signals.recentWeeks || RECENT_WEEKS;
  const scale = metric === 'leaveDayHundredths' ? 100 : 1;
  return zh`；团队人均 ${formatAmount((team.metrics[metric].teamPerWeek * window) / scale)} ${signalUnit(metric)}`;
}

/** A signal's team comparison as stored with the week's risk and shown to HR. */
export interface RetentionTeamRow {
  metric: SignalMetric;
  label: string;
  /** The person's amount over the recent window (days for leave days). */
  person: number;
  /** The team's per-person amount over the same window; null when `insufficient`. */
  team: number | null;
  /** Deviation from the team in basis points; null when insufficient or the team's amount is zero. */
  deviationBp: number | null;
  text: string;
}

export interface RetentionTeamView {
  status: 'ok' | 'insufficient';
  peers: number;
  /** “数据不足（…）” when insufficient. */
  note: string | null;
  rows: RetentionTeamRow[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The stored and shown form of a person's team comparison. */
export function teamView(signals: PersonWeekSignals, team: TeamComparison): RetentionTeamView {
  const window = signals.recentWeeks || RECENT_WEEKS;
  return {
    status: team.status,
    peers: team.peers,
    note: team.status === 'ok' ? null : TEAM_INSUFFICIENT,
    rows: SIGNAL_METRICS.map((metric) => {
      const scale = metric === 'leaveDayHundredths' ? 100 : 1;
      const t = team.metrics?.[metric];
      return {
        metric,
        label: metric === 'communication' ? '沟通' : SIGNAL_LABELS[metric],
        person: round1(signals.metrics[metric].recentTotal / scale),
        team: t ? round1((t.teamPerWeek * window) / scale) : null,
        deviationBp: t && t.deviation !== null ? Math.round(t.deviation * 10000) : null,
        text: describeTeamSignal(metric, signals, team),
      };
    }),
  };
}
