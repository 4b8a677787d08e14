/**
 * The routes every versioned rule has (incentive plans under /api/v1/incentives, KPI schemes under /api/v1/kpi),
 * all for HR and admins: list, create, read; create a draft version, edit a draft, publish it, copy any version
 * into a new draft. Writes are recorded in the audit log by the commands (in their transactions) and logged here too.
 */
import Router from '@koa/router';
import type { DataSource } from 'typeorm';
import type { UserRef } from '@liucai/shared';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import type { RuleVersion } from '../../../entities/RuleVersion';
import type { VersionedRule } from '../../../entities/VersionedRule';
import { addDays, shanghaiDate } from '../../../util/dates';
import { assertPayAdmin } from '../policies/payAdmin';
import type { RuleFamily } from '../ruleFamilies';
import { createRule } from '../commands/ruleCreator';
import { createRuleVersion } from '../commands/ruleVersionCreator';
import { updateRuleVersion } from '../commands/ruleVersionUpdater';
import { publishRuleVersion } from '../commands/ruleVersionPublisher';
import { copyRuleVersion } from '../commands/ruleVersionCopier';
import { namesFor } from '../presenters/ruleVersionPresenter';
import { CopyBodySchema, IdParamSchema, PAY_FIELD_LABELS, RuleCreateSchema, VersionBodySchema } from './schema';
import { forgetSessionVersions, keptRead } from '../../../db/keptReads';
import { ensureBuiltInRules, type BuiltInTemplate } from '../../talent/commands/builtInJobModelSeeder';

export interface RuleRouteSpec {
  family: RuleFamily;
  prefix: string;
  /** Path segments: `plans` + `plan-versions`, `schemes` + `scheme-versions`. */
  rules: string;
  versions: string;
  audit: string;
  presentRules(ds: DataSource, corpId: string, rules: VersionedRule[], versions: RuleVersion[], today: string): Promise<unknown[]>;
  presentVersion(v: RuleVersion, users: Map<string, UserRef>): unknown;
  /** Who may administer this family (default: pay admins, HR and admins). */
  assertAdmin?: (actor: Actor) => void;
  /** The rules every corp has (岗位模型, 问卷): a corp's first read adds those it lacks (`ensureBuiltInRules`). */
  builtIns?: readonly BuiltInTemplate[];
  /** Run after a version was published (committed), e.g. enqueue the work it changes. */
  afterPublish?: (actor: Actor, published: RuleVersion) => Promise<void>;
}

export function ruleRoutes(deps: AppDeps, spec: RuleRouteSpec): Router<AppState> {
  const { family } = spec;
  const r = new Router<AppState>({ prefix: spec.prefix });
  const admin = (actor: Actor | undefined): Actor => {
    (spec.assertAdmin ?? assertPayAdmin)(actor!);
    return actor!;
  };
  const labels = { ...PAY_FIELD_LABELS, definition: family.labels.definition };
  const today = () => shanghaiDate(new Date());
  const presentVersion = async (actor: Actor, v: RuleVersion) => spec.presentVersion(v, await namesFor(deps.ds, actor.corpId, [], [v]));
  const audit = (ctx: { state: AppState }, what: string, fields: Record<string, unknown>) =>
    ctx.state.log.info({ audit: `${spec.audit}_${what}`, by: ctx.state.actor!.userid, ...fields }, 'audit');

  // tenancy: the actor's corp, every read below.
  const readRules = (actor: Actor, id?: number) =>
    deps.ds.getRepository(family.rule).find({ where: { corpId: actor.corpId, ...(id ? { id } : {}) }, order: { id: 'ASC' } });
  const load = async (actor: Actor, id?: number, day = today()) => {
    let rules = await readRules(actor, spec.builtIns ? undefined : id);
    // The built-in rules are checked against the corp's rules just read (all of them, a handful), not read again.
    if (
      spec.builtIns &&
      (await ensureBuiltInRules(
        deps.ds,
        actor.corpId,
        family,
        spec.builtIns,
        rules.map((x) => x.code),
      ))
    ) {
      // Seeded: what follows reads as the data is now, not as the session's versions said.
      forgetSessionVersions(actor);
      rules = await readRules(actor);
    }
    if (spec.builtIns && id) rules = rules.filter((x) => x.id === id);
    const versions = rules.length
      ? await deps.ds.getRepository(family.version).find({ where: { corpId: actor.corpId, ...(id ? { [family.parentKey]: id } : {}) } as never })
      : [];
    return spec.presentRules(deps.ds, actor.corpId, rules, versions, day);
  };

  r.get(`/${spec.rules}`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    // Kept while the family's tables and the people it names are unchanged; the day (which version is in force) is in the key.
    const day = today();
    ctx.body = { ok: true, data: await keptRead(deps.ds, actor, [family.topic, 'people'], ['rules', spec.rules, day], () => load(actor, undefined, day)) };
  });

  r.post(`/${spec.rules}`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const input = validate(RuleCreateSchema, ctx.request.body, labels);
    const rule = await createRule(deps.ds, family, actor, input);
    audit(ctx, 'created', { id: rule.id, code: rule.code });
    ctx.status = 201;
    ctx.body = { ok: true, data: (await load(actor, rule.id))[0] };
  });

  r.get(`/${spec.rules}/:id`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, labels);
    const [rule] = await load(actor, id);
    if (!rule) throw notFound(family.labels.rule);
    ctx.body = { ok: true, data: rule };
  });

  r.post(`/${spec.rules}/:id/versions`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, labels);
    const input = validate(VersionBodySchema, ctx.request.body, labels);
    const v = await createRuleVersion(deps.ds, family, actor, id, input);
    audit(ctx, 'version_created', { ruleId: id, versionId: v.id, version: v.version });
    ctx.status = 201;
    ctx.body = { ok: true, data: await presentVersion(actor, v) };
  });

  r.put(`/${spec.versions}/:id`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, labels);
    const input = validate(VersionBodySchema, ctx.request.body, labels);
    const v = await updateRuleVersion(deps.ds, family, actor, id, input);
    audit(ctx, 'version_updated', { versionId: v.id });
    ctx.body = { ok: true, data: await presentVersion(actor, v) };
  });

  r.post(`/${spec.versions}/:id/publish`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, labels);
    const { published, superseded } = await publishRuleVersion(deps.ds, family, actor, id);
    audit(ctx, 'version_published', { versionId: published.id, supersededId: superseded?.id ?? null, supersededTo: superseded?.effectiveTo ?? null });
    await spec.afterPublish?.(actor, published);
    const users = await namesFor(deps.ds, actor.corpId, [], [published, ...(superseded ? [superseded] : [])]);
    ctx.body = { ok: true, data: { published: spec.presentVersion(published, users), superseded: superseded ? spec.presentVersion(superseded, users) : null } };
  });

  r.post(`/${spec.versions}/:id/copy`, async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, labels);
    const body = validate(CopyBodySchema, ctx.request.body ?? {}, labels);
    const v = await copyRuleVersion(deps.ds, family, actor, id, { ...body, effectiveFrom: body.effectiveFrom ?? addDays(today(), 1) });
    audit(ctx, 'version_copied', { fromVersionId: id, versionId: v.id });
    ctx.status = 201;
    ctx.body = { ok: true, data: await presentVersion(actor, v) };
  });

  return r;
}
