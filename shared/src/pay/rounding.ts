/**
 * Exact arithmetic for pay, and THE rounding rule.
 *
 * Every computed payout line is first an exact rational number of fen (a `Ratio`, BigInt numerator over a positive
 * BigInt denominator: 15,000,000 fen × 80 bp / 10,000 is 120,000/1, 33,333 fen × 1 bp is 33,333/10,000 fen). It
 * is turned into whole fen exactly once, by `roundLine`: **half away from zero** ("half-up" on the magnitude), so
 * 0.5 fen → 1 fen and −0.5 fen → −1 fen, and a clawback of a line is always exactly the negation of that line.
 * Lines are then added as integers. Cap lines subtract whole fen from whole fen (nothing to round); the guarantee
 * line's one rounding is its floor (baseline × floor rate), from which the whole-fen total paid is subtracted.
 */

/** An exact rational number, `num / den` with `den > 0`. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const big = (v: bigint | number): bigint => {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer: ${v}`);
  return BigInt(v);
};

/** `num / den` as a Ratio (integers only: fen, basis points, counts). */
export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  const n = big(num);
  const d = big(den);
  if (d === 0n) throw new RangeError('ratio: zero denominator');
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
}

export const mulR = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });
export const addR = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
export const subR = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
/** Negative, zero or positive as a < b, a = b, a > b. */
export const cmpR = (a: Ratio, b: Ratio): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const maxR = (a: Ratio, b: Ratio): Ratio => (cmpR(a, b) >= 0 ? a : b);
export const minR = (a: Ratio, b: Ratio): Ratio => (cmpR(a, b) <= 0 ? a : b);
export const ZERO: Ratio = { num: 0n, den: 1n };

/** Round to a whole unit, half away from zero (1.5 → 2, −1.5 → −2, 1.49 → 1). */
export function roundHalfAwayFromZero(r: Ratio): bigint {
  const negative = r.num < 0n;
  const abs = negative ? -r.num : r.num;
  const q = abs / r.den;
  const rounded = (abs % r.den) * 2n >= r.den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * THE rounding of pay: one computed line's exact amount in fen → whole fen, half away from zero. Called once per
 * line (payoutCalculator's `line`), nowhere else. Throws if the result is not a safe integer.
 */
export function roundLine(exactFen: Ratio): number {
  const fen = roundHalfAwayFromZero(exactFen);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(fen);
}

/** A ratio as a decimal with `places` decimals, rounded half away from zero (for scores and weights shown). */
export function ratioToFixed(r: Ratio, places: number): string {
  const scaled = roundHalfAwayFromZero(mulR(r, ratio(10n ** BigInt(places))));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${frac}` : ''}`;
}
