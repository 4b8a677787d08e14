/** Reads for the assessment pages: the caller's sheets, a person's results, and the names a cycle page shows. */
import { In, IsNull, Not, type DataSource } from 'typeorm';
import type { AssessmentResult, AssessmentTask, QuestionnaireDefinition, UserRef } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion, User } from '../../../entities';
import { userRefs } from '../../pay/presenters/userRefs';
import { parseScores, presentTask } from '../presenters/assessmentPresenter';

/** Questionnaire names and version numbers/definitions by id (two queries). */
export async function questionnaireNames(ds: DataSource, corpId: string, versionIds: readonly number[]) {
  const ids = [...new Set(versionIds)];
  // tenancy: the corp's versions and questionnaires.
  const versions = ids.length ? await ds.getRepository(QuestionnaireVersion).find({ where: { corpId, id: In(ids) } }) : [];
  const qids = [...new Set(versions.map((v) => v.questionnaireId))];
  const qs = qids.length ? await ds.getRepository(Questionnaire).find({ where: { corpId, id: In(qids) }, select: { id: true, name: true } }) : [];
  return {
    questionnaires: new Map(qs.map((q) => [q.id, q.name])),
    versions: new Map(versions.map((v) => [v.id, v.version])),
    definitions: new Map(versions.map((v) => [v.id, JSON.parse(v.definition) as QuestionnaireDefinition])),
    questionnaireOf: new Map(versions.map((v) => [v.id, v.questionnaireId])),
  };
}

/** Name cards and main departments of people (one query per 1,000). */
export async function peopleCards(
  ds: DataSource,
  corpId: string,
  userids: readonly string[],
): Promise<Map<string, { ref: UserRef; mainDeptId: number | null }>> {
  const ids = [...new Set(userids)];
  const out = new Map<string, { ref: UserRef; mainDeptId: number | null }>();
  for (let i = 0; i < ids.length; i += 1000) {
    // tenancy: the corp's people.
    const rows = await ds
      .getRepository(User)
      .find({ where: { corpId, userid: In(ids.slice(i, i + 1000)) }, select: { userid: true, name: true, title: true, mainDeptId: true } });
    for (const u of rows)
      out.set(u.userid, { ref: { userid: u.userid, name: u.name, title: u.title }, mainDeptId: u.mainDeptId === null ? null : Number(u.mainDeptId) });
  }
  return out;
}

/** The caller's sheets (as employee and as supervisor), newest cycle first. */
export async function myTasks(ds: DataSource, actor: Actor, now: Date): Promise<AssessmentTask[]> {
  // tenancy: the corp's sheets the actor rates.
  const sheets = await ds
    .getRepository(AssessmentResponse)
    .find({ where: { corpId: actor.corpId, raterUserid: actor.userid }, order: { id: 'DESC' }, take: 200 });
  if (sheets.length === 0) return [];
  // tenancy: the corp's cycles.
  const cycles = new Map(
    (await ds.getRepository(AssessmentCycle).find({ where: { corpId: actor.corpId, id: In([...new Set(sheets.map((s) => s.cycleId))]) } })).map((c) => [
      c.id,
      c,
    ]),
  );
  const names = await questionnaireNames(
    ds,
    actor.corpId,
    sheets.map((s) => s.versionId),
  );
  const users = await userRefs(
    ds,
    actor.corpId,
    sheets.map((s) => s.subjectUserid),
  );
  return sheets.flatMap((s) => {
    const cycle = cycles.get(s.cycleId);
    const definition = names.definitions.get(s.versionId);
    if (!cycle || !definition) return [];
    const name = names.questionnaires.get(names.questionnaireOf.get(s.versionId) ?? 0) ?? '';
    return [presentTask(s, cycle, { name, definition }, users.get(s.subjectUserid) ?? { userid: s.subjectUserid, name: s.subjectUserid, title: null }, now)];
  });
}

/** A person's submitted results, newest first (self and supervisor ratings returned apart by the route). */
export async function resultsOf(ds: DataSource, corpId: string, userid: string): Promise<AssessmentResult[]> {
  // tenancy: the corp's submitted sheets about the person.
  const sheets = await ds
    .getRepository(AssessmentResponse)
    .find({ where: { corpId, subjectUserid: userid, submittedAt: Not(IsNull()) }, order: { submittedAt: 'DESC', id: 'DESC' }, take: 100 });
  if (sheets.length === 0) return [];
  // tenancy: the corp's cycles.
  const cycles = new Map(
    (
      await ds.getRepository(AssessmentCycle).find({ where: { corpId, id: In([...new Set(sheets.map((s) => s.cycleId))]) }, select: { id: true, title: true } })
    ).map((c) => [c.id, c]),
  );
  const names = await questionnaireNames(
    ds,
    corpId,
    sheets.map((s) => s.versionId),
  );
  const raters = await userRefs(
    ds,
    corpId,
    sheets.map((s) => s.raterUserid),
  );
  return sheets.map((s) => {
    const qid = names.questionnaireOf.get(s.versionId) ?? 0;
    return {
      responseId: s.id,
      cycleId: s.cycleId,
      title: cycles.get(s.cycleId)?.title ?? '',
      questionnaire: { id: qid, name: names.questionnaires.get(qid) ?? '', versionId: s.versionId, version: names.versions.get(s.versionId) ?? 0 },
      role: s.role,
      rater: raters.get(s.raterUserid) ?? { userid: s.raterUserid, name: s.raterUserid, title: null },
      submittedAt: s.submittedAt!.toISOString(),
      dimensions: parseScores(s),
    };
  });
}
