import type { CellParser, ParseResult, PlainCell } from './importKind';
import type { Person } from './personDirectory';
import { parseCnyToFen } from './cnyToFen';
import { parseChineseDate } from './chineseDate';
import { numberToDecimalText, parseScaledDecimal } from './scaledDecimal';
import { zh } from '@liucai/shared';

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ParseResult<T> => ({ ok: false, message });

/** The cell as trimmed text (numbers without exponent notation, dates as yyyy-mm-dd). */
function asText(cell: PlainCell): string {
  if (typeof cell === 'number') return numberToDecimalText(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Free text up to `max` characters (the column's length). */
export function text(max: number): CellParser<string> {
  const hint = `文本，最多 ${max} 个字`;
  return { hint, parse: (cell) => (asText(cell).length > max ? fail(`太长：${hint}`) : ok(asText(cell).replace(/\s+/g, ' '))) };
}

/** A whole number in [min, max]; "85%" is read as 85 when `percent`. */
export function integer(min: number, max: number, opts: { percent?: boolean } = {}): CellParser<number> {
  const hint = zh`${min} 到 ${max} 的整数${opts.percent ? '（可带 %）' : ''}`;
  return {
    hint,
    parse: (cell) => {
      let t = asText(cell).normalize('NFKC');
      if (opts.percent) t = t.replace(/%$/, '').trim();
      const parsed = parseScaledDecimal(t, 0);
      if (!('value' in parsed) || parsed.value < min || parsed.value > max) return fail(zh`应为${hint}`);
      return ok(parsed.value);
    },
  };
}

/** An amount in yuan, kept as integer fen. */
export function money(): CellParser<number> {
  return {
    hint: '金额（元），可带千位分隔符和 ¥，最多两位小数',
    parse: (cell) => {
      const r = parseCnyToFen(asText(cell));
      return r.ok ? ok(r.fen) : fail(r.message);
    },
  };
}

/** A day as yyyy-mm-dd from the usual Chinese forms or an Excel date cell. */
export function date(): CellParser<string> {
  return {
    hint: '日期，如 2026-11-24、2026/11/24、2026.11.24、2026年11月24日',
    parse: (cell) => {
      const r = parseChineseDate(typeof cell === 'number' || cell instanceof Date ? cell : asText(cell));
      return r.ok ? ok(r.date) : fail(r.message);
    },
  };
}

/** A score 0-10 with at most one decimal, kept in tenths (9.2 -> 92). */
export function scoreTenths(): CellParser<number> {
  const hint = '0 到 10 的评分，最多一位小数';
  return {
    hint,
    parse: (cell) => {
      const parsed = parseScaledDecimal(asText(cell).normalize('NFKC'), 1);
      if (!('value' in parsed) || parsed.value > 100) return fail(zh`应为${hint}`);
      return ok(parsed.value);
    },
  };
}

/** One of a fixed set of labels (Chinese, or the stored value itself). */
export function oneOf<T extends string | number>(labels: Record<string, T>): CellParser<T> {
  const hint = zh`${Object.keys(labels).join('、')}之一`;
  const byText = new Map<string, T>();
  for (const [label, value] of Object.entries(labels)) {
    byText.set(label, value);
    byText.set(String(value).toLowerCase(), value);
  }
  return {
    hint,
    parse: (cell) => {
      const v = byText.get(asText(cell).normalize('NFKC').toLowerCase());
      return v === undefined ? fail(zh`应为${hint}`) : ok(v);
    },
  };
}

const LOOKS_LIKE_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * A person by userid, 工号 or exact name (active or left). With `keepUnknownId`, a userid/工号-looking value no
 * user has is kept as the userid itself with a warning: people who left before Liucai may not be in the directory.
 */
export function person(opts: { keepUnknownId?: boolean } = {}): CellParser<Person> {
  return {
    hint: '员工的钉钉账号、工号或完整姓名（重名时请填钉钉账号或工号）',
    parse: (cell, ctx) => {
      const t = asText(cell);
      const r = ctx.people.find(t);
      if (r.ok) return ok(r.person);
      if (opts.keepUnknownId && !r.ambiguous && LOOKS_LIKE_ID.test(t)) {
        ctx.warnings.addRow('员工不在通讯录中，已按所填的钉钉账号或工号原样保存', ctx.row);
        return ok({ userid: t, name: null, mainDeptId: null, known: false });
      }
      return fail(r.message);
    },
  };
}
