import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Paged } from '@liucai/shared';

/** A page request as the routes validated it. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a list in two queries: the count of the whole filtered list and the page's rows (raw, so joined
 * columns come along), ordered by `build`'s ORDER BY. `build` must return a fresh builder each call.
 */
export async function rawPage<T extends ObjectLiteral, Row>(
  build: () => SelectQueryBuilder<T>,
  select: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  req: PageRequest,
  present: (raw: Record<string, unknown>) => Row,
): Promise<Paged<Row>> {
  const counted = await build().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
  const total = Number(counted?.n ?? 0);
  const rows =
    total === 0
      ? []
      : await select(build())
          .offset((req.page - 1) * req.pageSize)
          .limit(req.pageSize)
          .getRawMany<Record<string, unknown>>();
  return { items: rows.map(present), total, page: req.page, pageSize: req.pageSize };
}

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
