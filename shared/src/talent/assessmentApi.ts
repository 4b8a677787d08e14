/** What the assessment (测评) API answers: questionnaires, cycles with their completion, answer sheets, results. */
import type { RuleVersionInfo } from '../pay/payApi';
import type { UserRef } from '../api';
import type { AnswerValue, DimensionScore, QuestionKind, QuestionnaireDefinition } from './questionnaire';

export interface QuestionnaireVersionView extends RuleVersionInfo {
  questionnaireId: number;
  definition: QuestionnaireDefinition;
}

export interface QuestionnaireView {
  id: number;
  code: string;
  name: string;
  description: string | null;
  createdAt: string;
  currentVersionId: number | null;
  /** Newest first. */
  versions: QuestionnaireVersionView[];
}

/** POST /api/v1/assessment-cycles. */
export interface CycleLaunchInput {
  versionId: number;
  title: string;
  userids?: string[];
  deptIds?: number[];
  /** Last day answers are taken (yyyy-mm-dd, inclusive). */
  dueOn: string;
  timeLimitMinutes?: number | null;
  supervisorRating?: boolean;
}

export interface CycleProgress {
  /** Answer sheets (self and supervisor) in the caller's scope, and how many were submitted. */
  total: number;
  submitted: number;
}

export interface CycleSummary extends CycleProgress {
  id: number;
  title: string;
  questionnaire: { id: number; name: string; versionId: number; version: number };
  dueOn: string;
  timeLimitMinutes: number | null;
  supervisorRating: boolean;
  createdAt: string;
  createdBy: UserRef | null;
  remindedAt: string | null;
  /** The due day has passed (Asia/Shanghai). */
  closed: boolean;
}

export interface CycleDepartmentProgress extends CycleProgress {
  deptId: number | null;
  name: string;
}

export interface CycleLatePerson {
  responseId: number;
  subject: UserRef;
  rater: UserRef;
  role: 'self' | 'supervisor';
  department: string;
  /** Opened (answers saved) but not submitted. */
  started: boolean;
}

/** One person's submitted ratings in a cycle: their own and their supervisor's, apart (null: not submitted). */
export interface CyclePersonResult {
  subject: UserRef;
  department: string;
  self: DimensionScore[] | null;
  supervisor: DimensionScore[] | null;
}

export interface CycleDetail extends CycleSummary {
  departments: CycleDepartmentProgress[];
  /** Sheets in scope not yet submitted. */
  late: CycleLatePerson[];
  /** People in scope with at least one submitted sheet. */
  results: CyclePersonResult[];
}

export type TaskState = 'new' | 'inProgress' | 'submitted' | 'closed' | 'timedOut';

/** One answer sheet the caller is to fill in (about themself, or as supervisor about a report). */
export interface AssessmentTask {
  responseId: number;
  cycleId: number;
  title: string;
  questionnaireName: string;
  role: 'self' | 'supervisor';
  subject: UserRef;
  dueOn: string;
  timeLimitMinutes: number | null;
  deadlineAt: string | null;
  submittedAt: string | null;
  answered: number;
  items: number;
  state: TaskState;
}

/** An item as the person answering sees it: no right answers, no option scores. */
export interface SheetItem {
  id: string;
  kind: QuestionKind;
  text: string;
  options?: { id: string; text: string }[];
  required: boolean;
}

export interface AnswerSheet {
  task: AssessmentTask;
  intro: string | null;
  items: SheetItem[];
  answers: Record<string, AnswerValue>;
  /** The server's clock, so a countdown does not trust the phone's. */
  serverNow: string;
}

export interface AssessmentResult {
  responseId: number;
  cycleId: number;
  title: string;
  questionnaire: { id: number; name: string; versionId: number; version: number };
  role: 'self' | 'supervisor';
  rater: UserRef;
  submittedAt: string;
  dimensions: DimensionScore[];
}

/** GET /api/v1/assessments/people/:userid: self and supervisor ratings kept apart, newest first. */
export interface PersonAssessments {
  userid: string;
  name: string;
  self: AssessmentResult[];
  supervisor: AssessmentResult[];
}
