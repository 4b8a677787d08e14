/**
 * Every corp starts with the built-in job models (大客户销售), each as version 1, published, in effect from
 * BUILT_IN_FROM until further notice. Idempotent: a corp that has the code keeps what it has (HR may have copied and
 * changed it); two callers racing both end with one model.
 */
import { JOB_MODEL_TEMPLATES } from '@liucai/shared';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { RuleFamily } from '../../pay/ruleFamilies';
import { JOB_MODEL_FAMILY } from '../jobModelFamily';

/** The built-in versions apply to every month the portraits cover. */
export const BUILT_IN_FROM = '2020-01-01';
/** Who “created” built-in rows (no person did). */
export const SYSTEM_USER = 'system';

/** True when an insert hit a unique key (MariaDB or SQLite). */
export const isDuplicate = (err: unknown): boolean =>
  err instanceof QueryFailedError && /ER_DUP_ENTRY|UNIQUE constraint failed|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

export async function ensureBuiltInJobModels(ds: DataSource, corpId: string): Promise<void> {
  await ensureBuiltInRules(ds, corpId, JOB_MODEL_FAMILY, JOB_MODEL_TEMPLATES);
}

/** A built-in rule: the code a corp's copy is known by, and what version 1 holds. */
export type BuiltInTemplate = { code: string; name: string; description: string; definition: unknown };

/**
 * The same for any versioned-rule family (job models, questionnaires): each template as a published version 1.
 * `haveCodes`: the codes the corp's rules were just read with (the caller's own read), so none is read here.
 * Returns whether the corp's rules changed since (it added one, or a racing caller did): read them again.
 */
export async function ensureBuiltInRules(
  ds: DataSource,
  corpId: string,
  family: RuleFamily,
  templates: readonly BuiltInTemplate[],
  haveCodes?: Iterable<string>,
): Promise<boolean> {
  // tenancy: the corp's own rules by code.
  const have = new Set(haveCodes ?? (await ds.getRepository(family.rule).find({ where: { corpId }, select: { code: true } })).map((m) => m.code));
  let added = false;
  for (const t of templates) {
    if (have.has(t.code)) continue;
    try {
      await ds.transaction(async (em) => {
        const now = new Date();
        const rule = await em.getRepository(family.rule).save(
          Object.assign(new family.rule(), {
            corpId,
            code: t.code,
            name: t.name,
            description: t.description,
            revision: 1,
            createdBy: SYSTEM_USER,
            createdAt: now,
          }),
        );
        await em.getRepository(family.version).save(
          Object.assign(new family.version(), {
            corpId,
            [family.parentKey]: rule.id,
            version: 1,
            status: 'published' as const,
            effectiveFrom: BUILT_IN_FROM,
            effectiveTo: null,
            definition: JSON.stringify(t.definition),
            note: '内置模板',
            copiedFromId: null,
            createdBy: SYSTEM_USER,
            createdAt: now,
            publishedBy: SYSTEM_USER,
            publishedAt: now,
          }),
        );
      });
      added = true;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      added = true;
    }
  }
  return added;
}
