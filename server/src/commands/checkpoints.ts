import type { DataSource, EntityManager } from 'typeorm';
import { SyncCheckpoint } from '../entities';

/** The saved position of an incremental source, or null before its first completed window. */
export async function readCheckpoint<T extends Record<string, unknown>>(ds: DataSource, corpId: string, source: string): Promise<T | null> {
  const row = await ds.getRepository(SyncCheckpoint).findOneBy({ corpId, source });
  return (row?.position as T | undefined) ?? null;
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
