/** Adjustments waiting for a person's next run (resolved disputes). Filled in by the disputes increment. */
import type { DataSource } from 'typeorm';
import type { ExtraLine } from '@liucai/shared';

export interface PendingAdjustment {
  adjustment: { id: number; reason: string; disputeId: number | null };
  line: ExtraLine;
}
export type PendingAdjustments = Map<string, PendingAdjustment[]>;

/** Adjustments not yet paid by a locked run, per person. */
export async function pendingAdjustments(_ds: DataSource, _corpId: string, _userids: string[]): Promise<PendingAdjustments> {
  return new Map();
}
