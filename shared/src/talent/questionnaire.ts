/**
 * Assessment questionnaires (测评问卷) as HR writes them, and their scoring: pure code, no I/O.
 *
 * Item types and how each scores 0–100 (README “测评”):
 * - `single` 单选题: exactly one option is marked `correct`; choosing it scores 100, any other 0.
 * - `multiple` 多选题: at least one option is `correct`; score = max(0, correct chosen − wrong chosen) ÷ correct
 *   options × 100 (so ticking everything does not pay).
 * - `likert` 量表题 1–5: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100; `reverse` flips it (5 → 0) for negatively worded
 *   statements.
 * - `situational` 情景题: every option carries its own `score` (0–100): the best response 100, a poor one 0, the
 *   others in between.
 * - `text` 简答题: not scored, never maps to a dimension; kept with the answers for the reader.
 * Every scored item maps to one or more capability dimensions (ASSESSMENT_DIMENSIONS) with a `weight` (default 1).
 * A dimension's score is the weighted mean of its items' scores, exact, shown with one decimal.
 */
import { ratio, ratioToFixed } from '../pay/rounding';
import { zh } from '../zhText';
import { ASSESSMENT_DIMENSIONS, type AssessmentKey } from './talentMetrics';

export type QuestionKind = 'single' | 'multiple' | 'likert' | 'situational' | 'text';

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
  likert: '量表题',
  situational: '情景题',
  text: '简答题',
};

export interface QuestionOption {
  /** Short id unique in the item (`a`, `b` …). */
  id: string;
  text: string;
  /** single / multiple: a right answer. */
  correct?: boolean;
  /** situational: this response's score, 0–100. */
  score?: number;
}

export interface QuestionItem {
  /** Id unique in the questionnaire (`q1`, `insight-2` …): answers refer to it. */
  id: string;
  kind: QuestionKind;
  /** The question; a situational item puts the situation here. */
  text: string;
  options?: QuestionOption[];
  /** Capability dimensions the item's score counts towards (none for text items). */
  dimensions?: AssessmentKey[];
  /** Positive integer, default 1. */
  weight?: number;
  /** likert: a negatively worded statement (5 → 0). */
  reverse?: boolean;
  /** text: must be answered before submitting (default false). */
  required?: boolean;
}

export interface QuestionnaireDefinition {
  /** What the people answering read first (optional). */
  intro?: string;
  items: QuestionItem[];
}

export interface QuestionnaireProblem {
  path: string;
  message: string;
}

export type QuestionnaireValidation = { ok: true; questionnaire: QuestionnaireDefinition } | { ok: false; problems: QuestionnaireProblem[] };

/** An answer: an option id (single, situational), option ids (multiple), 1–5 (likert) or text. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

export const QUESTIONNAIRE_LIMITS = { items: 100, options: 10, text: 500, answerText: 2000 } as const;
export const ASSESSMENT_KEYS = Object.keys(ASSESSMENT_DIMENSIONS) as AssessmentKey[];
const ID = /^[A-Za-z0-9_-]{1,32}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const dimensionList = () => ASSESSMENT_KEYS.map((k) => `${k}（${dimensionLabel(k)}）`).join('、');

/** 客户洞察 for `customerInsight` (the label without its “测评：” prefix). */
export const dimensionLabel = (key: AssessmentKey): string => ASSESSMENT_DIMENSIONS[key].label.replace(/^测评：/, '');

export const isScored = (item: Pick<QuestionItem, 'kind'>): boolean => item.kind !== 'text';

/** Validate a questionnaire; every problem at once, each naming the item (第 n 题) and what was expected. */
export function validateQuestionnaire(input: unknown): QuestionnaireValidation {
  const problems: QuestionnaireProblem[] = [];
  if (!isObject(input)) return { ok: false, problems: [{ path: '', message: '问卷定义应为对象，包含 items（题目列表）' }] };
  for (const key of Object.keys(input)) if (key !== 'items' && key !== 'intro') problems.push({ path: key, message: `问卷定义中有未知字段“${key}”` });
  if (input.intro !== undefined && (typeof input.intro !== 'string' || [...input.intro].length > QUESTIONNAIRE_LIMITS.text))
    problems.push({ path: 'intro', message: zh`问卷说明（intro）应为不超过 ${QUESTIONNAIRE_LIMITS.text} 个字的文字` });
  const raw = input.items;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > QUESTIONNAIRE_LIMITS.items) {
    problems.push({ path: 'items', message: zh`题目（items）应为 1 到 ${QUESTIONNAIRE_LIMITS.items} 道题的列表` });
    return { ok: false, problems };
  }
  const ids = new Set<string>();
  let scored = 0;
  raw.forEach((item: unknown, i) => {
    const at = zh`第 ${i + 1} 题`;
    const path = `items[${i}]`;
    const bad = (field: string, message: string) => problems.push({ path: field ? `${path}.${field}` : path, message: `${at}：${message}` });
    if (!isObject(item)) return bad('', '应为对象，包含 id、kind、text');
    const kind = item.kind as QuestionKind;
    if (!Object.hasOwn(QUESTION_KIND_LABELS, String(kind)))
      return bad('kind', `题型（kind）应为 single（单选题）、multiple（多选题）、likert（量表题）、situational（情景题）或 text（简答题）之一`);
    const label = QUESTION_KIND_LABELS[kind];
    if (typeof item.id !== 'string' || !ID.test(item.id)) bad('id', '编号（id）应为 1 到 32 个英文字母、数字、- 或 _');
    else if (ids.has(item.id)) bad('id', `编号“${item.id}”与前面的题目重复`);
    else ids.add(item.id);
    if (typeof item.text !== 'string' || item.text.trim() === '' || [...item.text].length > QUESTIONNAIRE_LIMITS.text)
      bad('text', zh`题干（text）应为 1 到 ${QUESTIONNAIRE_LIMITS.text} 个字`);

    // Options.
    const needsOptions = kind === 'single' || kind === 'multiple' || kind === 'situational';
    if (!needsOptions && item.options !== undefined) bad('options', zh`${label}不设选项`);
    if (needsOptions) {
      const options = item.options;
      if (!Array.isArray(options) || options.length < 2 || options.length > QUESTIONNAIRE_LIMITS.options) {
        bad('options', zh`${label}应有 2 到 ${QUESTIONNAIRE_LIMITS.options} 个选项，现有 ${Array.isArray(options) ? options.length : 0} 个`);
      } else {
        const optionIds = new Set<string>();
        let correct = 0;
        options.forEach((o: unknown, j) => {
          const oat = zh`选项 ${j + 1}`;
          if (!isObject(o)) return bad(`options[${j}]`, zh`${oat}应为对象，包含 id 与 text`);
          if (typeof o.id !== 'string' || !ID.test(o.id)) bad(`options[${j}].id`, zh`${oat}的编号（id）应为 1 到 32 个英文字母、数字、- 或 _`);
          else if (optionIds.has(o.id)) bad(`options[${j}].id`, zh`${oat}的编号“${o.id}”与前面的选项重复`);
          else optionIds.add(o.id);
          if (typeof o.text !== 'string' || o.text.trim() === '') bad(`options[${j}].text`, zh`${oat}的内容（text）不能为空`);
          if (o.correct === true) correct++;
          else if (o.correct !== undefined && o.correct !== false) bad(`options[${j}].correct`, zh`${oat}的 correct 应为 true 或 false`);
          if (kind === 'situational') {
            if (typeof o.score !== 'number' || !Number.isInteger(o.score) || o.score < 0 || o.score > 100)
              bad(`options[${j}].score`, zh`${oat}的得分（score）应为 0 到 100 的整数，情景题每个选项都要计分，现为 ${JSON.stringify(o.score) ?? '空'}`);
          } else if (o.score !== undefined) bad(`options[${j}].score`, zh`${oat}：${label}不按选项计分，请用 correct 标出正确选项`);
          if (kind === 'situational' && o.correct !== undefined) bad(`options[${j}].correct`, `${oat}：情景题不设正确选项，请为每个选项填得分（score）`);
        });
        if (kind === 'single' && correct !== 1) bad('options', zh`单选题应恰好有 1 个正确选项（correct: true），现有 ${correct} 个`);
        if (kind === 'multiple' && correct < 1) bad('options', '多选题至少要有 1 个正确选项（correct: true）');
        if (
          kind === 'situational' &&
          options.every((o: unknown) => isObject(o) && typeof o.score === 'number') &&
          !options.some((o) => (o as QuestionOption).score === 100)
        )
          bad('options', '情景题应有一个最佳选项得 100 分');
      }
    }

    // Likert / text flags.
    if (item.reverse !== undefined && (kind !== 'likert' || typeof item.reverse !== 'boolean')) bad('reverse', 'reverse 只用于量表题，应为 true 或 false');
    if (item.required !== undefined && (kind !== 'text' || typeof item.required !== 'boolean'))
      bad('required', 'required 只用于简答题（计分题都必答），应为 true 或 false');

    // Dimensions and weight.
    if (kind === 'text') {
      if (item.dimensions !== undefined && !(Array.isArray(item.dimensions) && item.dimensions.length === 0))
        bad('dimensions', '简答题不计分，不能对应能力维度');
      if (item.weight !== undefined) bad('weight', '简答题不计分，不设权重');
    } else {
      const dims = item.dimensions;
      if (!Array.isArray(dims) || dims.length === 0) bad('dimensions', zh`${label}应对应至少一个能力维度（dimensions），可选：${dimensionList()}`);
      else {
        const seen = new Set<string>();
        for (const d of dims) {
          if (typeof d !== 'string' || !Object.hasOwn(ASSESSMENT_DIMENSIONS, d)) bad('dimensions', `未知的能力维度“${String(d)}”，可选：${dimensionList()}`);
          else if (seen.has(d)) bad('dimensions', `能力维度“${d}”重复`);
          seen.add(String(d));
        }
        scored++;
      }
      if (item.weight !== undefined && (typeof item.weight !== 'number' || !Number.isInteger(item.weight) || item.weight < 1 || item.weight > 10))
        bad('weight', zh`权重（weight）应为 1 到 10 的整数，现为 ${JSON.stringify(item.weight)}`);
    }
  });
  if (scored === 0 && problems.length === 0) problems.push({ path: 'items', message: '问卷没有计分题：至少要有一道题对应能力维度，测评才有得分' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, questionnaire: input as unknown as QuestionnaireDefinition };
}

export interface AnswerProblem {
  itemId: string;
  message: string;
}

const itemName = (q: QuestionnaireDefinition, id: string) => zh`第 ${q.items.findIndex((i) => i.id === id) + 1} 题`;

/**
 * Check answers against a (valid) questionnaire. `final`: at submission every scored item, and every required text
 * item, must be answered. Problems name the item (第 n 题).
 */
export function checkAnswers(q: QuestionnaireDefinition, answers: unknown, opts: { final: boolean }): AnswerProblem[] {
  if (!isObject(answers)) return [{ itemId: '', message: '答案应为对象：题目编号 → 答案' }];
  const problems: AnswerProblem[] = [];
  const byId = new Map(q.items.map((i) => [i.id, i]));
  for (const [id, value] of Object.entries(answers)) {
    const item = byId.get(id);
    if (!item) {
      problems.push({ itemId: id, message: `没有编号为“${id.slice(0, 32)}”的题目` });
      continue;
    }
    const at = itemName(q, id);
    const optionIds = new Set((item.options ?? []).map((o) => o.id));
    if (item.kind === 'single' || item.kind === 'situational') {
      if (typeof value !== 'string' || !optionIds.has(value)) problems.push({ itemId: id, message: `${at}：应选择一个选项` });
    } else if (item.kind === 'multiple') {
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || !optionIds.has(v)) || new Set(value).size !== value.length)
        problems.push({ itemId: id, message: `${at}：应选择一个或多个选项（不重复）` });
    } else if (item.kind === 'likert') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) problems.push({ itemId: id, message: `${at}：应为 1 到 5 的整数` });
    } else if (typeof value !== 'string' || [...value].length > QUESTIONNAIRE_LIMITS.answerText) {
      problems.push({ itemId: id, message: zh`${at}：应为不超过 ${QUESTIONNAIRE_LIMITS.answerText} 个字的文字` });
    }
  }
  if (opts.final) {
    const missing = q.items
      .map((item, i) => ({ item, n: i + 1 }))
      .filter(({ item }) => (isScored(item) || item.required === true) && !answered(answers[item.id]));
    if (missing.length > 0)
      problems.push({ itemId: missing[0]!.item.id, message: zh`还有 ${missing.length} 道必答题没有作答：第 ${missing.map((m) => m.n).join('、')} 题` });
  }
  return problems;
}

const answered = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/** One scored item's score (0–100 as an exact ratio numerator over 100), or null when unanswered. */
export function itemScore(item: QuestionItem, value: AnswerValue | undefined): number | null {
  if (value === undefined || !isScored(item)) return null;
  const options = item.options ?? [];
  switch (item.kind) {
    case 'single':
      return options.find((o) => o.id === value)?.correct === true ? 100 : 0;
    case 'situational':
      return options.find((o) => o.id === value)?.score ?? null;
    case 'likert': {
      if (typeof value !== 'number') return null;
      const s = (value - 1) * 25;
      return item.reverse ? 100 - s : s;
    }
    case 'multiple': {
      if (!Array.isArray(value)) return null;
      const right = options.filter((o) => o.correct === true);
      const chosen = new Set(value);
      const hits = right.filter((o) => chosen.has(o.id)).length;
      const misses = options.filter((o) => o.correct !== true && chosen.has(o.id)).length;
      return (Math.max(0, hits - misses) * 100) / right.length;
    }
    default:
      return null;
  }
}

/** Item scores in 1/2520ths: a multiple-choice score (k ÷ up to 10 correct options) is then a whole number. */
const SCALE = 2520;
function exactItemScore(item: QuestionItem, value: AnswerValue | undefined): number | null {
  if (item.kind === 'multiple' && Array.isArray(value)) {
    const options = item.options ?? [];
    const right = options.filter((o) => o.correct === true).length;
    const chosen = new Set(value);
    const net = options.filter((o) => chosen.has(o.id)).reduce((n, o) => n + (o.correct === true ? 1 : -1), 0);
    return (Math.max(0, net) * 100 * SCALE) / right;
  }
  const s = itemScore(item, value);
  return s === null ? null : s * SCALE;
}

export interface DimensionScore {
  dimension: AssessmentKey;
  label: string;
  /** 0–100, one decimal, exact text ("83.3"); null when none of its items was answered. */
  score: string | null;
  /** Scored items that count towards it, and how many of them were answered. */
  items: number;
  answered: number;
}

/** Answers → a 0–100 score per capability dimension the questionnaire covers (weighted mean of its items). */
export function scoreQuestionnaire(q: QuestionnaireDefinition, answers: Answers): DimensionScore[] {
  const acc = new Map<AssessmentKey, { num: number; den: number; items: number; answered: number }>();
  for (const item of q.items) {
    if (!isScored(item)) continue;
    const s = exactItemScore(item, answers[item.id]);
    const w = item.weight ?? 1;
    for (const d of item.dimensions ?? []) {
      const a = acc.get(d) ?? { num: 0, den: 0, items: 0, answered: 0 };
      a.items++;
      if (s !== null) {
        a.num += s * w;
        a.den += SCALE * w;
        a.answered++;
      }
      acc.set(d, a);
    }
  }
  return ASSESSMENT_KEYS.filter((d) => acc.has(d)).map((d) => {
    const a = acc.get(d)!;
    return {
      dimension: d,
      label: dimensionLabel(d),
      score: a.den === 0 ? null : ratioToFixed(ratio(a.num, a.den), 1),
      items: a.items,
      answered: a.answered,
    };
  });
}
