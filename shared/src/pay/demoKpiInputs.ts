/**
 * The demo company's KPI inputs that DingTalk does not hold (a real company imports its satisfaction surveys and its
 * supervisors rate team-project contribution each month): derived from each salesperson's generated behaviour, so the
 * demo's scores follow what people did. Pure and deterministic (a hash of the row, never a random draw).
 *
 * - **Satisfaction**: big clients are surveyed monthly: each month, every customer of the salesperson with a counting
 *   contract signed in the 12 months up to that month answers once, on a day between the 5th and the 24th. The score
 *   starts at 7.0 for a small client and 8.0 for a big one (a contract ≥ 10,000 CNY), +0.8 when a contract renews,
 *   +0.3 for each cross-department follow-up the salesperson ran with that customer (at most +0.9), ±0.3 of noise,
 *   within 5.0–10.0.
 * - **Team-project rating** (1–5) for a month from the salesperson's cross-department collaborations that month: none
 *   → 2, 1–2 → 3, 3–5 → 4, 6 or more → 5 (with the comment a 5 needs).
 */
import { zh } from '../zhText';

/** A big deal, in fen (10,000 CNY): the sandbox's line between small and big clients. */
export const DEMO_BIG_DEAL_FEN = 1_000_000;

/** A small stable hash of text, 0 … 2^32 − 1 (FNV-1a). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export interface DemoSurveyFacts {
  key: string;
  amountFen: number;
  renewalYears: number;
  /** Cross-department follow-ups the owner ran with this customer. */
  collaborations: number;
}

/** The survey's score in tenths (0–100) and its day of the month (5–24). */
export function demoSurvey(f: DemoSurveyFacts): { scoreTenths: number; day: number } {
  const h = stableHash(f.key);
  const base = f.amountFen >= DEMO_BIG_DEAL_FEN ? 80 : 70;
  const score = base + (f.renewalYears > 0 ? 8 : 0) + Math.min(9, 3 * f.collaborations) + ((h % 7) - 3);
  return { scoreTenths: Math.max(50, Math.min(100, score)), day: 5 + ((h >>> 8) % 20) };
}

/** A supervisor's team-project rating (1–5) and comment for a month with `collaborations` cross-department records. */
export function demoTeamProjectRating(collaborations: number): { rating: number; comment: string } {
  if (collaborations >= 6) return { rating: 5, comment: zh`本月跨部门协作 ${collaborations} 次，带动技术、客服等同事推进团队项目` };
  if (collaborations >= 3) return { rating: 4, comment: zh`本月跨部门协作 ${collaborations} 次，积极参与团队项目` };
  if (collaborations >= 1) return { rating: 3, comment: zh`本月跨部门协作 ${collaborations} 次` };
  return { rating: 2, comment: '本月没有跨部门协作记录' };
}
