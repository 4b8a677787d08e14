/**
 * Serialise writes to one rule's versions: bump its `revision` first, in the transaction. The UPDATE holds the
 * rule's row lock in InnoDB (and SQLite's write lock) until commit, so two publishes of one plan cannot both pass
 * the overlap check. Answers false when the rule does not exist in the corp.
 */
import type { EntityManager } from 'typeorm';
import type { RuleFamily } from '../ruleFamilies';

export async function lockRule(em: EntityManager, family: RuleFamily, corpId: string, ruleId: number): Promise<boolean> {
  // tenancy: the rule by its id and corp_id.
  const res = await em
    .createQueryBuilder()
    .update(family.rule)
    .set({ revision: () => 'revision + 1' })
    .where('id = :id AND corp_id = :corpId', { id: ruleId, corpId })
    .execute();
  return (res.affected ?? 0) > 0;
}
