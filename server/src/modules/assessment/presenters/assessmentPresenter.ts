/** Cycles, answer sheets and results as the API shows them (explicit fields; no right answers on a sheet). */
import type {
  AnswerSheet,
  AssessmentTask,
  CycleDetail,
  CycleSummary,
  DimensionScore,
  QuestionnaireDefinition,
  QuestionnaireVersionView,
  QuestionnaireView,
  TaskState,
  UserRef,
} from '@liucai/shared';
import type { DataSource } from 'typeorm';
import type { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion } from '../../../entities';
import { currentVersionId, namesFor, presentVersionInfo } from '../../pay/presenters/ruleVersionPresenter';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { isClosed, isTimedOut, type OwnSheet } from '../commands/answerSheetWriter';
import type { CycleCounts } from '../policies/cycleAccess';

export function presentQuestionnaireVersion(v: QuestionnaireVersion, users: Map<string, UserRef>): QuestionnaireVersionView {
  return { ...presentVersionInfo(v, users), questionnaireId: v.questionnaireId, definition: JSON.parse(v.definition) as QuestionnaireDefinition };
}

export async function presentQuestionnaires(
  ds: DataSource,
  corpId: string,
  rules: Questionnaire[],
  versions: QuestionnaireVersion[],
  today: string,
): Promise<QuestionnaireView[]> {
  const users = await namesFor(ds, corpId, rules, versions);
  return rules.map((q) => {
    const own = versions.filter((v) => v.questionnaireId === q.id).sort((a, b) => b.version - a.version);
    return {
      id: q.id,
      code: q.code,
      name: q.name,
      description: q.description,
      createdAt: q.createdAt.toISOString(),
      currentVersionId: currentVersionId(own, today),
      versions: own.map((v) => presentQuestionnaireVersion(v, users)),
    };
  });
}

const unknownUser = (userid: string): UserRef => ({ userid, name: userid, title: null });

export function presentCycleSummary(
  { cycle, total, submitted }: CycleCounts,
  names: { questionnaires: Map<number, string>; versions: Map<number, number>; users: Map<string, UserRef> },
  now: Date,
): CycleSummary {
  return {
    id: cycle.id,
    title: cycle.title,
    questionnaire: {
      id: cycle.questionnaireId,
      name: names.questionnaires.get(cycle.questionnaireId) ?? '',
      versionId: cycle.versionId,
      version: names.versions.get(cycle.versionId) ?? 0,
    },
    dueOn: cycle.dueOn,
    timeLimitMinutes: cycle.timeLimitMinutes,
    supervisorRating: cycle.supervisorRating,
    createdAt: cycle.createdAt.toISOString(),
    createdBy: names.users.get(cycle.createdBy) ?? null,
    remindedAt: cycle.remindedAt ? cycle.remindedAt.toISOString() : null,
    closed: isClosed(cycle, now),
    total,
    submitted,
  };
}

/** Completion by the subject's main department (named with its path), and the sheets still open. */
export function presentCycleDetail(
  summary: CycleSummary,
  sheets: AssessmentResponse[],
  people: Map<string, { ref: UserRef; mainDeptId: number | null }>,
  depts: DepartmentIndex,
  scores: Map<number, DimensionScore[]>,
): CycleDetail {
  const byDept = new Map<number | null, { total: number; submitted: number }>();
  for (const s of sheets) {
    const d = people.get(s.subjectUserid)?.mainDeptId ?? null;
    const acc = byDept.get(d) ?? { total: 0, submitted: 0 };
    acc.total++;
    if (s.submittedAt) acc.submitted++;
    byDept.set(d, acc);
  }
  const deptName = (id: number | null) => (id === null ? '未分配部门' : depts.path(id));
  const departments = [...byDept]
    .map(([deptId, p]) => ({ deptId, name: deptName(deptId), ...p }))
    .sort((a, b) => a.submitted / a.total - b.submitted / b.total || a.name.localeCompare(b.name, 'zh'));
  const ref = (u: string) => people.get(u)?.ref ?? unknownUser(u);
  const late = sheets
    .filter((s) => !s.submittedAt)
    .map((s) => ({
      responseId: s.id,
      subject: ref(s.subjectUserid),
      rater: ref(s.raterUserid),
      role: s.role,
      department: deptName(people.get(s.subjectUserid)?.mainDeptId ?? null),
      started: s.startedAt !== null,
    }));
  const bySubject = new Map<string, CycleDetail['results'][number]>();
  for (const s of sheets) {
    const got = scores.get(s.id);
    if (!s.submittedAt || !got) continue;
    const r = bySubject.get(s.subjectUserid) ?? {
      subject: ref(s.subjectUserid),
      department: deptName(people.get(s.subjectUserid)?.mainDeptId ?? null),
      self: null,
      supervisor: null,
    };
    r[s.role] = got;
    bySubject.set(s.subjectUserid, r);
  }
  const results = [...bySubject.values()].sort((a, b) => a.department.localeCompare(b.department, 'zh') || a.subject.name.localeCompare(b.subject.name, 'zh'));
  return { ...summary, departments, late, results };
}

function stateOf(sheet: AssessmentResponse, cycle: AssessmentCycle, now: Date): TaskState {
  if (sheet.submittedAt) return 'submitted';
  if (isClosed(cycle, now)) return 'closed';
  if (isTimedOut(sheet, now)) return 'timedOut';
  return sheet.startedAt ? 'inProgress' : 'new';
}

export function presentTask(
  sheet: AssessmentResponse,
  cycle: AssessmentCycle,
  questionnaire: { name: string; definition: QuestionnaireDefinition },
  subject: UserRef,
  now: Date,
): AssessmentTask {
  const answers = sheet.answers ? (JSON.parse(sheet.answers) as Record<string, unknown>) : {};
  return {
    responseId: sheet.id,
    cycleId: cycle.id,
    title: cycle.title,
    questionnaireName: questionnaire.name,
    role: sheet.role,
    subject,
    dueOn: cycle.dueOn,
    timeLimitMinutes: cycle.timeLimitMinutes,
    deadlineAt: sheet.deadlineAt ? sheet.deadlineAt.toISOString() : null,
    submittedAt: sheet.submittedAt ? sheet.submittedAt.toISOString() : null,
    answered: questionnaire.definition.items.filter((i) => answers[i.id] !== undefined).length,
    items: questionnaire.definition.items.length,
    state: stateOf(sheet, cycle, now),
  };
}

/** The sheet as the rater sees it: items without right answers or option scores. */
export function presentSheet(s: OwnSheet, subject: UserRef, now: Date): AnswerSheet {
  return {
    task: presentTask(s.sheet, s.cycle, { name: s.questionnaire.name, definition: s.definition }, subject, now),
    intro: s.definition.intro ?? null,
    items: s.definition.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      text: i.text,
      ...(i.options ? { options: i.options.map((o) => ({ id: o.id, text: o.text })) } : {}),
      required: i.kind !== 'text' || i.required === true,
    })),
    answers: s.sheet.answers ? (JSON.parse(s.sheet.answers) as AnswerSheet['answers']) : {},
    serverNow: now.toISOString(),
  };
}

export const parseScores = (r: AssessmentResponse): DimensionScore[] => (r.scores ? (JSON.parse(r.scores) as DimensionScore[]) : []);
