import { zh } from '@liucai/shared';
import type { CellParser, ParseResult, PlainCell } from './importKind';
import type { Person } from './personDirectory';
import type { CustomerRef } from './referenceDirectories';
import { exactDecimal, numberToDecimalText, parseScaledDecimal, scaledText, yuanToFen } from '@liucai/shared';
import { parseChineseDate } from './chineseDate';

/** "应为…" with the spacing rule: a space before Latin letters or digits ("应为 0 到 100 的整数"), none before Chinese. */
export const expected = (hint: string) => zh`应为${hint}`;

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ParseResult<T> => ({ ok: false, message });

/** The cell as trimmed text (numbers without exponent notation, dates as yyyy-mm-dd). */
function asText(cell: PlainCell): string {
  if (typeof cell === 'number') return numberToDecimalText(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * Text a spreadsheet would run as a formula when opened (CSV injection: `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), or
 * null. Such text is refused rather than stored: it is never a real name, number or reason, and stored it would
 * reach every later export.
 */
export function formulaLike(t: string): string | null {
  const m = /^[=+\-@]/.exec(t);
  return m ? `以“${m[0]}”开头的内容会被 Excel 当作公式：请删去开头的“${m[0]}”，或改为普通文本` : null;
}

/** Free text up to `max` characters (the column's length); formula-like text is refused. */
export function text(max: number): CellParser<string> {
  const hint = `文本，最多 ${max} 个字`;
  return {
    hint,
    parse: (cell) => {
      const t = asText(cell);
      if (t.length > max) return fail(`太长（${t.length} 个字）：${expected(hint)}`);
      const formula = typeof cell === 'string' ? formulaLike(t) : null;
      return formula ? fail(formula) : ok(t.replace(/\s+/g, ' '));
    },
  };
}

/** An active department of the corp, by its name, or its path when the name repeats (销售中心/一组). */
export function department(): CellParser<string> {
  return {
    hint: '通讯录中现有的部门名称（重名时填完整路径，如“销售中心/一组”）',
    ref: 'department',
    parse: (cell, ctx) => {
      const r = ctx.departments.find(asText(cell));
      return r.ok ? ok(r.value) : fail(r.message);
    },
  };
}

/**
 * A customer of the corp by its exact name (enterprise or personal, as synced from DingTalk CRM). `mustExist`
 * refuses a name the CRM does not have; otherwise such a name is kept with a warning (historical contracts may
 * predate the CRM).
 */
export function customer(opts: { mustExist: boolean }): CellParser<CustomerRef> {
  return {
    hint: opts.mustExist ? '钉钉 CRM 中现有客户的完整名称' : '客户名称（最好与钉钉 CRM 中一致），最多 200 个字',
    ref: 'customer',
    parse: (cell, ctx) => {
      const t = asText(cell).replace(/\s+/g, ' ');
      if (t.length > 200) return fail(`太长（${t.length} 个字）：应为客户名称，最多 200 个字`);
      const formula = formulaLike(t);
      if (formula) return fail(formula);
      const found = ctx.customers.find(t);
      if (found) return ok(found);
      if (opts.mustExist) return fail(`找不到客户“${t}”：应为钉钉 CRM 中现有客户的完整名称（请先在 CRM 中建客户并同步）`);
      ctx.warnings.addRow('客户不在钉钉 CRM 中，已按所填名称导入', ctx.row);
      return ok({ name: t, ownerUserids: [] });
    },
  };
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
      if (!('value' in parsed) || parsed.value < min || parsed.value > max) return fail(expected(hint));
      return ok(parsed.value);
    },
  };
}

/** An amount in yuan, kept as integer fen. */
export function money(): CellParser<number> {
  return {
    hint: '金额（元），可带千位分隔符和 ¥，最多两位小数',
    parse: (cell) => {
      const r = yuanToFen(typeof cell === 'number' ? cell : asText(cell));
      return r.ok ? ok(r.fen) : fail(r.message);
    },
  };
}

/** A past day (today at the latest) as yyyy-mm-dd from the usual Chinese forms or an Excel date cell. */
export function date(): CellParser<string> {
  return {
    hint: '日期（不晚于今天），如 2026-11-24、2026/11/24、2026.11.24、2026年11月24日',
    parse: (cell, ctx) => {
      const r = parseChineseDate(typeof cell === 'number' || cell instanceof Date ? cell : asText(cell));
      if (!r.ok) return fail(r.message);
      if (r.date > ctx.today) return fail(`日期 ${r.date} 晚于今天（${ctx.today}）：导入的是已经发生的记录，应为今天或以前的日期`);
      return ok(r.date);
    },
  };
}

/** The expected form of a month, for hints and messages. */
const MONTH_FORMAT = '月份，格式为 yyyy-mm（如 2026-11），也可写 2026/11';

/**
 * A month up to the current one (yyyy-mm): 2026-11, 2026/11, 2026.11, 2026年11月, or an Excel date cell (its month).
 * Later months are refused: imported values are of months that have begun.
 */
export function month(): CellParser<string> {
  return {
    hint: MONTH_FORMAT,
    ref: 'month',
    parse: (cell, ctx) => {
      let m: string | null = null;
      if (typeof cell === 'number' || cell instanceof Date) {
        const r = parseChineseDate(cell);
        if (r.ok) m = r.date.slice(0, 7);
      } else {
        const t = asText(cell).normalize('NFKC').replace(/\s+/g, '');
        const found = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(t);
        if (found && Number(found[2]) >= 1 && Number(found[2]) <= 12) m = `${found[1]}-${found[2]!.padStart(2, '0')}`;
      }
      if (m === null) return fail(`月份格式不对：${expected(MONTH_FORMAT)}`);
      const current = ctx.today.slice(0, 7);
      if (m > current) return fail(`月份 ${m} 晚于本月（${current}）：只能导入本月或以前月份的数据`);
      return ok(m);
    },
  };
}

/**
 * An exact decimal with at most `places` decimals, negative allowed, thousands separators and a trailing % tolerated
 * ("85%" is 85), kept as canonical text ("-1234.5"): read on its digits, never through float arithmetic.
 */
export function decimal(places: number): CellParser<string> {
  const hint = zh`数值，最多 ${places} 位小数，可为负数`;
  return {
    hint,
    parse: (cell) => {
      const t = typeof cell === 'number' ? cell : asText(cell).normalize('NFKC').replace(/,/g, '').replace(/%$/, '').trim();
      const r = exactDecimal(t, places, { allowNegative: true });
      if (r.ok) return ok(scaledText(r.scaled, places).replace(/,/g, ''));
      if (r.problem === 'decimals') return fail(zh`小数位太多：${expected(hint)}`);
      if (r.problem === 'range') return fail(`数值太大：${expected(hint)}`);
      return fail(expected(hint));
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
      if (!('value' in parsed) || parsed.value > 100) return fail(expected(hint));
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
      return v === undefined ? fail(expected(hint)) : ok(v);
    },
  };
}

const LOOKS_LIKE_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/** The row error for a person outside the importer's scope (HR imports only for its own departments). */
export const outOfScope = (who: string) => `“${who}”不在你负责的部门内：HR 只能导入自己负责部门的员工的记录，请交给负责该部门的 HR 或管理员导入`;

/**
 * A person by 钉钉账号 (userid), 工号 or exact name (active or left), who must be within the importer's scope. With
 * `keepUnknownId`, a userid/工号-looking value no user has is kept as the userid itself with a warning (people who
 * left before Liucai may not be in the directory); only an importer who sees everyone may do that, since nobody
 * can tell which department such a person was in.
 */
export function person(opts: { keepUnknownId?: boolean } = {}): CellParser<Person> {
  return {
    hint: '员工的钉钉账号、工号或完整姓名（重名时请填钉钉账号或工号）',
    ref: 'person',
    parse: (cell, ctx) => {
      const t = asText(cell);
      const r = ctx.people.find(t);
      if (r.ok) return ctx.people.inScope(r.person.userid) ? ok(r.person) : fail(outOfScope(r.person.name ?? t));
      if (opts.keepUnknownId && !r.ambiguous && LOOKS_LIKE_ID.test(t)) {
        if (!ctx.people.scope.all) return fail(`通讯录中没有“${t}”，无法确认此人是否在你负责的部门内：通讯录以外的员工只能由管理员导入`);
        ctx.warnings.addRow('员工不在通讯录中，已按所填钉钉账号或工号原样保存', ctx.row);
        return ok({ userid: t, name: null, mainDeptId: null, known: false });
      }
      return fail(r.message);
    },
  };
}
