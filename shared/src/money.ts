/**
 * Money in, once: every amount that arrives as text (an imported cell) or as a DingTalk number or string (CRM
 * contracts) becomes integer fen here, by string arithmetic on its digits, never through a float.
 */
import { numberToDecimalText, parseScaledDecimal } from './decimal';

/** Why an amount was refused. */
export type FenProblem = 'format' | 'decimals' | 'negative' | 'separators' | 'range';

/** Integer fen, or why the amount was refused and what was expected (in Chinese, for the person who typed it). */
export type FenResult = { ok: true; fen: number } | { ok: false; problem: FenProblem; message: string };

export interface YuanToFenOptions {
  /** Accept a leading minus (refunds, corrections). Off by default: a contract or payout amount is never negative. */
  allowNegative?: boolean;
}

/** The largest amount that fits exactly: Number.MAX_SAFE_INTEGER fen, 90,071,992,547,409.91 yuan. */
export const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER;

const EXPECTED = '应为金额（元），如 150000、150,000、¥150,000.00，最多两位小数';

const refuse = (problem: FenProblem, message: string): FenResult => ({ ok: false, problem, message });

/**
 * An amount in yuan as integer fen, exactly. Text: `150000`, `150,000`, `150000.5`, `¥150,000.00`, `150000元`,
 * `RMB 99.99`, full-width digits and punctuation; thousands separators only in groups of three; at most two
 * decimals (trailing zeros beyond them are fine: `1.500` is 150 fen). Numbers (DingTalk's JSON, Excel cells) are
 * read by their shortest round-trip digits, so `0.1 + 0.2` is refused rather than rounded. A minus is refused
 * unless `allowNegative`; anything beyond `MAX_SAFE_FEN` is refused.
 */
export function yuanToFen(input: string | number, opts: YuanToFenOptions = {}): FenResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('format', EXPECTED);
    text = numberToDecimalText(input);
  } else {
    // NFKC folds full-width digits, comma, point and ￥ into their ASCII forms.
    text = input.normalize('NFKC').replace(/\s+/g, '');
  }
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^(?:¥|RMB|CNY)/i, '').replace(/(?:元|人民币)$/, '');
  if (!negative && /^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  if (negative && !opts.allowNegative) return refuse('negative', `金额不能为负数；${EXPECTED}`);
  if (text.includes(',')) {
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(text)) return refuse('separators', `千位分隔符位置不对；${EXPECTED}`);
    text = text.replace(/,/g, '');
  }
  const parsed = parseScaledDecimal(text, 2);
  if ('value' in parsed) return { ok: true, fen: negative && parsed.value !== 0 ? -parsed.value : parsed.value };
  if (parsed.problem === 'decimals') return refuse('decimals', `金额最多两位小数（到分）；${EXPECTED}`);
  if (parsed.problem === 'range') return refuse('range', `金额过大（最多 90,071,992,547,409.91 元）；${EXPECTED}`);
  return refuse('format', EXPECTED);
}

/** Fen as yuan text with thousands separators and two decimals (15000050 -> "150,000.50"), for messages and files. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}
