import { parseScaledDecimal } from './scaledDecimal';

/** The result of reading an amount: fen, or what was expected. */
export type FenResult = { ok: true; fen: number } | { ok: false; message: string };

const EXPECTED = '应为金额（元），如 150000、150,000、¥150,000.00，最多两位小数';

/**
 * Parse a CNY amount in yuan into integer fen, exactly: "150,000", "150000.5", "¥150,000.00", "1,500,000",
 * "150000元", full-width digits and commas. Thousands separators must be in groups of three; negative amounts,
 * more than two decimals and anything else are refused with a message saying what was expected.
 */
export function parseCnyToFen(input: string): FenResult {
  // NFKC folds full-width digits, comma, point and ￥ into their ASCII forms.
  let text = input.normalize('NFKC').replace(/\s+/g, '');
  text = text.replace(/^(?:¥|RMB|CNY)/i, '').replace(/(?:元|人民币)$/, '');
  if (text.startsWith('-')) return { ok: false, message: `金额不能为负数；${EXPECTED}` };
  if (text.includes(',')) {
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(text)) return { ok: false, message: `千位分隔符位置不对；${EXPECTED}` };
    text = text.replace(/,/g, '');
  }
  const parsed = parseScaledDecimal(text, 2);
  if ('value' in parsed) return { ok: true, fen: parsed.value };
  if (parsed.problem === 'decimals') return { ok: false, message: `金额最多两位小数（到分）；${EXPECTED}` };
  if (parsed.problem === 'range') return { ok: false, message: `金额过大；${EXPECTED}` };
  return { ok: false, message: EXPECTED };
}
