/**
 * What a viewer sees of a risk: everyone in scope gets the band and the drivers in words (for a supervisor the rule's
 * reading counts as a driver when it fired, so a 高 from the rule is never unexplained); HR also gets the probability, the rule's
 * result and the model note. Supervisors never get numbers.
 */
import { explainRisk } from '@liucai/shared';
import type { RetentionReviewOutcome, RetentionReviewView, RetentionRiskView, RetentionWeekView, RiskBand, RiskExplanationWords } from '@liucai/shared';
import type { RetentionReview, RetentionRisk, RetentionWeekSignal } from '../../../entities';

/** A stored risk's explanation in words: built from its numbers (rows of earlier runs hold the words). */
export const riskWords = (risk: Pick<RetentionRisk, 'explanation' | 'weekStart' | 'ruleVersion'>): RiskExplanationWords =>
  explainRisk(risk.explanation, risk.weekStart, risk.ruleVersion);

export function presentRisk(
  risk: RetentionRisk,
  person: { userid: string; name: string; title: string | null; deptName: string | null },
  asHr: boolean,
): RetentionRiskView {
  const e = riskWords(risk);
  // HR reads the rule's result on its own line; a supervisor gets its reading as a driver (without the 80%).
  const drivers = [...(risk.ruleFired && !asHr ? [e.ruleReason.replace(/，高风险（80%）$/, '')] : []), ...e.drivers];
  return {
    userid: person.userid,
    name: person.name,
    deptName: person.deptName,
    title: person.title,
    weekStart: risk.weekStart,
    band: (risk.band as RiskBand | null) ?? null,
    drivers,
    probabilityBp: asHr ? (risk.ruleFired ? Math.max(risk.ruleProbabilityBp ?? 0, risk.modelProbabilityBp ?? 0) : risk.modelProbabilityBp) : null,
    rule: asHr ? { version: risk.ruleVersion, fired: risk.ruleFired, reason: e.ruleReason } : null,
    modelNote: asHr ? e.modelNote : null,
    review: null,
    asHr,
  };
}

export function presentWeeks(risks: RetentionRisk[], signals: RetentionWeekSignal[], asHr: boolean): RetentionWeekView[] {
  const byWeek = new Map(signals.map((s) => [s.weekStart, s]));
  return risks.map((r) => {
    const s = byWeek.get(r.weekStart);
    return {
      weekStart: r.weekStart,
      band: (r.band as RiskBand | null) ?? null,
      probabilityBp: asHr ? (r.ruleFired ? Math.max(r.ruleProbabilityBp ?? 0, r.modelProbabilityBp ?? 0) : r.modelProbabilityBp) : null,
      ruleFired: asHr ? r.ruleFired : null,
      signals:
        asHr && s
          ? {
              leaves: s.leaveCount,
              late: s.lateCount,
              absences: s.absenceCount,
              followUps: s.followUps,
              collaborations: s.collaborations,
              helping: s.helping,
              deals: s.deals,
            }
          : null,
    };
  });
}

export function presentReview(r: RetentionReview, names: Map<string, string>): RetentionReviewView {
  return {
    id: r.id,
    weekStart: r.weekStart,
    outcome: r.outcome as RetentionReviewOutcome,
    note: r.note,
    reviewerUserid: r.reviewerUserid,
    reviewerName: names.get(r.reviewerUserid) ?? null,
    reviewedAt: new Date(r.reviewedAt).toISOString(),
  };
}
