/**
 * The question form's edits as pure functions: a new item or option gets an id unique in the draft (answers refer
 * to ids), and switching an item's kind keeps what the new kind uses (options, the right answer as a score of 100
 * for a situational item and back, the dimensions, the weight) and drops what it does not.
 */
import { ASSESSMENT_KEYS, type QuestionItem, type QuestionKind, type QuestionnaireDefinition, type QuestionOption } from '@liucai/shared';

export const DIMENSIONS = ASSESSMENT_KEYS;
export const hasOptions = (k: QuestionKind) => k === 'single' || k === 'multiple' || k === 'situational';

/** The first `prefix` + n not in `taken` (q1, q2 … or a, b …). */
function freshId(taken: string[], prefix: string): string {
  for (let n = 1; ; n++) {
    const id = prefix === '' ? letterId(n) : `${prefix}${n}`;
    if (!taken.includes(id)) return id;
  }
}
const letterId = (n: number) => (n <= 26 ? String.fromCharCode(96 + n) : `o${n}`);

export function blankOption(kind: QuestionKind, taken: string[]): QuestionOption {
  const id = freshId(taken, '');
  return kind === 'situational' ? { id, text: '', score: 0 } : { id, text: '', correct: false };
}

/** The item as the new kind: options, flags and dimensions kept where the kind uses them. */
export function changeKind(item: QuestionItem, kind: QuestionKind): QuestionItem {
  const { options, reverse, required, dimensions, weight, ...rest } = item;
  const next: QuestionItem = { ...rest, kind };
  if (hasOptions(kind)) {
    const base = options && options.length >= 2 ? options : [blankOption(kind, []), blankOption(kind, ['a'])];
    next.options = base.map((o) =>
      kind === 'situational'
        ? { id: o.id, text: o.text, score: o.score ?? (o.correct ? 100 : 0) }
        : { id: o.id, text: o.text, correct: o.correct ?? o.score === 100 },
    );
    if (kind === 'single' && next.options.filter((o) => o.correct).length > 1)
      next.options = next.options.map((o, i) => ({ ...o, correct: i === next.options!.findIndex((x) => x.correct) }));
  }
  if (kind === 'likert' && reverse) next.reverse = reverse;
  if (kind === 'text') {
    if (required) next.required = required;
  } else {
    next.dimensions = dimensions && dimensions.length > 0 ? dimensions : [DIMENSIONS[0]!];
    if (weight !== undefined) next.weight = weight;
  }
  return next;
}

export function newItem(def: QuestionnaireDefinition, kind: QuestionKind): QuestionItem {
  const id = freshId(
    def.items.map((i) => i.id),
    'q',
  );
  return changeKind({ id, kind, text: '' }, kind);
}
