/**
 * Pulse surveys (脉搏调查): short recurring anonymous questionnaires per team — the questions, their validation, the
 * aggregation of anonymous answers, and the disclosure rule that keeps a result from ever describing fewer than
 * `PULSE_MIN_GROUP` people, directly or by subtracting one shown group from another.
 */
import { compareZh, zh } from '../zhText';
import { addDays } from './weeks';

/** Results, comments and atmosphere are shown only for groups of at least this many respondents. */
export const PULSE_MIN_GROUP = 5;
export const PULSE_SUPPRESSED = '样本不足 5 人，不显示';

/**
 * What a question measures: `enps` (0–10, “would you recommend working here”), the 1–5 scales `stay` (intent to stay),
 * `workload` and `support` (support in the move to big clients), `other` (a 1–5 scale of HR's own), `comment` (free text).
 */
export type PulseMeasure = 'enps' | 'stay' | 'workload' | 'support' | 'other' | 'comment';
export const PULSE_MEASURES: readonly PulseMeasure[] = ['enps', 'stay', 'workload', 'support', 'other', 'comment'];
export const PULSE_MEASURE_LABELS: Record<PulseMeasure, string> = {
  enps: '推荐意愿（eNPS）',
  stay: '留任意愿',
  workload: '工作量',
  support: '转型支持',
  other: '其他量表题',
  comment: '意见与建议',
};

export interface PulseQuestion {
  id: string;
  measure: PulseMeasure;
  text: string;
  /** Text questions are optional unless required; scales are always required. */
  required?: boolean;
}

export type PulseCadence = 'once' | 'biweekly' | 'monthly';
export const PULSE_CADENCES: readonly PulseCadence[] = ['once', 'biweekly', 'monthly'];
export const PULSE_CADENCE_LABELS: Record<PulseCadence, string> = { once: '仅一次', biweekly: '每两周', monthly: '每月' };

/** The built-in template (our own wording): five questions, about a minute. */
export const PULSE_TEMPLATE: { title: string; questions: PulseQuestion[] } = {
  title: '团队脉搏调查',
  questions: [
    { id: 'enps', measure: 'enps', text: '你有多大可能向朋友推荐来我们团队工作？（0 = 完全不可能，10 = 非常可能）' },
    { id: 'stay', measure: 'stay', text: '一年以后，我仍打算在公司工作。' },
    { id: 'workload', measure: 'workload', text: '我目前的工作量是合理的、可以持续的。' },
    { id: 'support', measure: 'support', text: '在从小客户转向大客户的过程中，我得到了足够的培训和支持。' },
    { id: 'comment', measure: 'comment', text: '还有什么想对团队或公司说的？（选填，匿名）' },
  ],
};

/** 1–5 scale labels, from 非常不同意 to 非常同意. */
export const PULSE_SCALE_LABELS = ['非常不同意', '不同意', '一般', '同意', '非常同意'] as const;

export interface PulseProblem {
  field: string;
  message: string;
}

/** Every problem of a question list at once, in Chinese; empty when fine. */
export function validatePulseQuestions(questions: readonly PulseQuestion[]): PulseProblem[] {
  if (questions.length === 0) return [{ field: 'questions', message: '调查没有题目：请至少保留一道题（可使用内置模板）' }];
  const out: PulseProblem[] = [];
  if (questions.length > 20) out.push({ field: 'questions', message: zh`脉搏调查应简短：最多 20 道题，现有 ${questions.length} 道` });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const n = i + 1;
    if (!/^[a-z0-9_-]{1,32}$/i.test(q.id)) out.push({ field: `questions.${i}.id`, message: zh`第 ${n} 题：编号应为 1 到 32 个字母、数字、- 或 _` });
    else if (seen.has(q.id)) out.push({ field: `questions.${i}.id`, message: zh`第 ${n} 题：编号 ${q.id} 重复` });
    seen.add(q.id);
    if (!PULSE_MEASURES.includes(q.measure)) out.push({ field: `questions.${i}.measure`, message: zh`第 ${n} 题：未知的题型 ${String(q.measure)}` });
    const len = [...(q.text ?? '').trim()].length;
    if (len === 0 || len > 200) out.push({ field: `questions.${i}.text`, message: zh`第 ${n} 题：题干应为 1 到 200 个字` });
  });
  if (!questions.some((q) => q.measure !== 'comment')) out.push({ field: 'questions', message: '调查至少要有一道量表题（只有意见题无法计算团队氛围）' });
  return out;
}

export type PulseAnswers = Record<string, number | string>;

/** An answer sheet checked against the questions: the clean answers, or every problem in Chinese. */
export function checkPulseAnswers(questions: readonly PulseQuestion[], raw: Record<string, unknown>): { answers: PulseAnswers; problems: PulseProblem[] } {
  const answers: PulseAnswers = {};
  const problems: PulseProblem[] = [];
  questions.forEach((q, i) => {
    const v = raw[q.id];
    const n = i + 1;
    if (q.measure === 'comment') {
      const text = typeof v === 'string' ? v.trim() : '';
      if (v !== undefined && v !== null && typeof v !== 'string') problems.push({ field: q.id, message: zh`第 ${n} 题：应为文字` });
      else if ([...text].length > 500) problems.push({ field: q.id, message: zh`第 ${n} 题：最多 500 个字` });
      else if (text) answers[q.id] = text;
      else if (q.required) problems.push({ field: q.id, message: zh`第 ${n} 题：请填写` });
      return;
    }
    const [min, max] = q.measure === 'enps' ? [0, 10] : [1, 5];
    if (v === undefined || v === null || v === '') problems.push({ field: q.id, message: zh`第 ${n} 题：请作答` });
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      problems.push({ field: q.id, message: zh`第 ${n} 题：应为 ${min} 到 ${max} 的整数` });
    else answers[q.id] = v;
  });
  return { answers, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Disclosure: which groups may be shown.

export interface PulseGroupNode {
  /** A department id. */
  id: number;
  parentId: number | null;
  /** Respondents whose group is exactly this department (not below it). */
  own: number;
}

/**
 * The groups (departments, each with everything below it) whose results may be shown. The rule: a group is shown only
 * when it has at least `min` respondents, its parent is shown (the root needs only the size), and — so that no
 * subtraction isolates a smaller group — every shown group keeps either none or at least `min` respondents once its
 * shown sub-groups are taken away. When the rest would be 1 to `min − 1`, the smallest shown sub-group is suppressed
 * (merged back into the rest) until it holds. Then every set one can compute from shown groups by adding and
 * subtracting is a union of such rests, each empty or of at least `min` people.
 */
export function disclosableGroups(nodes: readonly PulseGroupNode[], rootId: number, min = PULSE_MIN_GROUP): { shown: Set<number>; total: Map<number, number> } {
  const children = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const n of nodes) {
    own.set(n.id, n.own);
    if (n.parentId !== null && n.id !== rootId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  }
  const total = new Map<number, number>();
  const sum = (id: number): number => {
    const t = (own.get(id) ?? 0) + (children.get(id) ?? []).reduce((s, c) => s + sum(c), 0);
    total.set(id, t);
    return t;
  };
  sum(rootId);
  const shown = new Set<number>();
  const visit = (id: number) => {
    shown.add(id);
    const candidates = (children.get(id) ?? []).filter((c) => total.get(c)! >= min).sort((a, b) => total.get(b)! - total.get(a)! || a - b);
    for (;;) {
      const rest = total.get(id)! - candidates.reduce((s, c) => s + total.get(c)!, 0);
      if (rest === 0 || rest >= min || candidates.length === 0) break;
      candidates.pop(); // the smallest
    }
    for (const c of candidates) visit(c);
  };
  if ((total.get(rootId) ?? 0) >= min) visit(rootId);
  return { shown, total };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation of one group's anonymous answers.

export interface PulseScaleResult {
  questionId: string;
  measure: PulseMeasure;
  text: string;
  answered: number;
  /** Mean with one decimal (1–5, or 0–10 for eNPS). */
  mean: number | null;
  /** Counts per value: index 0 = the lowest value. */
  distribution: number[];
}

export interface PulseGroupResult {
  respondents: number;
  /** eNPS: % promoters (9–10) − % detractors (0–6), −100 … 100; null without an eNPS question. */
  enps: number | null;
  promoters: number;
  detractors: number;
  scales: PulseScaleResult[];
  comments: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Aggregate the answers of one group (call only for a disclosed group). Comments are sorted, never in answer order. */
export function aggregatePulse(questions: readonly PulseQuestion[], answers: readonly PulseAnswers[]): PulseGroupResult {
  const scales: PulseScaleResult[] = [];
  let enps: number | null = null;
  let promoters = 0;
  let detractors = 0;
  const comments: string[] = [];
  for (const q of questions) {
    if (q.measure === 'comment') {
      for (const a of answers) if (typeof a[q.id] === 'string') comments.push(a[q.id] as string);
      continue;
    }
    const lo = q.measure === 'enps' ? 0 : 1;
    const values = answers.map((a) => a[q.id]).filter((v): v is number => typeof v === 'number');
    const distribution = Array.from({ length: q.measure === 'enps' ? 11 : 5 }, () => 0);
    for (const v of values) distribution[v - lo]! += 1;
    const mean = values.length > 0 ? round1(values.reduce((s, v) => s + v, 0) / values.length) : null;
    scales.push({ questionId: q.id, measure: q.measure, text: q.text, answered: values.length, mean, distribution });
    if (q.measure === 'enps' && enps === null && values.length > 0) {
      promoters = values.filter((v) => v >= 9).length;
      detractors = values.filter((v) => v <= 6).length;
      enps = Math.round(((promoters - detractors) / values.length) * 100);
    }
  }
  comments.sort((a, b) => compareZh(a, b));
  return { respondents: answers.length, enps, promoters, detractors, scales, comments };
}

/** The mean of the first question measuring `measure`, if any. */
export function pulseMean(result: PulseGroupResult, measure: PulseMeasure): number | null {
  return result.scales.find((s) => s.measure === measure)?.mean ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds.

/** The next round of a recurring survey: it opens one cadence after the last opened and runs as long. Null for `once`. */
export function nextPulseRound(cadence: PulseCadence, last: { opensOn: string; dueOn: string }): { opensOn: string; dueOn: string } | null {
  if (cadence === 'once') return null;
  const length = Math.round((Date.parse(`${last.dueOn}T00:00:00Z`) - Date.parse(`${last.opensOn}T00:00:00Z`)) / 86_400_000);
  let opensOn: string;
  if (cadence === 'biweekly') opensOn = addDays(last.opensOn, 14);
  else {
    const [y, m, d] = last.opensOn.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m, 1)); // first of next month
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    opensOn = `${next.toISOString().slice(0, 7)}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  }
  return { opensOn, dueOn: addDays(opensOn, length) };
}
