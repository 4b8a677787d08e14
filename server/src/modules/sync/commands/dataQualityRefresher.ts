import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DataGapItem, DataQualitySnapshot } from '../../../entities';
import {
  customersWithoutFollowUp,
  daysWithoutAttendance,
  daysWithoutClockRecords,
  leavesNotInAttendance,
  ownerlessContracts,
  usersWithoutSupervisor,
  type GapItem,
} from '../queries/dataGaps';
import { countForecastInputs, countHoldings, lastImportAt, type ForecastInputs, type Holdings } from '../queries/sourceHoldings';

/** Gaps whose items name people or customers (and so are filtered by the viewer's scope). */
export const NAMED_GAPS = [
  'users_without_supervisor',
  'leaves_not_in_attendance',
  'contracts_without_owner',
  'customers_without_follow_up',
  'deals_without_owner',
] as const;
export type NamedGapId = (typeof NAMED_GAPS)[number];

/** What the 数据 page reads back (data_quality_snapshots.payload). */
export interface QualitySnapshot {
  version: 1;
  /** Unique per refresh (two refreshes can share a `computedAt`): what caches of this snapshot are keyed by. */
  refreshId: string;
  computedAt: string;
  holdings: Holdings;
  daysWithoutAttendance: string[];
  daysWithoutClockRecords: string[];
  /** Company-wide size of each named gap (their items are in data_gap_items). */
  namedGapCounts: Record<NamedGapId, number>;
  /** When the last import was committed; null: nothing was ever imported. */
  lastImportAt: string | null;
  forecast: ForecastInputs;
}

/**
 * Count the 数据 page's figures and gap items for a corp and store them (replacing the previous snapshot in one
 * transaction). Runs after each sync run and each import commit, so page views only read. Returns the snapshot.
 */
export async function refreshDataQuality(ds: DataSource, corpId: string, opts: { now?: Date; followUpRecheckDays?: number } = {}): Promise<QualitySnapshot> {
  const now = opts.now ?? new Date();
  const items: Record<NamedGapId, GapItem[]> = {
    users_without_supervisor: await usersWithoutSupervisor(ds, corpId),
    leaves_not_in_attendance: await leavesNotInAttendance(ds, corpId, now),
    contracts_without_owner: await ownerlessContracts(ds, corpId, 'dingtalk'),
    customers_without_follow_up: await customersWithoutFollowUp(ds, corpId),
    deals_without_owner: await ownerlessContracts(ds, corpId, 'import'),
  };
  const imported = await lastImportAt(ds, corpId);
  const snapshot: QualitySnapshot = {
    version: 1,
    refreshId: randomUUID(),
    computedAt: now.toISOString(),
    holdings: await countHoldings(ds, corpId),
    daysWithoutAttendance: await daysWithoutAttendance(ds, corpId, now),
    daysWithoutClockRecords: await daysWithoutClockRecords(ds, corpId, now),
    namedGapCounts: Object.fromEntries(NAMED_GAPS.map((id) => [id, items[id].length])) as Record<NamedGapId, number>,
    lastImportAt: imported ? imported.toISOString() : null,
    forecast: await countForecastInputs(ds, corpId, now, opts.followUpRecheckDays ?? 30),
  };
  await ds.transaction(async (em) => {
    await em.delete(DataGapItem, { corpId });
    const rows = NAMED_GAPS.flatMap((gapId) =>
      items[gapId].map((item, seq) => ({ corpId, gapId, seq, subjectUserid: item.subject, label: item.label.slice(0, 255) })),
    );
    for (let i = 0; i < rows.length; i += 500) await em.insert(DataGapItem, rows.slice(i, i + 500));
    await em
      .createQueryBuilder()
      .insert()
      .into(DataQualitySnapshot)
      .values({ corpId, computedAt: now, payload: snapshot as never })
      .orUpdate(['computed_at', 'payload'], ['corp_id'])
      .execute();
  });
  return snapshot;
}

/** The stored snapshot, or null before the first refresh (or after a change of its shape). */
export async function storedDataQuality(ds: DataSource, corpId: string): Promise<QualitySnapshot | null> {
  const row = await ds.getRepository(DataQualitySnapshot).findOneBy({ corpId });
  const payload = row?.payload as Partial<QualitySnapshot> | undefined;
  return payload?.version === 1 && typeof payload.refreshId === 'string' ? (payload as QualitySnapshot) : null;
}
