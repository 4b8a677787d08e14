import { zh } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import type { KpiScheme, KpiSchemeVersion } from '../../entities';
import { loadKpiSchemes, pickSchemesInForce } from '../pay/commands/kpiScorer';
import { referenceDay } from '../talent/commands/talentRecomputer';

interface ImportIndicator {
  id: string;
  label: string;
}

/**
 * The KPI indicators a “KPI 指标值” row may name: those with the source “导入数据” in the scheme versions in force
 * for the row's month (on the day the monthly scoring reads them), loaded once per import, worked out per month.
 */
export class KpiIndicatorDirectory {
  /** By the day the month's scoring reads the schemes on. */
  private readonly byMonth = new Map<string, ImportIndicator[]>();

  constructor(
    private readonly schemes: readonly KpiScheme[],
    private readonly versions: readonly KpiSchemeVersion[],
  ) {}

  static async load(ds: DataSource, corpId: string): Promise<KpiIndicatorDirectory> {
    const { schemes, versions } = await loadKpiSchemes(ds, corpId);
    return new KpiIndicatorDirectory(schemes, versions);
  }

  /** The importable indicators of `month` (yyyy-mm), by id. */
  importable(month: string, today: string): ImportIndicator[] {
    const day = referenceDay(month, today);
    const cached = this.byMonth.get(day);
    if (cached) return cached;
    const byId = new Map<string, ImportIndicator>();
    for (const s of pickSchemesInForce(this.schemes, this.versions, day))
      for (const i of s.compiled.indicators) if (i.source === 'import' && !byId.has(i.id)) byId.set(i.id, { id: i.id, label: i.label });
    const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    this.byMonth.set(day, list);
    return list;
  }

  /** Why `id` cannot be imported for `month`, or null when it can. */
  problem(month: string, id: string, today: string): string | null {
    const list = this.importable(month, today);
    if (list.some((i) => i.id === id)) return null;
    if (!list.length) return zh`${month} 生效的 KPI 方案中没有数据来源为“导入数据”的指标：请先在 KPI 方案中把要导入的指标的数据来源设为“导入数据”并发布`;
    return zh`指标编号“${id}”不是 ${month} 生效的 KPI 方案中数据来源为“导入数据”的指标：应为 ${list.map((i) => `${i.id}（${i.label}）`).join('、')}之一`;
  }

  /** An importable indicator id of a past month (the template's example month), for a template's example row. */
  example(month: string): string | null {
    return this.importable(month, '9999-12-31')[0]?.id ?? null;
  }
}
