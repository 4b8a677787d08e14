/** Edit a draft version (definition, dates, note). A published version is used and is never edited: 409. */
import type { DataSource } from 'typeorm';
import { notFound } from '../../../errors';
import { payTransaction } from './payTransaction';
import type { Actor } from '../../../appTypes';
import type { RuleVersion } from '../../../entities/RuleVersion';
import { parentIdOf, type RuleFamily } from '../ruleFamilies';
import { versionImmutable } from '../payErrors';
import { lockRule } from './ruleLock';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { assertPlaceable, assertVersionInput, publishedVersions, type RuleVersionInput } from './ruleVersionCreator';

export async function updateRuleVersion(ds: DataSource, family: RuleFamily, actor: Actor, versionId: number, input: RuleVersionInput): Promise<RuleVersion> {
  const found = await ds.getRepository(family.version).findOneBy({ id: versionId, corpId: actor.corpId });
  if (!found) throw notFound(family.labels.version);
  if (found.status !== 'draft') throw versionImmutable(family, found);
  assertVersionInput(family, input);
  return payTransaction(ds, async (em) => {
    const ruleId = parentIdOf(family, found);
    await lockRule(em, family, actor.corpId, ruleId);
    // Re-read under the lock: it may have been published meanwhile.
    const v = await em.getRepository(family.version).findOneByOrFail({ id: versionId, corpId: actor.corpId });
    if (v.status !== 'draft') throw versionImmutable(family, v);
    const range = { from: input.effectiveFrom, to: input.effectiveTo ?? null };
    assertPlaceable(family, await publishedVersions(em, family, actor.corpId, ruleId), range);
    Object.assign(v, { effectiveFrom: range.from, effectiveTo: range.to, definition: JSON.stringify(input.definition), note: input.note ?? null });
    const saved = await em.getRepository(family.version).save(v);
    await recordAudit(em, actor, {
      action: `${family.audit.version}.update`,
      targetKind: family.audit.targetVersion,
      targetId: saved.id,
      detail: { ruleId, effectiveFrom: saved.effectiveFrom, effectiveTo: saved.effectiveTo },
    });
    return saved;
  });
}
