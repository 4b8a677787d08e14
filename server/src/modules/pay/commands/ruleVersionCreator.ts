/**
 * Create a draft version of a plan or KPI scheme: the definition validated by the shared code (every problem named),
 * the dates checked, and — already now, so HR hears it early — the dates placed among the published versions
 * (publishing checks again). Numbered 1, 2, 3 … under the rule's lock.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { placeRange, rangeProblems } from '@liucai/shared';
import { notFound, validationError } from '../../../errors';
import { payTransaction } from './payTransaction';
import type { Actor } from '../../../appTypes';
import type { RuleVersion } from '../../../entities/RuleVersion';
import type { RuleFamily } from '../ruleFamilies';
import { definitionInvalid, effectiveDatesOverlap } from '../payErrors';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { lockRule } from './ruleLock';

export interface RuleVersionInput {
  effectiveFrom: string;
  effectiveTo?: string | null;
  note?: string | null;
  definition?: unknown;
}

const DATE_LABELS = { effectiveFrom: '生效日期', effectiveTo: '截止日期' } as const;

/** Problems with a version input (definition, dates) as one 400, or nothing. */
export function assertVersionInput(family: RuleFamily, input: RuleVersionInput): void {
  const dates = rangeProblems(input.effectiveFrom, input.effectiveTo ?? null);
  if (dates.length > 0) throw validationError(dates.map((d) => ({ field: d.field, label: DATE_LABELS[d.field], message: d.message })));
  const checked = family.validate(input.definition);
  if (!checked.ok) throw definitionInvalid(family, checked.problems);
}

/** Published versions of a rule (the ones dates must not overlap), in the transaction. */
export const publishedVersions = (em: EntityManager, family: RuleFamily, corpId: string, ruleId: number): Promise<RuleVersion[]> =>
  em.getRepository(family.version).find({ where: { corpId, [family.parentKey]: ruleId, status: 'published' } as never });

/** Refuse a range that overlaps a published version it could not take over from. */
export function assertPlaceable(family: RuleFamily, published: RuleVersion[], range: { from: string; to: string | null }, self?: number) {
  const placed = placeRange(
    published.filter((v) => v.id !== self).map((v) => ({ ...v, from: v.effectiveFrom, to: v.effectiveTo })),
    range,
  );
  if (!placed.ok) throw effectiveDatesOverlap(family, range, placed.conflict);
  return placed.supersede;
}

export async function createRuleVersion(
  ds: DataSource,
  family: RuleFamily,
  actor: Actor,
  ruleId: number,
  input: RuleVersionInput,
  copiedFromId: number | null = null,
): Promise<RuleVersion> {
  assertVersionInput(family, input);
  return payTransaction(ds, async (em) => {
    if (!(await lockRule(em, family, actor.corpId, ruleId))) throw notFound(family.labels.rule);
    const range = { from: input.effectiveFrom, to: input.effectiveTo ?? null };
    assertPlaceable(family, await publishedVersions(em, family, actor.corpId, ruleId), range);
    const last = await em
      .getRepository(family.version)
      .findOne({ where: { corpId: actor.corpId, [family.parentKey]: ruleId } as never, order: { version: 'DESC' } });
    const row = Object.assign(new family.version(), {
      corpId: actor.corpId,
      [family.parentKey]: ruleId,
      version: (last?.version ?? 0) + 1,
      status: 'draft' as const,
      effectiveFrom: range.from,
      effectiveTo: range.to,
      definition: JSON.stringify(input.definition),
      note: input.note ?? null,
      copiedFromId,
      createdBy: actor.userid,
      createdAt: new Date(),
      publishedBy: null,
      publishedAt: null,
    });
    const saved = await em.getRepository(family.version).save(row);
    await recordAudit(em, actor, {
      action: `${family.audit.version}.${copiedFromId === null ? 'create' : 'copy'}`,
      targetKind: family.audit.targetVersion,
      targetId: saved.id,
      detail: { ruleId, version: saved.version, effectiveFrom: saved.effectiveFrom, effectiveTo: saved.effectiveTo, copiedFromId },
    });
    return saved;
  });
}
