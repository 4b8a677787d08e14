/**
 * HR launches a published questionnaire version to people and/or departments within its scope: one self sheet per
 * person (active employees of the departments, each with everything below it, and the people chosen), and with
 * supervisor rating one sheet for each person's supervisor about them. Invitations are work notifications recorded
 * in the same transaction as the cycle and the audit event.
 */
import { In, type DataSource } from 'typeorm';
import { zh, type CycleLaunchInput } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle, AssessmentResponse, Department, QuestionnaireVersion, Questionnaire, User } from '../../../entities';
import { notFound, validationError } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { visibleDepartmentIds } from '../../access/policies/scope';
import { visibleUserIds } from '../../people/policies/peopleScope';
import { activePeopleOfDepartments } from '../../people/queries/activePeopleOfDepartments';

const BATCH = 500;
/** Where invitations and reminders open. */
export const ASSESSMENT_PAGE = '/assessments';

export async function launchCycle(
  ds: DataSource,
  actor: Actor,
  input: CycleLaunchInput,
  now = new Date(),
): Promise<{ cycle: AssessmentCycle; sheets: number }> {
  const today = shanghaiDate(now);
  if (input.dueOn < today) throw validationError([{ field: 'dueOn', label: '截止日期', message: zh`截止日期应不早于今天（${today}），现为 ${input.dueOn}` }]);
  const userids = [...new Set(input.userids ?? [])];
  const deptIds = [...new Set(input.deptIds ?? [])];
  if (userids.length === 0 && deptIds.length === 0) throw validationError([{ field: 'userids', label: '测评对象', message: '请至少选择一位员工或一个部门' }]);

  // tenancy: the corp's questionnaire version.
  const version = await ds.getRepository(QuestionnaireVersion).findOne({ where: { corpId: actor.corpId, id: input.versionId } });
  if (!version) throw notFound('问卷版本');
  if (version.status !== 'published')
    throw validationError([{ field: 'versionId', label: '问卷版本', message: zh`问卷版本 v${version.version} 还是草稿：只能发起已发布的版本，请先发布` }]);
  // tenancy: the corp's questionnaire.
  const questionnaire = await ds.getRepository(Questionnaire).findOneOrFail({ where: { corpId: actor.corpId, id: version.questionnaireId } });

  // People chosen by name: each must be in the actor's scope (404 otherwise, as for any person outside it).
  const visible = await visibleUserIds(ds, actor, userids);
  if (userids.some((u) => !visible.has(u))) throw notFound('员工');
  // Departments: each must exist and, for HR, lie in its departments.
  // tenancy: the corp's departments.
  const depts = await ds.getRepository(Department).find({ where: { corpId: actor.corpId }, select: { deptId: true, parentId: true } });
  const known = new Set(depts.map((d) => Number(d.deptId)));
  const allowed = actor.roles.includes('admin') ? known : await visibleDepartmentIds(ds, actor);
  if (deptIds.some((d) => !known.has(d) || !allowed.has(d))) throw notFound('部门');

  const subjects = new Set<string>();
  if (userids.length > 0) {
    // tenancy: the corp's active people among those chosen.
    const active = await ds.getRepository(User).find({ where: { corpId: actor.corpId, userid: In(userids), status: 'active' }, select: { userid: true } });
    const activeIds = new Set(active.map((u) => u.userid));
    const gone = userids.filter((u) => !activeIds.has(u));
    if (gone.length > 0) throw validationError([{ field: 'userids', label: '测评对象', message: zh`${gone.length} 位所选员工已离职，不能参加测评` }]);
    for (const u of userids) subjects.add(u);
  }
  const ofDepartments = await activePeopleOfDepartments(
    ds,
    actor.corpId,
    depts.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) })),
    deptIds,
  );
  for (const r of ofDepartments) subjects.add(r.userid);
  if (subjects.size === 0) throw validationError([{ field: 'deptIds', label: '测评对象', message: '所选部门中没有在职员工' }]);

  // Supervisors rate their reports on the same questionnaire (never themselves; only active supervisors).
  const pairs: { subject: string; supervisor: string }[] = [];
  if (input.supervisorRating) {
    const ids = [...subjects];
    for (let i = 0; i < ids.length; i += 1000) {
      // tenancy: the corp's people.
      const rows = await ds
        .getRepository(User)
        .createQueryBuilder('u')
        .innerJoin(User, 's', 's.corp_id = u.corp_id AND s.userid = u.supervisor_userid AND s.status = :active', { active: 'active' })
        .select('u.userid', 'subject')
        .addSelect('u.supervisor_userid', 'supervisor')
        .where('u.corp_id = :corpId AND u.userid IN (:...ids)', { corpId: actor.corpId, ids: ids.slice(i, i + 1000) })
        .getRawMany<{ subject: string; supervisor: string }>();
      for (const r of rows) if (r.supervisor !== r.subject) pairs.push(r);
    }
  }

  return ds.transaction(async (em) => {
    const cycle = await em.getRepository(AssessmentCycle).save(
      Object.assign(new AssessmentCycle(), {
        corpId: actor.corpId,
        title: input.title.trim(),
        questionnaireId: version.questionnaireId,
        versionId: version.id,
        dueOn: input.dueOn,
        timeLimitMinutes: input.timeLimitMinutes ?? null,
        supervisorRating: input.supervisorRating === true,
        audience: JSON.stringify({ userids, deptIds }),
        createdBy: actor.userid,
        createdAt: now,
        remindedAt: null,
      }),
    );
    const base = {
      corpId: actor.corpId,
      cycleId: cycle.id,
      versionId: version.id,
      answers: null,
      startedAt: null,
      deadlineAt: null,
      savedAt: null,
      submittedAt: null,
      scores: null,
    };
    const rows = [
      ...[...subjects].map((u) => ({ ...base, subjectUserid: u, raterUserid: u, role: 'self' as const })),
      ...pairs.map((p) => ({ ...base, subjectUserid: p.subject, raterUserid: p.supervisor, role: 'supervisor' as const })),
    ];
    for (let i = 0; i < rows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(AssessmentResponse)
        .values(rows.slice(i, i + BATCH))
        .execute();
    const limit = cycle.timeLimitMinutes ? zh`，限时 ${cycle.timeLimitMinutes} 分钟` : '';
    await recordNotification(
      em,
      {
        corpId: actor.corpId,
        recipients: [...subjects],
        kind: 'assessment.invited',
        dedupeKey: `assessment:${cycle.id}:invite:self`,
        urgency: 'now',
        title: zh`请完成测评“${cycle.title}”`,
        body: zh`“${questionnaire.name}”请在 ${cycle.dueOn} 前完成${limit}。进度会自动保存，可随时继续。`,
        page: ASSESSMENT_PAGE,
      },
      now,
    );
    const supervisors = [...new Set(pairs.map((p) => p.supervisor))];
    if (supervisors.length > 0)
      await recordNotification(
        em,
        {
          corpId: actor.corpId,
          recipients: supervisors,
          kind: 'assessment.invited',
          dedupeKey: `assessment:${cycle.id}:invite:supervisor`,
          urgency: 'now',
          title: zh`请为下属完成测评“${cycle.title}”`,
          body: zh`请在 ${cycle.dueOn} 前，以直属主管身份为下属填写“${questionnaire.name}”${limit}。`,
          page: ASSESSMENT_PAGE,
        },
        now,
      );
    await recordAudit(em, actor, {
      action: 'assessment.cycle.launch',
      targetKind: 'assessment_cycle',
      targetId: cycle.id,
      detail: { versionId: version.id, dueOn: cycle.dueOn, people: subjects.size, supervisorSheets: pairs.length, deptIds, userids: userids.length },
    });
    return { cycle, sheets: rows.length };
  });
}
