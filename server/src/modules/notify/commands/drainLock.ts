import type { DataSource } from 'typeorm';
import { NotifyDrainLock } from '../../../entities';

/**
 * One drain of a corp's outbox at a time, so all its calls go through one rate limiter: a lease in
 * `notify_drain_locks`, renewed every round; a killed drain's lease lapses and the next drain takes over.
 */
export async function acquireDrainLock(ds: DataSource, corpId: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  await ds
    .createQueryBuilder()
    .insert()
    .into(NotifyDrainLock)
    .values({ corpId, holder: '', leaseUntil: new Date(0) })
    .orIgnore()
    .execute();
  const res = await ds
    .createQueryBuilder()
    .update(NotifyDrainLock)
    .set({ holder, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where('corp_id = :corpId AND (lease_until < :now OR holder = :holder)', { corpId, now, holder })
    .execute();
  return (res.affected ?? 0) > 0;
}

/** Give the lease up (only if still ours). */
export async function releaseDrainLock(ds: DataSource, corpId: string, holder: string): Promise<void> {
  await ds
    .createQueryBuilder()
    .update(NotifyDrainLock)
    .set({ leaseUntil: new Date(0) })
    .where('corp_id = :corpId AND holder = :holder', { corpId, holder })
    .execute();
}
