import { zh } from '../zhText';
import type { RiskBand } from './bands';
import { fallsMoreThan, risesMoreThan, type PersonWeekSignals } from './signals';

/**
 * The articles' rule (seed 004): communication down more than 50% and leave frequency up more than 30% against
 * the person's own baseline → high risk (80%). Always evaluated and shown next to any model.
 */
export const ARTICLE_RULE_VERSION = 'article-rule-v1';
export const ARTICLE_RULE_PROBABILITY = 0.8;

export interface ArticleRuleResult {
  version: typeof ARTICLE_RULE_VERSION;
  /** False when the person has no baseline yet (then `fired` is false and `reason` says so). */
  evaluated: boolean;
  fired: boolean;
  /** 0.8 when fired, else null (the rule says nothing about people it does not flag). */
  probability: number | null;
  band: RiskBand | null;
  communicationDown: boolean;
  leaveUp: boolean;
  /** Relative changes as read (0.4 = +40%), null when the baseline is zero. */
  communicationChange: number | null;
  leaveFrequencyChange: number | null;
  reason: string;
}

const signed = (c: number): string => `${c > 0 ? '+' : ''}${Math.round(c * 100)}%`;

function result(evaluated: boolean, communicationDown: boolean, leaveUp: boolean, comm: number | null, leave: number | null): ArticleRuleResult {
  const fired = evaluated && communicationDown && leaveUp;
  const commText = comm === null ? '本人基线期没有沟通记录' : zh`沟通较本人基线 ${signed(comm)}`;
  const leaveText = leave === null ? (leaveUp ? '请假从基线期的 0 次变为有' : '请假在基线期与近期均为 0') : zh`请假频率较本人基线 ${signed(leave)}`;
  const reason = !evaluated
    ? '本人基线不足 8 周（新员工或数据不足），规则暂不评估'
    : fired
      ? `${commText}，${leaveText}：符合“沟通下降超过 50% 且请假频率上升超过 30%”，高风险（80%）`
      : `${commText}，${leaveText}：未同时满足“沟通下降超过 50% 且请假频率上升超过 30%”`;
  return {
    version: ARTICLE_RULE_VERSION,
    evaluated,
    fired,
    probability: fired ? ARTICLE_RULE_PROBABILITY : null,
    band: fired ? '高' : null,
    communicationDown,
    leaveUp,
    communicationChange: comm,
    leaveFrequencyChange: leave,
    reason,
  };
}

/** The rule on a person's weekly signals (exact integer comparisons at the thresholds). */
export function articleRule(signals: PersonWeekSignals): ArticleRuleResult {
  const comm = signals.metrics.communication;
  const leave = signals.metrics.leaveCount;
  return result(signals.baseline === 'ok', fallsMoreThan(comm, 1, 2), risesMoreThan(leave, 3, 10), comm.change, leave.change);
}

/** The rule on changes already computed elsewhere (−0.6 = down 60%); strict thresholds as the articles state. */
export function articleRuleOnChanges(changes: { communicationChange: number; leaveFrequencyChange: number }): ArticleRuleResult {
  // Round to basis points first so that 0.3 computed as 0.30000000000000004 is not "more than 30%".
  const bp = (x: number) => Math.round(x * 10000);
  return result(
    true,
    bp(changes.communicationChange) < -5000,
    bp(changes.leaveFrequencyChange) > 3000,
    changes.communicationChange,
    changes.leaveFrequencyChange,
  );
}
