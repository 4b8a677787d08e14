/** Create an incentive plan or a KPI scheme (the rule itself; what it says lives in its versions). */
import { zh } from '@liucai/shared';
import { QueryFailedError, type DataSource } from 'typeorm';
import { conflict } from '../../../errors';
import type { Actor } from '../../../appTypes';
import type { VersionedRule } from '../../../entities/VersionedRule';
import type { RuleFamily } from '../ruleFamilies';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { payTransaction } from './payTransaction';

export interface RuleInput {
  code: string;
  name: string;
  description?: string | null;
  /** KPI schemes only: the job the scheme is for. */
  jobTitle?: string | null;
}

const isDuplicate = (err: unknown) =>
  err instanceof QueryFailedError && /ER_DUP_ENTRY|UNIQUE constraint failed|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

export async function createRule(ds: DataSource, family: RuleFamily, actor: Actor, input: RuleInput): Promise<VersionedRule> {
  const row = Object.assign(new family.rule(), {
    corpId: actor.corpId,
    code: input.code,
    name: input.name,
    description: input.description ?? null,
    revision: 0,
    createdBy: actor.userid,
    createdAt: new Date(),
    ...(family.parentKey === 'schemeId' ? { jobTitle: input.jobTitle ?? null } : {}),
  });
  try {
    return await payTransaction(ds, async (em) => {
      const saved = await em.getRepository(family.rule).save(row);
      await recordAudit(em, actor, {
        action: `${family.audit.rule}.create`,
        targetKind: family.audit.targetRule,
        targetId: saved.id,
        detail: { code: saved.code },
      });
      return saved;
    });
  } catch (err) {
    if (isDuplicate(err)) throw conflict('code_taken', zh`编号“${input.code}”已被另一个${family.labels.rule}使用，请换一个`, { field: 'code' });
    throw err;
  }
}
