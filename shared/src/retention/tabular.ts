/**
 * A table of strings (a CSV's header and rows) made into a numeric training set for the risk model:
 * - the target column becomes 1 (the positive value, e.g. `Yes`) or 0;
 * - columns with one value only (EmployeeCount, Over18, StandardHours on the IBM data) are dropped, and so are
 *   identifiers (a value different on every row, e.g. EmployeeNumber): they carry nothing to learn;
 * - columns whose every value is a number stay numeric; the others are one-hot encoded, one column per level;
 * - optionally, numeric columns with few levels (ordinal scales such as a 1-4 satisfaction) are one-hot encoded as
 *   well (kept numeric too), and skewed positive numeric columns get a log(1 + x) twin.
 */

export interface TabularOptions {
  target: string;
  positive: string;
  /** Also one-hot numeric columns with at most this many distinct values (0 = never). */
  oneHotNumericUpTo?: number;
  /** Add log(1 + x) of non-negative numeric columns whose skewness exceeds 1. */
  logSkewed?: boolean;
}

export interface TabularSet {
  features: string[];
  rows: number[][];
  labels: number[];
  dropped: { column: string; why: 'constant' | 'identifier' }[];
}

/** Prepare `rows` (arrays of cell strings in `header` order). Throws, naming the column, when the target is missing. */
export function prepareTabular(header: readonly string[], rows: readonly (readonly string[])[], opts: TabularOptions): TabularSet {
  const t = header.indexOf(opts.target);
  if (t < 0) throw new Error(`target column ${opts.target} is not in the header`);
  const labels = rows.map((r) => (r[t] === opts.positive ? 1 : 0));
  const dropped: TabularSet['dropped'] = [];
  const columns: { name: string; values: (r: readonly string[]) => number[] }[] = [];
  header.forEach((name, j) => {
    if (j === t) return;
    const cells = rows.map((r) => (r[j] ?? '').trim());
    const levels = [...new Set(cells)].sort();
    if (levels.length <= 1) return void dropped.push({ column: name, why: 'constant' });
    const numeric = cells.every((c) => c !== '' && Number.isFinite(Number(c)));
    if (levels.length === rows.length && (numeric ? cells.every((c) => Number.isInteger(Number(c))) : true)) {
      return void dropped.push({ column: name, why: 'identifier' });
    }
    const oneHot = (levelList: string[]) =>
      levelList.forEach((level) => columns.push({ name: `${name}=${level}`, values: (r) => [(r[j] ?? '').trim() === level ? 1 : 0] }));
    if (!numeric) return oneHot(levels);
    columns.push({ name, values: (r) => [Number(r[j])] });
    const nums = cells.map(Number);
    if (opts.oneHotNumericUpTo && levels.length <= opts.oneHotNumericUpTo) oneHot(levels);
    else if (opts.logSkewed && nums.every((v) => v >= 0) && skewness(nums) > 1) {
      columns.push({ name: `log1p(${name})`, values: (r) => [Math.log1p(Number(r[j]))] });
    }
  });
  return {
    features: columns.map((c) => c.name),
    rows: rows.map((r) => columns.flatMap((c) => c.values(r))),
    labels,
    dropped,
  };
}

function skewness(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const m2 = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const m3 = xs.reduce((s, v) => s + (v - mean) ** 3, 0) / n;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

/** Split CSV text into a header and rows (RFC 4180 quotes; a UTF-8 byte-order mark is ignored). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((c) => c !== '')) records.push(record);
      record = [];
    } else field += ch;
  }
  record.push(field);
  if (record.some((c) => c !== '')) records.push(record);
  const [header = [], ...rows] = records;
  return { header, rows };
}
