/** When a run is locked, the adjustments its lines pay are settled (filled in by the disputes increment). */
import type { EntityManager } from 'typeorm';
import type { PayoutRun } from '../../../entities';

export async function markAdjustmentsApplied(_em: EntityManager, _run: PayoutRun): Promise<void> {
  // No adjustments yet.
}
