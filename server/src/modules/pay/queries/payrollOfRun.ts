/**
 * A published run's payroll, for whoever may export it (HR within the run's department, admins): the browser's
 * export and the open API read it here, each read recorded in the audit log as `pay.run.export` (with how it was read).
 */
import type { DataSource } from 'typeorm';
import { PayoutRun } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { payVisibleDepartmentIds } from '../policies/payScope';
import { runNotFound, runWrongState } from '../payoutRunErrors';
import { payrollPeople } from '../presenters/payrollExport';
import type { PayrollPerson } from '@liucai/shared';

export async function payrollOfRun(
  ds: DataSource,
  actor: Actor,
  runId: number,
  detail: Record<string, unknown>,
): Promise<{ run: PayoutRun; people: PayrollPerson[] }> {
  const run = await ds.getRepository(PayoutRun).findOneBy({ corpId: actor.corpId, id: runId });
  if (!run || !(await payVisibleDepartmentIds(ds, actor)).has(Number(run.deptId))) throw runNotFound();
  if (run.status !== 'published') throw runWrongState(run, '导出工资表', 'published');
  const people = await payrollPeople(ds, run);
  await recordReadAudit(ds, actor, { action: 'pay.run.export', targetKind: 'payout_run', targetId: run.id, detail: { ...detail, people: people.length } });
  return { run, people };
}
