/**
 * Chinese text with values in it: `zh` is a template tag that puts the house space between Chinese and a Latin
 * letter or digit where a value meets the text around it (`zh\`应为${hint}\`` → “应为 0 到 100” or “应为日期”), so
 * a message never reads “应为0 到 100” whatever the value starts with.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/** True when `a` then `b` need a space between them (one Chinese, the other a Latin letter or digit). */
export function needsSpace(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return (CJK.test(a) && LATIN_OR_DIGIT.test(b)) || (LATIN_OR_DIGIT.test(a) && CJK.test(b));
}

/** Join two pieces of text, with a space where Chinese meets a Latin letter or digit. */
export function joinZh(left: string, right: string): string {
  return needsSpace(left.at(-1), right[0]) ? `${left} ${right}` : left + right;
}

/** Template tag: interpolate with a space wherever Chinese meets a Latin letter or digit at a seam. */
export function zh(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out = joinZh(out, String(value));
    out = joinZh(out, strings[i + 1] ?? '');
  });
  return out;
}

const zhCollator = new Intl.Collator('zh');

/**
 * Chinese order (by pinyin), as `a.localeCompare(b, 'zh')` gives it, from one collator made once: `localeCompare`
 * with a locale sets one up on every call (most of a 500-department sort's time).
 */
export const compareZh = (a: string, b: string): number => zhCollator.compare(a, b);
