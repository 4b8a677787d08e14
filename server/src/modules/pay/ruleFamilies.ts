/**
 * Incentive plans and KPI schemes are both versioned rules: effective-dated versions, drafts that may change,
 * published versions that never do. One set of commands serves both; a family says which tables, which
 * validation and which words.
 */
import { validateKpiScheme, validatePlanDefinition } from '@liucai/shared';
import { IncentivePlan, IncentivePlanVersion, KpiScheme, KpiSchemeVersion } from '../../entities';
import type { RuleVersion } from '../../entities/RuleVersion';
import type { VersionedRule } from '../../entities/VersionedRule';
import type { DataTopic } from '../../db/keptReads';

export interface RuleFamily {
  rule: new () => VersionedRule;
  version: new () => RuleVersion;
  /** The topic whose version every write to the rule and version tables bumps (DataVersions): their lists are kept while it holds. */
  topic: DataTopic;
  /** The version's property holding its rule's id. */
  parentKey: 'planId' | 'schemeId' | 'jobModelId' | 'questionnaireId';
  labels: {
    /** 激励方案 / KPI 方案 */
    rule: string;
    /** 方案版本 / KPI 方案版本 */
    version: string;
    /** The definition field's name in messages. */
    definition: string;
  };
  /** Audit action prefixes (auditActions.ts): `pay.plan` + `pay.planVersion`. */
  audit: { rule: string; version: string; targetRule: string; targetVersion: string };
  validate(definition: unknown): { ok: true } | { ok: false; problems: { path: string; message: string }[] };
}

export const PLAN_FAMILY: RuleFamily = {
  rule: IncentivePlan,
  version: IncentivePlanVersion,
  topic: 'pay',
  parentKey: 'planId',
  labels: { rule: '激励方案', version: '方案版本', definition: '方案定义' },
  audit: { rule: 'pay.plan', version: 'pay.planVersion', targetRule: 'incentive_plan', targetVersion: 'incentive_plan_version' },
  validate: (d) => {
    const r = validatePlanDefinition(d);
    return r.ok ? { ok: true } : { ok: false, problems: r.problems };
  },
};

export const KPI_FAMILY: RuleFamily = {
  rule: KpiScheme,
  version: KpiSchemeVersion,
  topic: 'pay',
  parentKey: 'schemeId',
  labels: { rule: 'KPI 方案', version: 'KPI 方案版本', definition: 'KPI 方案定义' },
  audit: { rule: 'pay.kpiScheme', version: 'pay.kpiSchemeVersion', targetRule: 'kpi_scheme', targetVersion: 'kpi_scheme_version' },
  validate: (d) => {
    const r = validateKpiScheme(d);
    return r.ok ? { ok: true } : { ok: false, problems: r.problems };
  },
};

/** A version's rule id, whichever family it belongs to. */
export const parentIdOf = (family: RuleFamily, v: RuleVersion): number => (v as unknown as Record<string, number>)[family.parentKey]!;
