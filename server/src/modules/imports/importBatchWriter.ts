import type { DataSource } from 'typeorm';
import type { ImportEntity, ImportKindDef } from './importKind';

/** How a batch compared with what is stored. */
export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

function same(a: unknown, b: unknown): boolean {
  // mysql2 may hand back BIGINT as a string; the parsed row has a number. Compare the text of both.
  return (a ?? null) === null ? (b ?? null) === null : (b ?? null) !== null && String(a) === String(b);
}

/**
 * Compare a batch of parsed rows with the stored ones (one SELECT by source_id) and, when `write`, upsert only
 * the new and changed ones in a single `INSERT ... ON DUPLICATE KEY UPDATE` / `ON CONFLICT DO UPDATE`.
 * Unchanged rows are not written, so re-importing a file writes nothing. The months of the written rows (for a kind
 * with `period`) are added to `touched`.
 */
export async function writeImportBatch(
  ds: DataSource,
  def: ImportKindDef,
  corpId: string,
  rows: ImportEntity[],
  write: boolean,
  touched?: Set<string>,
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  if (!rows.length) return counts;
  const existing = await ds
    .getRepository(def.entity)
    .createQueryBuilder('t')
    .where('t.corpId = :corpId AND t.source = :source AND t.sourceId IN (:...ids)', { corpId, source: 'import', ids: rows.map((r) => r.sourceId) })
    .getMany();
  const stored = new Map(existing.map((e) => [e.sourceId, e as unknown as Record<string, unknown>]));
  const changed = rows.filter((r) => {
    const old = stored.get(r.sourceId);
    const row = r as unknown as Record<string, unknown>;
    if (!old) counts.created++;
    else if (def.compare.some((k) => !same(old[k], row[k]))) counts.updated++;
    else {
      counts.unchanged++;
      return false;
    }
    return true;
  });
  if (write && changed.length) {
    await ds
      .createQueryBuilder()
      .insert()
      .into(def.entity)
      .values(changed)
      .orUpdate([...def.updateColumns, 'imported_at'], ['corp_id', 'source', 'source_id'])
      .execute();
    if (touched && def.period) for (const r of changed) touched.add(def.period(r as unknown as Record<string, unknown>));
  }
  return counts;
}
