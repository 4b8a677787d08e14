/**
 * HR sets (or clears) a portrait metric's reference value, company-wide: a new version row (never an update) and an
 * audit event (talent.metricReference.set, with the old and new value) in one transaction. The caller has checked
 * the role; the input is checked here by the shared rule (checkMetricReference).
 */
import { checkMetricReference } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { TalentMetricReference } from '../../../entities';
import { validationError } from '../../../errors';
import { recordAudit } from '../../audit/commands/auditRecorder';

export async function setMetricReference(ds: DataSource, actor: Actor, metric: string, input: { value?: unknown; note?: unknown }, now = new Date()) {
  const checked = checkMetricReference(metric, input.value, input.note);
  if (!checked.ok) throw validationError(checked.problems);
  return ds.transaction(async (em) => {
    // tenancy: the corp's versions of the metric's reference.
    const current = await em.getRepository(TalentMetricReference).findOne({ where: { corpId: actor.corpId, metric }, order: { version: 'DESC' } });
    const saved = await em.getRepository(TalentMetricReference).save(
      Object.assign(new TalentMetricReference(), {
        corpId: actor.corpId,
        metric,
        version: (current?.version ?? 0) + 1,
        value: checked.value,
        note: checked.note,
        setBy: actor.userid,
        setAt: now,
      }),
    );
    await recordAudit(em, actor, {
      action: 'talent.metricReference.set',
      targetKind: 'talent_metric_reference',
      targetId: metric,
      detail: { version: saved.version, from: current?.value ?? null, to: saved.value, note: saved.note },
    });
    return saved;
  });
}
