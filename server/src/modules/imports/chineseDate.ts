import { numberToDecimalText } from '@liucai/shared';

/** The result of reading a date: yyyy-mm-dd, or what was expected. */
export type DateResult = { ok: true; date: string } | { ok: false; message: string };

const EXPECTED = '应为日期，如 2026-11-24、2026/11/24、2026.11.24 或 2026年11月24日';
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const PATTERNS = [
  new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`),
  new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?${TIME}$`),
  /^(\d{4})(\d{2})(\d{2})$/,
];
// Excel's serial day 25569 is 1970-01-01 (the 1900 date system; its phantom 1900-02-29 lies before any date we accept).
const EXCEL_EPOCH_OFFSET = 25569;

function ymd(y: number, m: number, d: number): DateResult {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (y < 1900 || y > 2100) return { ok: false, message: `年份应在 1900 到 2100 之间；${EXPECTED}` };
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return { ok: false, message: `日期不存在：${text}` };
  return { ok: true, date: text };
}

/**
 * Read a date in the usual Chinese forms (2026-11-24, 2026/11/24, 2026.11.24, 2026年11月24日, 20261124, each
 * optionally with a time of day, which is dropped), a real Excel date cell, or an Excel serial day number.
 * Impossible dates (2026-02-30) are refused.
 */
export function parseChineseDate(input: string | number | Date): DateResult {
  if (input instanceof Date) {
    // exceljs turns date cells into UTC instants of the wall-clock value Excel shows.
    if (Number.isNaN(input.getTime())) return { ok: false, message: EXPECTED };
    return ymd(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 19000101 && input <= 21001231) return parseChineseDate(String(input));
    // A date typed into an unformatted cell arrives as Excel's serial day; the fraction is the time of day.
    if (!Number.isFinite(input) || input < 1 || input >= 2958466) return { ok: false, message: `${EXPECTED}（读到数字 ${numberToDecimalText(input)}）` };
    const day = new Date((Math.floor(input) - EXCEL_EPOCH_OFFSET) * 86400000);
    return ymd(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  const text = input.normalize('NFKC').trim();
  for (const p of PATTERNS) {
    const m = p.exec(text);
    if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return { ok: false, message: EXPECTED };
}
