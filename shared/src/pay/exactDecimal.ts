/**
 * Decimals as they arrive from people and JSON (9.2, "33.3", 85.5) read exactly as scaled integers, on their
 * digits, never through float arithmetic: 33.3 with 2 places is 3330, and 33.3 + 33.3 + 33.3 is 9990, not
 * 99.89999999999999.
 */
import { numberToDecimalText, parseScaledDecimal } from '../decimal';
import { ratio, type Ratio } from './rounding';

export type ExactDecimalResult = { ok: true; scaled: number } | { ok: false; problem: 'format' | 'decimals' | 'negative' | 'range' };

/** `value` (a JSON number or decimal text) × 10^places, exactly; more decimals than `places` is refused. */
export function exactDecimal(value: unknown, places: number, opts: { allowNegative?: boolean } = {}): ExactDecimalResult {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: 'format' };
    text = numberToDecimalText(value);
  } else if (typeof value === 'string') {
    text = value.normalize('NFKC').trim();
  } else {
    return { ok: false, problem: 'format' };
  }
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  if (negative && !opts.allowNegative) return { ok: false, problem: 'negative' };
  const parsed = parseScaledDecimal(text, places);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  return { ok: true, scaled: negative ? -parsed.value : parsed.value };
}

/** A scaled integer back as the shortest decimal text (3330, 2 → "33.3"; 9000, 2 → "90"). */
export function scaledText(scaled: number, places: number): string {
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** A scaled integer as an exact Ratio (3330 with 2 places = 3330/100). */
export const scaledRatio = (scaled: number, places: number): Ratio => ratio(BigInt(scaled), 10n ** BigInt(places));
