/** Reads for the assessment pages: the caller's sheets, a person's results, and the names a cycle page shows. */
import { In, type DataSource } from 'typeorm';
import type { AssessmentResult, AssessmentTask, QuestionnaireDefinition, UserRef } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion, User } from '../../../entities';
import { parseScores, presentTask } from '../presenters/assessmentPresenter';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';

/** The names a cycle summary shows (see `cycleNames`). */
export interface CycleNames {
  questionnaires: Map<number, string>;
  versions: Map<number, number>;
  users: Map<string, UserRef>;
}

/**
 * What cycle summaries name: each questionnaire version's number and its questionnaire's name, and the people who
 * launched them (name cards), in one statement (the versions joined to their questionnaires, then the people); kept
 * while no questionnaire, cycle or person changed (测评管理's list and a cycle's page ask on every visit).
 */
export async function cycleNames(ds: DataSource, corp: KeptCorp, cycles: readonly { versionId: number; createdBy: string }[]): Promise<CycleNames> {
  const versionIds = [...new Set(cycles.map((c) => c.versionId))].sort((a, b) => a - b);
  const userids = [...new Set(cycles.map((c) => c.createdBy))].sort();
  return keptRead(ds, corp, ['assessment', 'people'], ['cycleNames', versionIds, userids], () => readCycleNames(ds, keptCorpId(corp), versionIds, userids));
}

async function readCycleNames(ds: DataSource, corpId: string, versionIds: number[], userids: string[]): Promise<CycleNames> {
  const out = { questionnaires: new Map<number, string>(), versions: new Map<number, number>(), users: new Map<string, UserRef>() };
  if (versionIds.length === 0) return out;
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  // tenancy: the corp's versions, their questionnaires (same corp) and the corp's people.
  const rows = (await ds.query(
    `SELECT 'version' AS part, v.id AS id, v.version AS num, q.id AS qid, q.name AS name, NULL AS userid, NULL AS title
       FROM questionnaire_versions v JOIN questionnaires q ON q.corp_id = v.corp_id AND q.id = v.questionnaire_id
      WHERE v.corp_id = ? AND v.id IN (${marks(versionIds.length)})
     UNION ALL
     SELECT 'user' AS part, NULL, NULL, NULL, u.name, u.userid, u.title FROM users u WHERE u.corp_id = ? AND u.userid IN (${marks(userids.length)})`,
    [corpId, ...versionIds, corpId, ...userids],
  )) as { part: string; id: unknown; num: unknown; qid: unknown; name: string; userid: string | null; title: string | null }[];
  for (const r of rows) {
    if (r.part === 'user') out.users.set(r.userid!, { userid: r.userid!, name: r.name, title: r.title });
    else {
      out.versions.set(Number(r.id), Number(r.num));
      out.questionnaires.set(Number(r.qid), r.name);
    }
  }
  return out;
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

/** A sheet with what its pages name: its cycle, questionnaire version and the other person on it. */
interface NamedSheet {
  sheet: AssessmentResponse;
  cycle: Pick<AssessmentCycle, 'id' | 'title' | 'dueOn' | 'timeLimitMinutes'> | null;
  questionnaire: { id: number; name: string; version: number; definition: QuestionnaireDefinition } | null;
  /** The subject (the caller's sheets) or the rater (a person's results); null when not in the corp's people. */
  person: UserRef | null;
}

/**
 * Sheets of the corp by one person as rater or as subject, each with its cycle, questionnaire (version and name) and
 * the other person's name card: one query (the sheet, three lookups by key and a person by key).
 */
async function namedSheets(
  ds: DataSource,
  corpId: string,
  by: { raterUserid: string } | { subjectUserid: string; submitted: true },
  limit: number,
): Promise<NamedSheet[]> {
  const other = 'raterUserid' in by ? 'subject_userid' : 'rater_userid';
  // tenancy: the corp's sheets; each lookup by the sheet's own corp.
  const qb = ds
    .getRepository(AssessmentResponse)
    .createQueryBuilder('s')
    .leftJoin(AssessmentCycle, 'c', 'c.corp_id = s.corp_id AND c.id = s.cycle_id')
    .leftJoin(QuestionnaireVersion, 'v', 'v.corp_id = s.corp_id AND v.id = s.version_id')
    .leftJoin(Questionnaire, 'q', 'q.corp_id = v.corp_id AND q.id = v.questionnaire_id')
    .leftJoin(User, 'p', `p.corp_id = s.corp_id AND p.userid = s.${other}`)
    .addSelect(['c.id AS c_id', 'c.title AS c_title', 'c.due_on AS c_due_on', 'c.time_limit_minutes AS c_limit'])
    .addSelect(['v.version AS v_version', 'v.definition AS v_definition', 'v.questionnaire_id AS v_qid', 'q.name AS q_name'])
    .addSelect(['p.name AS p_name', 'p.title AS p_title'])
    .where('s.corp_id = :corpId', { corpId });
  if ('raterUserid' in by) qb.andWhere('s.rater_userid = :userid', { userid: by.raterUserid }).orderBy('s.id', 'DESC');
  else
    qb.andWhere('s.subject_userid = :userid AND s.submitted_at IS NOT NULL', { userid: by.subjectUserid })
      .orderBy('s.submitted_at', 'DESC')
      .addOrderBy('s.id', 'DESC');
  const { entities, raw } = await qb.limit(limit).getRawAndEntities<{
    c_id: number | string | null;
    c_title: string | null;
    c_due_on: string | null;
    c_limit: number | string | null;
    v_version: number | string | null;
    v_definition: string | null;
    v_qid: number | string | null;
    q_name: string | null;
    p_name: string | null;
    p_title: string | null;
  }>();
  // One raw row per sheet (every join is by key, so LIMIT counts sheets): the rows line up with the entities.
  return entities.map((sheet, i) => {
    const r = raw[i]!;
    const otherId = 'raterUserid' in by ? sheet.subjectUserid : sheet.raterUserid;
    return {
      sheet,
      cycle:
        r.c_id === null
          ? null
          : { id: Number(r.c_id), title: r.c_title ?? '', dueOn: r.c_due_on ?? '', timeLimitMinutes: r.c_limit === null ? null : Number(r.c_limit) },
      questionnaire:
        r.v_definition === null
          ? null
          : {
              id: Number(r.v_qid),
              name: r.q_name ?? '',
              version: Number(r.v_version),
              definition: JSON.parse(r.v_definition) as QuestionnaireDefinition,
            },
      person: r.p_name === null ? null : { userid: otherId, name: r.p_name, title: r.p_title },
    };
  });
}

/** The caller's sheets (as employee and as supervisor), newest cycle first: one query. */
export async function myTasks(ds: DataSource, actor: Actor, now: Date): Promise<AssessmentTask[]> {
  const sheets = await namedSheets(ds, actor.corpId, { raterUserid: actor.userid }, 200);
  return sheets.flatMap(({ sheet: s, cycle, questionnaire, person }) => {
    if (!cycle || !questionnaire) return [];
    const subject = person ?? { userid: s.subjectUserid, name: s.subjectUserid, title: null };
    return [presentTask(s, cycle, { name: questionnaire.name, definition: questionnaire.definition }, subject, now)];
  });
}

/** A person's submitted results, newest first (self and supervisor ratings returned apart by the route): one query. */
export async function resultsOf(ds: DataSource, corpId: string, userid: string): Promise<AssessmentResult[]> {
  const sheets = await namedSheets(ds, corpId, { subjectUserid: userid, submitted: true }, 100);
  return sheets.map(({ sheet: s, cycle, questionnaire, person }) => ({
    responseId: s.id,
    cycleId: s.cycleId,
    title: cycle?.title ?? '',
    questionnaire: { id: questionnaire?.id ?? 0, name: questionnaire?.name ?? '', versionId: s.versionId, version: questionnaire?.version ?? 0 },
    role: s.role,
    rater: person ?? { userid: s.raterUserid, name: s.raterUserid, title: null },
    submittedAt: s.submittedAt!.toISOString(),
    dimensions: parseScores(s),
  }));
}
