/** Incentive plans with their versions, and a person's resolved plan, as the API shows them. */
import type { DataSource } from 'typeorm';
import type { IncentivePlanDefinition, IncentivePlan as PlanView, IncentivePlanVersion as VersionView, PlanRef, ResolvedPlan, UserRef } from '@liucai/shared';
import type { IncentivePlan, IncentivePlanVersion } from '../../../entities';
import type { PlanOnDay } from '../queries/planResolution';
import { currentVersionId, namesFor, presentVersionInfo } from './ruleVersionPresenter';

export const planRef = (p: IncentivePlan): PlanRef => ({ id: p.id, code: p.code, name: p.name });

export function presentPlanVersion(v: IncentivePlanVersion, users: Map<string, UserRef>): VersionView {
  return { ...presentVersionInfo(v, users), planId: v.planId, definition: JSON.parse(v.definition) as IncentivePlanDefinition };
}

/** Plans with their versions (newest first) and the version in force on `today`. */
export async function presentPlans(
  ds: DataSource,
  corpId: string,
  plans: IncentivePlan[],
  versions: IncentivePlanVersion[],
  today: string,
): Promise<PlanView[]> {
  const users = await namesFor(ds, corpId, plans, versions);
  return plans.map((p) => {
    const own = versions.filter((v) => v.planId === p.id).sort((a, b) => b.version - a.version);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      description: p.description,
      createdAt: p.createdAt.toISOString(),
      currentVersionId: currentVersionId(own, today),
      versions: own.map((v) => presentPlanVersion(v, users)),
    };
  });
}

/** A person's plan on a day (only when a version is in force). */
export function presentResolvedPlan(r: PlanOnDay | null, users: Map<string, UserRef>): ResolvedPlan | null {
  if (!r || !r.version) return null;
  const a = r.assignment;
  return {
    plan: planRef(r.plan),
    version: presentPlanVersion(r.version, users),
    assignment: { id: a.id, via: a.targetKind, jobTitle: a.jobTitle, effectiveFrom: a.effectiveFrom, effectiveTo: a.effectiveTo },
  };
}
