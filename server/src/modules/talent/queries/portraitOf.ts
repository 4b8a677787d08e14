/** A person's newest stored portrait (metrics and assessment scores), in catalogue order (one query for the month, one for its rows). */
import type { DataSource } from 'typeorm';
import { TALENT_INPUT_KEYS, talentInputInfo, type PortraitMetricView } from '@liucai/shared';
import { TalentMetric } from '../../../entities';

/** Portrait metrics, then assessment scores (those land on the portrait from submitted assessments). */
const ORDER = TALENT_INPUT_KEYS;

export async function portraitOf(ds: DataSource, corpId: string, userid: string): Promise<{ period: string; metrics: PortraitMetricView[] } | null> {
  // tenancy: the person's rows in the corp.
  const newest = await ds.getRepository(TalentMetric).findOne({ where: { corpId, userid }, order: { period: 'DESC' }, select: { period: true } });
  if (!newest) return null;
  // tenancy: the person's rows in the corp, that month.
  const rows = await ds.getRepository(TalentMetric).find({ where: { corpId, userid, period: newest.period } });
  const byKey = new Map(rows.map((r) => [r.metric, r]));
  const metrics = ORDER.flatMap((key): PortraitMetricView[] => {
    const r = byKey.get(key);
    if (!r) return [];
    const info = talentInputInfo(key)!;
    return [
      {
        metric: key,
        label: info.label,
        unit: info.unit,
        means: info.means,
        value: r.value,
        sample: r.sample,
        missing: r.missing,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
      },
    ];
  });
  return { period: newest.period, metrics };
}
