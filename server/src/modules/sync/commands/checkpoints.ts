import type { DataSource, EntityManager } from 'typeorm';
import { SyncCheckpoint } from '../../../entities';

/** The saved position of an incremental source, or null before its first completed window. */
export async function readCheckpoint<T extends Record<string, unknown>>(ds: DataSource, corpId: string, source: string): Promise<T | null> {
  const row = await ds.getRepository(SyncCheckpoint).findOneBy({ corpId, source });
  return (row?.position as T | undefined) ?? null;
}

/**
 * The day a day-windowed source (attendance, leave) has read through, or null to start from the lookback. A day
 * after `yesterday` cannot have been read (windows end yesterday); such a position, left by the leave window bug
 * fixed on 2026-12-03 or by a clock set wrong, is dropped so the run reads the lookback again instead of nothing
 * until that day. Rows already held are compared, not written again.
 */
export async function readDayCheckpoint(ds: DataSource, corpId: string, source: string, yesterday: string): Promise<{ through: string } | null> {
  const position = await readCheckpoint<{ through?: unknown }>(ds, corpId, source);
  if (typeof position?.through !== 'string' || position.through > yesterday) return null;
  return { through: position.through };
}

/** Save a position (inside the transaction that wrote the window's data, so both land or neither does). */
export async function saveCheckpoint(em: EntityManager, corpId: string, source: string, position: Record<string, unknown>): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(SyncCheckpoint)
    .values({ corpId, source, position: position as never, updatedAt: new Date() })
    .orUpdate(['position', 'updated_at'], ['corp_id', 'source'])
    .execute();
}
