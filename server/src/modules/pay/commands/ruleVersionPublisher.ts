/**
 * Publish a draft: from now on it is used (simulations, assignments, later payout runs) and never changes. Its dates
 * must not overlap another published version, except that it may take over from the one open-ended version that
 * started earlier, which then ends the day before (the only change a published version ever sees).
 */
import type { DataSource } from 'typeorm';
import { notFound } from '../../../errors';
import { payTransaction } from './payTransaction';
import type { Actor } from '../../../appTypes';
import type { RuleVersion } from '../../../entities/RuleVersion';
import { parentIdOf, type RuleFamily } from '../ruleFamilies';
import { definitionInvalid, versionAlreadyPublished } from '../payErrors';
import { lockRule } from './ruleLock';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { assertPlaceable, publishedVersions } from './ruleVersionCreator';

export interface PublishResult {
  published: RuleVersion;
  /** The version that now ends the day before, if one was superseded. */
  superseded: RuleVersion | null;
}

export async function publishRuleVersion(ds: DataSource, family: RuleFamily, actor: Actor, versionId: number): Promise<PublishResult> {
  const found = await ds.getRepository(family.version).findOneBy({ id: versionId, corpId: actor.corpId });
  if (!found) throw notFound(family.labels.version);
  const ruleId = parentIdOf(family, found);
  return payTransaction(ds, async (em) => {
    await lockRule(em, family, actor.corpId, ruleId);
    const v = await em.getRepository(family.version).findOneByOrFail({ id: versionId, corpId: actor.corpId });
    if (v.status !== 'draft') throw versionAlreadyPublished(v);
    // Stored drafts were validated on the way in; check again so nothing invalid is ever put in force.
    const checked = family.validate(JSON.parse(v.definition));
    if (!checked.ok) throw definitionInvalid(family, checked.problems);
    const supersede = assertPlaceable(family, await publishedVersions(em, family, actor.corpId, ruleId), { from: v.effectiveFrom, to: v.effectiveTo });
    let superseded: RuleVersion | null = null;
    if (supersede) {
      await em.getRepository(family.version).update({ id: supersede.item.id, corpId: actor.corpId }, { effectiveTo: supersede.newTo });
      superseded = await em.getRepository(family.version).findOneByOrFail({ id: supersede.item.id, corpId: actor.corpId });
    }
    Object.assign(v, { status: 'published', publishedBy: actor.userid, publishedAt: new Date() });
    const published = await em.getRepository(family.version).save(v);
    await recordAudit(em, actor, {
      action: `${family.audit.version}.publish`,
      targetKind: family.audit.targetVersion,
      targetId: published.id,
      detail: { ruleId, supersededId: superseded?.id ?? null, supersededTo: superseded?.effectiveTo ?? null },
    });
    return { published, superseded };
  });
}
