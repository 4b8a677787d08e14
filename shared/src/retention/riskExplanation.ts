import { ARTICLE_RULE_VERSION, articleRule } from './articleRule';
import { describeDomainSignal, type DomainFact, type DomainSignal } from './domainSignals';
import { describeFeature, describeSignal } from './drivers';
import { insufficientDataMessage } from './riskModel';
import { DOMAIN_FEATURE_SIGNAL, type DomainFeature } from './signalFeatures';
import { SIGNAL_METRICS, countTotals, signalsFromTotals, type PersonWeekSignals } from './signals';
import { teamClause, teamFromTotals, teamView, type RetentionTeamView, type TeamTotals } from './teamComparison';

/**
 * What a week's risk keeps: numbers only (the windows' totals, the team's totals, the other domains' values, the
 * model's drivers with their feature values and contributions, why there is no model score). The words HR and the
 * supervisor read are built from them on read (`explainRisk`), with the same functions the run used to store them,
 * so the text is the same as when the words were stored; writing 10,000 risks no longer writes 10,000 paragraphs.
 */
export const RISK_FACTS_FORMAT = 2;

export interface RiskDriverFact {
  feature: string;
  /** The feature's value in the row scored. */
  value: number;
  /** Its contribution to the log-odds. */
  contribution: number;
}

/** Why a risk has no model probability. */
export type ModelNoteFact = { kind: 'baseline' } | { kind: 'untrained' } | { kind: 'insufficient'; leavers: number; stayers: number } | null;

export interface RiskFacts {
  format: typeof RISK_FACTS_FORMAT;
  /** Observed recent and baseline weeks. */
  weeks: [number, number];
  /** Totals of the recent window and of the baseline, COUNT_METRICS order. */
  recent: number[];
  baseline: number[];
  team: TeamTotals;
  domain: DomainFact[];
  drivers: RiskDriverFact[];
  modelNote: ModelNoteFact;
}

/** A risk's explanation in words, as the API shows it (and as rows written before RISK_FACTS_FORMAT hold it). */
export interface RiskExplanationWords {
  ruleReason: string;
  /** The model's top drivers in words (empty without a model). */
  drivers: string[];
  /** Why there is no model probability (e.g. “数据不足 …”), null when there is one. */
  modelNote: string | null;
  /** Each signal against the baseline in words, e.g. “近 4 周请假 3 次，是本人过去 12 周平均的 3 倍”. */
  signals: Record<string, string>;
  /** The week's signals against the main department's other active members (absent on rows of earlier runs). */
  team?: RetentionTeamView;
  /** 绩效发放, 岗位匹配分, 培训 (absent on rows of earlier runs). */
  domainSignals?: DomainSignal[];
}

export function riskFacts(signals: PersonWeekSignals, team: TeamTotals, domain: DomainFact[], drivers: RiskDriverFact[], modelNote: ModelNoteFact): RiskFacts {
  return {
    format: RISK_FACTS_FORMAT,
    weeks: [signals.recentWeeks, signals.baselineWeeks],
    recent: countTotals(signals, 'recentTotal'),
    baseline: countTotals(signals, 'baselineTotal'),
    team,
    domain,
    drivers,
    modelNote,
  };
}

export const isRiskFacts = (e: unknown): e is RiskFacts => !!e && typeof e === 'object' && (e as { format?: unknown }).format === RISK_FACTS_FORMAT;

const MODEL_NOTES = { baseline: '本人基线不足，模型不评估', untrained: '尚未训练模型' } as const;

/** The words of a stored risk (rule version as recorded); rows stored with words before are returned as they are. */
export function explainRisk(explanation: RiskFacts | RiskExplanationWords, weekStart: string, ruleVersion: string): RiskExplanationWords {
  if (!isRiskFacts(explanation)) return explanation;
  const f = explanation;
  const signals = signalsFromTotals(weekStart, f.weeks[0], f.weeks[1], f.recent, f.baseline);
  const team = teamFromTotals(signals, f.team);
  const domain = f.domain.map(describeDomainSignal);
  if (ruleVersion !== ARTICLE_RULE_VERSION) throw new Error(`unknown rule version ${ruleVersion}`);
  const note = f.modelNote;
  return {
    ruleReason: articleRule(signals).reason,
    drivers: f.drivers.map(
      (d) =>
        domain.find((x) => x.key === DOMAIN_FEATURE_SIGNAL[d.feature as DomainFeature])?.text ??
        describeFeature(signals, d.feature, (m) => teamClause(m, signals, team)),
    ),
    modelNote: note === null ? null : note.kind === 'insufficient' ? insufficientDataMessage(note.leavers, note.stayers) : MODEL_NOTES[note.kind],
    signals: Object.fromEntries(SIGNAL_METRICS.map((m) => [m, describeSignal(m, signals.metrics[m])])),
    team: teamView(signals, team),
    domainSignals: domain,
  };
}
