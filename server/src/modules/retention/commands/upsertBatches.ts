import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** Batched upserts (500 rows a statement), never `save()` over arrays. */
export async function upsertBatches<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  rows: T[],
  updateColumns: string[],
  conflict: string[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await ds
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500) as never)
      .orUpdate(updateColumns, conflict)
      .execute();
  }
}
