/**
 * The demo company's assessment answers, from each salesperson's generated behaviour (never from assigned scores):
 * how strongly their synced record shows each capability — months of big-client follow-up for 客户洞察, the share of
 * revenue from big clients for 方案设计, cross-department collaborations a month for 资源协调, the renewal rate for
 * 长期维护 — picks, item by item, the answer such a person would give, with a small per-person, per-item wobble so no
 * two sheets are identical. Pure and deterministic.
 */
import type { Answers, QuestionnaireDefinition } from './questionnaire';
import type { AssessmentKey } from './talentMetrics';

/** 0–1 for each dimension from portrait metric values (exact decimal text, null = 数据不足 → a middling 0.4). */
export function behaviourStrength(metrics: ReadonlyMap<string, string | null>): Record<AssessmentKey, number> {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const of = (key: string, f: (v: number) => number) => {
    const v = metrics.get(key);
    return v === null || v === undefined ? 0.4 : clamp(f(Number(v)));
  };
  return {
    customerInsight: of('bigClientMonths', (v) => v / 12),
    solutionDesign: of('bigRevenueShare', (v) => v / 60),
    resourceCoordination: of('collaborationsPerMonth', (v) => v / 5),
    longTermMaintenance: of('renewalRate', (v) => (v - 50) / 35),
  };
}

/** A stable number in [-0.5, 0.5) from a text (FNV-1a). */
export function wobble(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h / 2 ** 32 - 0.5;
}

/** The answers of a person whose capabilities show `strength` (each item answered by its first dimension's). */
export function answersFromBehaviour(q: QuestionnaireDefinition, strength: Record<AssessmentKey, number>, personKey: string): Answers {
  const out: Answers = {};
  for (const item of q.items) {
    const dim = item.dimensions?.[0];
    if (!dim) continue;
    const s = Math.max(0, Math.min(1, strength[dim] + wobble(`${personKey}:${item.id}`) * 0.3));
    const options = item.options ?? [];
    if (item.kind === 'likert') {
      const v = 1 + Math.round(s * 4);
      out[item.id] = item.reverse ? 6 - v : v;
    } else if (item.kind === 'situational') {
      // The response whose score is nearest to what the person's record suggests.
      const target = s * 100;
      out[item.id] = [...options].sort((a, b) => Math.abs((a.score ?? 0) - target) - Math.abs((b.score ?? 0) - target))[0]!.id;
    } else if (item.kind === 'single') {
      out[item.id] = (s >= 0.5 ? options.find((o) => o.correct) : options.find((o) => !o.correct))!.id;
    } else if (item.kind === 'multiple') {
      const right = options.filter((o) => o.correct);
      const wrong = options.filter((o) => !o.correct);
      const picked = right.slice(0, Math.max(1, Math.round(s * right.length)));
      out[item.id] = [...picked, ...(s < 0.35 && wrong[0] ? [wrong[0]] : [])].map((o) => o.id);
    }
  }
  return out;
}
