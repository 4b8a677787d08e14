/** Copy a version (typically a published one, which cannot change) into a new draft to edit. */
import type { DataSource } from 'typeorm';
import { notFound } from '../../../errors';
import type { Actor } from '../../../appTypes';
import type { RuleVersion } from '../../../entities/RuleVersion';
import { parentIdOf, type RuleFamily } from '../ruleFamilies';
import { createRuleVersion } from './ruleVersionCreator';

export async function copyRuleVersion(
  ds: DataSource,
  family: RuleFamily,
  actor: Actor,
  versionId: number,
  dates: { effectiveFrom: string; effectiveTo?: string | null; note?: string | null },
): Promise<RuleVersion> {
  const source = await ds.getRepository(family.version).findOneBy({ id: versionId, corpId: actor.corpId });
  if (!source) throw notFound(family.labels.version);
  return createRuleVersion(
    ds,
    family,
    actor,
    parentIdOf(family, source),
    { ...dates, note: dates.note ?? `复制自第 ${source.version} 版`, definition: JSON.parse(source.definition) as unknown },
    source.id,
  );
}
