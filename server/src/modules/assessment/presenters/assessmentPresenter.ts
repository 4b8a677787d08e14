/** Cycles, answer sheets and results as the API shows them (explicit fields; no right answers on a sheet). */
import type {
  AnswerSheet,
  AssessmentTask,
  CycleDepartmentProgress,
  CycleDetail,
  CycleSheetLine,
  CycleSummary,
  DimensionScore,
  QuestionnaireDefinition,
  QuestionnaireVersionView,
  QuestionnaireView,
  TaskState,
  UserRef,
  Paged,
} from '@liucai/shared';
import { compareZh } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import type { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion } from '../../../entities';
import { departmentPath, type DeptCompletion } from '../queries/cycleSheets';
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

/**
 * The cycle with its completion: counts from the grouped query (by the subject's main department, named with its
 * path, least complete first) and the page of sheets asked for.
 */
/**
 * The departments named and in the page's order (least complete first), per completion list: the kept list is one
 * object while no sheet, person or department changed, so HR's repeated opens name and sort its 500 departments once.
 */
const namedInOrder = new WeakMap<DeptCompletion[], { depts: DepartmentIndex; rows: CycleDepartmentProgress[] }>();

function departmentsInOrder(departments: DeptCompletion[], depts: DepartmentIndex): CycleDepartmentProgress[] {
  const found = namedInOrder.get(departments);
  if (found?.depts === depts) return found.rows;
  const rows = departments
    .map((d) => ({ ...d, name: departmentPath(depts, d.deptId) }))
    .sort((a, b) => a.submitted / a.total - b.submitted / b.total || compareZh(a.name, b.name));
  namedInOrder.set(departments, { depts, rows });
  return rows;
}

export function presentCycleDetail(summary: CycleSummary, departments: DeptCompletion[], depts: DepartmentIndex, sheets: Paged<CycleSheetLine>): CycleDetail {
  const inProgress = departments.reduce((n, d) => n + d.inProgress, 0);
  return {
    ...summary,
    inProgress,
    notStarted: summary.total - summary.submitted - inProgress,
    departments: departmentsInOrder(departments, depts),
    sheets,
  };
}

function stateOf(sheet: AssessmentResponse, cycle: Pick<AssessmentCycle, 'dueOn'>, now: Date): TaskState {
  if (sheet.submittedAt) return 'submitted';
  if (isClosed(cycle, now)) return 'closed';
  if (isTimedOut(sheet, now)) return 'timedOut';
  return sheet.startedAt ? 'inProgress' : 'new';
}

export function presentTask(
  sheet: AssessmentResponse,
  cycle: Pick<AssessmentCycle, 'id' | 'title' | 'dueOn' | 'timeLimitMinutes'>,
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
