/** HR's reference values in force (the newest version of each metric), and a metric's history: one query each. */
import type { DataSource } from 'typeorm';
import { talentInputInfo, type MetricReferenceView } from '@liucai/shared';
import { TalentMetricReference, User } from '../../../entities';
import { In } from 'typeorm';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';

/** Every metric's newest reference version (cleared ones included, with value null), by metric. */
export async function referencesInForce(ds: DataSource, corpId: string): Promise<Map<string, TalentMetricReference>> {
  // tenancy: the corp's reference versions (a few rows a metric).
  const rows = await ds.getRepository(TalentMetricReference).find({ where: { corpId }, order: { version: 'ASC' } });
  return new Map(rows.map((r) => [r.metric, r]));
}

/**
 * The references in force with their setters' names, as every portrait shows them: kept while no talent row or person
 * changed (one read by key instead of two queries a portrait).
 */
export function referencesInForceNamed(
  ds: DataSource,
  corp: KeptCorp,
): Promise<{ references: Map<string, TalentMetricReference>; names: Map<string, string> }> {
  const corpId = keptCorpId(corp);
  return keptRead(ds, corp, ['talent', 'people'], ['metricReferencesInForce'], async () => {
    const references = await referencesInForce(ds, corpId);
    return { references, names: await setterNames(ds, corpId, [...references.values()]) };
  });
}

/** Every version of the corp's references, newest first. */
export async function referenceHistory(ds: DataSource, corpId: string): Promise<TalentMetricReference[]> {
  // tenancy: the corp's reference versions.
  return ds.getRepository(TalentMetricReference).find({ where: { corpId }, order: { setAt: 'DESC', version: 'DESC' } });
}

/** Who set them, by userid (one query). */
export async function setterNames(ds: DataSource, corpId: string, rows: readonly TalentMetricReference[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.setBy))];
  if (ids.length === 0) return new Map();
  // tenancy: the corp's users who set references.
  const users = await ds.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true } });
  return new Map(users.map((u) => [u.userid, u.name]));
}

export function presentReference(r: TalentMetricReference, names: ReadonlyMap<string, string>): MetricReferenceView {
  const info = talentInputInfo(r.metric);
  return {
    metric: r.metric,
    label: info?.label ?? r.metric,
    unit: info?.unit ?? '',
    value: r.value,
    note: r.note,
    version: r.version,
    setBy: { userid: r.setBy, name: names.get(r.setBy) ?? null },
    setAt: r.setAt.toISOString(),
  };
}
