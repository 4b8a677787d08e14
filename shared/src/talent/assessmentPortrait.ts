/**
 * Assessment scores on the portrait: for the month M, each capability dimension's score from the person's most recent
 * submitted assessment in M-11..M that scored it — the supervisor's rating when the person has one in the window
 * (it weighs behaviour someone else saw), else their own. The row names the questionnaire version, the cycle and
 * both ratings of that cycle, so the job model's dimension input shows where its number came from. Pure.
 */
import { addMonths, monthEnd } from './portrait';
import { periodSpan } from './talentPeriod';
import type { DimensionScore } from './questionnaire';
import { ASSESSMENT_DIMENSIONS, type AssessmentKey } from './talentMetrics';

export interface SubmittedAssessment {
  responseId: number;
  cycleId: number;
  versionId: number;
  role: 'self' | 'supervisor';
  /** Asia/Shanghai day of submission (yyyy-mm-dd). */
  submittedOn: string;
  scores: readonly DimensionScore[];
}

export interface AssessmentMetricValue {
  metric: `assessment.${AssessmentKey}`;
  value: string | null;
  sample: number;
  missing: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The person's assessment metrics for month or quarter `period` (the 12 months ending with its last month); none at
 * all when they submitted nothing in the window.
 */
export function assessmentMetrics(submitted: readonly SubmittedAssessment[], period: string): AssessmentMetricValue[] {
  const { last } = periodSpan(period);
  const from = `${addMonths(last, -11)}-01`;
  const to = monthEnd(last);
  const inWindow = submitted.filter((s) => s.submittedOn >= from && s.submittedOn <= to);
  if (inWindow.length === 0) return [];
  const newestFirst = [...inWindow].sort((a, b) => b.submittedOn.localeCompare(a.submittedOn) || b.responseId - a.responseId);
  return (Object.keys(ASSESSMENT_DIMENSIONS) as AssessmentKey[]).map((key): AssessmentMetricValue => {
    const metric = `assessment.${key}` as const;
    const scored = newestFirst.filter((s) => s.scores.some((d) => d.dimension === key && d.score !== null));
    const pick = scored.find((s) => s.role === 'supervisor') ?? scored[0];
    if (!pick) return { metric, value: null, sample: 0, missing: '数据不足：近 12 个月提交的测评没有这一维度的题目' };
    const score = (s: SubmittedAssessment | undefined) => s?.scores.find((d) => d.dimension === key)?.score ?? null;
    const d = pick.scores.find((x) => x.dimension === key)!;
    const sameCycle = (role: 'self' | 'supervisor') => scored.find((s) => s.cycleId === pick.cycleId && s.role === role);
    return {
      metric,
      value: d.score!.replace(/\.0$/, ''),
      sample: d.answered,
      missing: null,
      detail: {
        source: pick.role,
        versionId: pick.versionId,
        cycleId: pick.cycleId,
        responseId: pick.responseId,
        submittedOn: pick.submittedOn,
        self: score(sameCycle('self')),
        supervisor: score(sameCycle('supervisor')),
      },
    };
  });
}
