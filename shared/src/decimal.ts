/** Why a decimal text was refused. */
export type DecimalProblem = 'format' | 'decimals' | 'range';

/**
 * A plain non-negative decimal ("12", "12.5", ".5") as an integer scaled by 10^places, computed on the digits
 * (never through a float), so 150000.5 yuan is exactly 15000050 fen. More decimals than `places` is refused.
 */
export function parseScaledDecimal(text: string, places: number): { value: number } | { problem: DecimalProblem } {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { problem: 'format' };
  const whole = m[1] || '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > places) return { problem: 'decimals' };
  const scaled = BigInt(whole) * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'range' };
  return { value: Number(scaled) };
}

/** A number from a spreadsheet cell as decimal text, without exponent notation (1e-7 -> "0.0000001"). */
export function numberToDecimalText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Shortest round-trip digits, then place the decimal point by hand: toFixed would invent digits.
  const [mantissa = '', expText = '0'] = s.toLowerCase().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const [intPart = '', fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exp;
  const text =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + text;
}
