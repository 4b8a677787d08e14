/**
 * Shared pieces of the permission matrix's fixtures: `once` (a fixture built once per permission world, whoever asks
 * first) and `actorRuleVersions` (an actor's own versioned rule — v1 published from 2020, a draft to edit in 2041 and a
 * draft to publish from 2030 — so no actor's write depends on another's).
 */
import type { Actor } from '../../server/src/appTypes';
import { createRule } from '../../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../../server/src/modules/pay/commands/ruleVersionPublisher';
import type { RuleFamily } from '../../server/src/modules/pay/ruleFamilies';
import type { PermissionWorld } from './permissionWorld';

const done = new WeakMap<PermissionWorld, Map<string, Promise<unknown>>>();
export function once<T>(pw: PermissionWorld, key: string, make: () => Promise<T>): Promise<T> {
  let cache = done.get(pw);
  if (!cache) done.set(pw, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as Promise<T>;
}

/** The admin who sets fixtures up (not one of the matrix's actors' own sessions). */
export const setupActor = (pw: PermissionWorld): Actor => ({ corpId: pw.w.corpId, userid: pw.users.admin!, roles: ['employee', 'admin'], hrDeptIds: [] });

/** A versioned rule of `family` for one key (an actor), created once: its id and its three versions. */
export const actorRuleVersions = (pw: PermissionWorld, family: RuleFamily, key: string, rule: { code: string; name: string }, definition: unknown) =>
  once(pw, `${rule.code}:${key}`, async () => {
    const a = setupActor(pw);
    const created = await createRule(pw.w.ds, family, a, rule);
    const draft = (effectiveFrom: string, effectiveTo: string | null, note: string) =>
      createRuleVersion(pw.w.ds, family, a, created.id, { effectiveFrom, effectiveTo, definition, note });
    const v1 = await draft('2020-01-01', null, '矩阵首版');
    await publishRuleVersion(pw.w.ds, family, a, v1.id);
    const toEdit = await draft('2041-01-01', '2041-12-31', '矩阵草稿：待修改');
    const toPublish = await draft('2030-01-01', null, '矩阵草稿：待发布');
    return { id: created.id, publishedId: v1.id, editDraftId: toEdit.id, publishDraftId: toPublish.id };
  });
