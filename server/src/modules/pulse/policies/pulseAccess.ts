/**
 * Who administers pulse surveys and reads their results: HR only, for surveys of departments within its own (404
 * otherwise, as any record outside scope). Not the reporting line and not an admin by being admin (403): results are
 * about teams, seen by HR under the anonymity rule, and a supervisor reading their own team's answers is exactly who
 * the anonymity is for.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { forbidden, notFound } from '../../../errors';
import { PulseSurvey } from '../../../entities';
import { visibleDepartmentIds } from '../../access/policies/scope';

export const PULSE_REFUSED = '脉搏调查的管理与结果只对 HR 开放';

/** HR's departments (with everything below them), or 403. */
export async function pulseDepartments(ds: DataSource, actor: Actor): Promise<Set<number>> {
  if (!actor.roles.includes('hr')) throw forbidden(PULSE_REFUSED);
  return visibleDepartmentIds(ds, { ...actor, roles: ['hr'] });
}

/** A survey of a department within HR's departments, or 404. */
export async function surveyInScope(ds: DataSource, actor: Actor, surveyId: number): Promise<PulseSurvey> {
  const depts = await pulseDepartments(ds, actor);
  // tenancy: the corp's survey.
  const survey = await ds.getRepository(PulseSurvey).findOne({ where: { corpId: actor.corpId, id: surveyId } });
  if (!survey || !depts.has(Number(survey.deptId))) throw notFound('脉搏调查');
  return survey;
}
