/**
 * The what-if simulator on the server: the caller's fields read by the shared `simulationInputFrom`, the plan
 * version (given, if the caller may use it, else the caller's plan today) computed by the shared `computePayout`
 * — the same code the micro-app runs in the browser.
 */
import type { DataSource } from 'typeorm';
import { PayoutInputError, computePayout, simulationInputFrom, validatePlanDefinition, type SimulationFields, type SimulationResult } from '@liucai/shared';
import { IncentivePlan, User, type IncentivePlanVersion } from '../../../entities';
import { notFound, validationError } from '../../../errors';
import type { Actor } from '../../../appTypes';
import { planRef } from '../presenters/planPresenter';
import { simulableVersion } from '../policies/simulationAccess';
import { planOn } from '../queries/planResolution';
import { noCurrentPlan } from '../payErrors';

export async function simulatePayout(
  ds: DataSource,
  actor: Actor,
  fields: SimulationFields & { planVersionId?: number },
  today: string,
): Promise<SimulationResult> {
  const read = simulationInputFrom(fields);
  if (!read.ok) throw validationError(read.problems.map((p) => ({ field: p.field, label: p.label, message: p.message })));

  let version: IncentivePlanVersion | null;
  if (fields.planVersionId !== undefined) {
    version = await simulableVersion(ds, actor, fields.planVersionId);
    if (!version) throw notFound('方案版本');
  } else {
    const me = await ds.getRepository(User).findOneBy({ corpId: actor.corpId, userid: actor.userid });
    version = me ? ((await planOn(ds, me, today))?.version ?? null) : null;
    if (!version) throw noCurrentPlan();
  }
  const plan = await ds.getRepository(IncentivePlan).findOneByOrFail({ corpId: actor.corpId, id: version.planId });
  const definition = validatePlanDefinition(JSON.parse(version.definition));
  if (!definition.ok) throw new Error(`stored plan version ${version.id} is invalid`);
  try {
    const result = computePayout(definition.plan, read.input);
    return {
      plan: planRef(plan),
      version: { id: version.id, version: version.version, effectiveFrom: version.effectiveFrom, effectiveTo: version.effectiveTo },
      ...result,
    };
  } catch (err) {
    if (err instanceof PayoutInputError) throw validationError(err.problems.map((message) => ({ field: '(body)', label: '试算', message })));
    throw err;
  }
}
