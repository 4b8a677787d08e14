import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Paged } from '@liucai/shared';

/** A page request as the routes validated it. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a long list in two queries: the count of the whole filtered list and the page's rows (raw, so joined
 * columns come along), ordered by `build`'s ORDER BY. `build` must return a fresh builder each call. For a list an
 * index can page without reading it all (the directory: thousands of people, read in name order).
 */
export async function rawPage<T extends ObjectLiteral, Row>(
  build: () => SelectQueryBuilder<T>,
  select: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  req: PageRequest,
  present: (raw: Record<string, unknown>) => Row,
): Promise<Paged<Row>> {
  const total = await countOf(build);
  const rows = total === 0 ? [] : await pageOf(select(build()), req).getRawMany<Record<string, unknown>>();
  return { items: rows.map(present), total, page: req.page, pageSize: req.pageSize };
}

/** The column `shortListPage` reads the list's count from. */
const LIST_TOTAL = 'list_total';

/**
 * One page of a short list (a person's records: hundreds at most, read whole to sort them anyway) in one query: the
 * page's rows with the whole list's count beside each (`COUNT(*) OVER ()`, on MariaDB and SQLite alike). Only a page
 * past the end, which has no row to carry it, counts in a second query. Same answer as `rawPage`.
 */
export async function shortListPage<T extends ObjectLiteral, Row>(
  build: () => SelectQueryBuilder<T>,
  select: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  req: PageRequest,
  present: (raw: Record<string, unknown>) => Row,
): Promise<Paged<Row>> {
  const rows = await pageOf(select(build()).addSelect('COUNT(*) OVER ()', LIST_TOTAL), req).getRawMany<Record<string, unknown>>();
  // An empty page has no row to carry the count: nothing on the first page, or a page past the end (counted).
  const total = rows.length > 0 ? Number(rows[0]![LIST_TOTAL]) : await totalFromPage(0, req, () => countOf(build));
  return { items: rows.map(present), total, page: req.page, pageSize: req.pageSize };
}

/**
 * The whole list's count from the page read: known without counting when the page is short and not past the end
 * (or the first page is empty); otherwise `count()` asks.
 */
export async function totalFromPage(rowsOnPage: number, req: PageRequest, count: () => Promise<number>): Promise<number> {
  if (rowsOnPage > 0 && rowsOnPage < req.pageSize) return (req.page - 1) * req.pageSize + rowsOnPage;
  if (rowsOnPage === 0 && req.page === 1) return 0;
  return count();
}

async function countOf<T extends ObjectLiteral>(build: () => SelectQueryBuilder<T>): Promise<number> {
  const counted = await build().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
  return Number(counted?.n ?? 0);
}

const pageOf = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, req: PageRequest) => qb.offset((req.page - 1) * req.pageSize).limit(req.pageSize);

/** A datetime column as read raw (a Date from MySQL, `yyyy-mm-dd hh:mm:ss.sss` UTC text from SQLite) → ISO 8601. */
export function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s) ? new Date(`${s.replace(' ', 'T')}Z`).toISOString() : s;
}

/** A nullable text column as read raw. */
export const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** LIKE patterns with `!` as the escape character (the same on MySQL and SQLite): write `LIKE :p ESCAPE '!'`. */
export const likeEscaped = (s: string): string => s.replace(/[!%_]/g, (c) => `!${c}`);

/** SELECT each `alias: expression` pair (raw results are keyed by the aliases). */
export function selectAs<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: Record<string, string>): SelectQueryBuilder<T> {
  const [first, ...rest] = Object.entries(columns);
  if (!first) return qb;
  qb.select(first[1], first[0]);
  for (const [alias, expr] of rest) qb.addSelect(expr, alias);
  return qb;
}
