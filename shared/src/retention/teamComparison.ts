import { zh } from '../zhText';
import { formatAmount, signalUnit } from './drivers';
import { RECENT_WEEKS, SIGNAL_LABELS, SIGNAL_METRICS, type PersonWeekSignals, type SignalMetric } from './signals';

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

/** Every member's team comparison, keyed by userid. */
export function teamComparisons(members: readonly TeamMember[]): Map<string, TeamComparison> {
  type Sum = { people: number; weeks: number; totals: Record<SignalMetric, number> };
  const sums = new Map<number, Sum>();
  const counts = (m: TeamMember) => m.deptId !== null && m.signals.recentWeeks > 0;
  for (const m of members) {
    if (!counts(m)) continue;
    const s = sums.get(m.deptId!) ?? { people: 0, weeks: 0, totals: Object.fromEntries(SIGNAL_METRICS.map((k) => [k, 0])) as Record<SignalMetric, number> };
    s.people += 1;
    s.weeks += m.signals.recentWeeks;
    for (const k of SIGNAL_METRICS) s.totals[k] += m.signals.metrics[k].recentTotal;
    sums.set(m.deptId!, s);
  }
  const out = new Map<string, TeamComparison>();
  for (const m of members) {
    const s = m.deptId === null ? undefined : sums.get(m.deptId);
    const self = counts(m);
    const peers = s ? s.people - (self ? 1 : 0) : 0;
    const weeks = s ? s.weeks - (self ? m.signals.recentWeeks : 0) : 0;
    if (!s || peers < MIN_TEAM_PEERS || weeks <= 0) {
      out.set(m.userid, { status: 'insufficient', peers, deptId: m.deptId, metrics: null });
      continue;
    }
    const metrics = {} as Record<SignalMetric, TeamMetric>;
    for (const k of SIGNAL_METRICS) {
      const own = m.signals.metrics[k];
      const personPerWeek = own.recentPerWeek;
      const teamPerWeek = (s.totals[k] - (self ? own.recentTotal : 0)) / weeks;
      metrics[k] = { personPerWeek, teamPerWeek, deviation: teamPerWeek > 0 ? (personPerWeek - teamPerWeek) / teamPerWeek : null };
    }
    out.set(m.userid, { status: 'ok', peers, deptId: m.deptId, metrics });
  }
  return out;
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
