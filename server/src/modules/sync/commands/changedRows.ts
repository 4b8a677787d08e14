import { In, type EntityManager, type FindOptionsWhere, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';

/** Rows (or keys) per statement for every batched write here. */
export const BATCH = 500;

/** A value as compared: dates by instant, and bigint or digit-only strings (as drivers hand back) as numbers. */
const norm = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/** DingTalk-sourced rows of `entity` already stored under these source ids (looked up 500 at a time). */
export async function storedBySourceId<T extends ObjectLiteral & { sourceId: string }>(
  em: EntityManager,
  entity: new () => T,
  corpId: string,
  sourceIds: string[],
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < sourceIds.length; i += BATCH) {
    out.push(...(await em.getRepository(entity).find({ where: { corpId, source: 'dingtalk', sourceId: In(sourceIds.slice(i, i + BATCH)) } as never })));
  }
  return out;
}

/**
 * Write only the `rows` that are new or differ from `stored` on `compare`, in batches, updating `columns` of those
 * already held under the same corp, source and source id. Returns how many were written, so a re-read of
 * unchanged data writes nothing and says so.
 */
export async function writeChangedRows<T extends ObjectLiteral & { sourceId: string }>(
  em: EntityManager,
  entity: new () => T,
  rows: T[],
  stored: T[],
  compare: (keyof T)[],
  columns: string[],
): Promise<number> {
  const existing = new Map(stored.map((r) => [r.sourceId, r]));
  const changed = rows.filter((r) => {
    const old = existing.get(r.sourceId);
    return !old || compare.some((k) => JSON.stringify(norm(old[k])) !== JSON.stringify(norm(r[k])));
  });
  await upsertBySourceId(em, entity, changed, columns);
  return changed.length;
}

/** `writeChangedRows` against what is stored under the rows' own source ids; returns how many were written. */
export async function writeChangedBySourceId<T extends ObjectLiteral & { sourceId: string }>(
  em: EntityManager,
  entity: new () => T,
  corpId: string,
  rows: T[],
  compare: (keyof T)[],
  columns: string[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const stored = await storedBySourceId(
    em,
    entity,
    corpId,
    rows.map((r) => r.sourceId),
  );
  return writeChangedRows(em, entity, rows, stored, compare, columns);
}

/** Insert `rows` in batches, updating `columns` of those already stored under the same corp, source and source id. */
export function upsertBySourceId<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, rows: T[], columns: string[]): Promise<void> {
  return upsertInBatches(em, entity, rows, columns, ['corp_id', 'source', 'source_id']);
}

/** Insert `rows` in batches, updating `columns` of those that clash with a stored row on the unique `conflict` columns. */
export async function upsertInBatches<T extends ObjectLiteral>(
  em: EntityManager,
  entity: new () => T,
  rows: T[],
  columns: string[],
  conflict: string[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + BATCH) as never)
      .orUpdate(columns, conflict)
      .execute();
  }
}

/**
 * Set `values` on the rows of `entity` matching `where` whose `key` is one of `keys`: one UPDATE per 500 keys
 * rather than one per row, for changes that are the same for every row (a status, a date).
 */
export async function updateWhereIn<T extends ObjectLiteral>(
  em: EntityManager,
  entity: new () => T,
  where: FindOptionsWhere<T>,
  key: keyof T & string,
  keys: (string | number)[],
  values: QueryDeepPartialEntity<T>,
): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    // tenancy: `where` comes from the caller and names the corp.
    await em.update(entity, { ...where, [key]: In(keys.slice(i, i + BATCH)) } as FindOptionsWhere<T>, values);
  }
}
