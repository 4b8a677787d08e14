/** What the assessment (测评) API answers: questionnaires, cycles with their completion, answer sheets, results. */
import type { RuleVersionInfo } from '../pay/payApi';
import type { UserRef } from '../api';
import type { Paged } from '../people';
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
  /** Opened (answers saved) but not submitted. */
  inProgress: number;
}

/** Where a sheet stands for HR: submitted, opened but not submitted, or never opened. */
export type CycleSheetStatus = 'submitted' | 'inProgress' | 'notStarted';
export const CYCLE_SHEET_STATUSES = ['submitted', 'inProgress', 'notStarted'] as const;

/** One answer sheet of a cycle as HR lists it (a page of them at a time). */
export interface CycleSheetLine {
  responseId: number;
  subject: UserRef;
  rater: UserRef;
  role: 'self' | 'supervisor';
  /** The subject's main department (its path), 未分配部门 without one. */
  deptId: number | null;
  department: string;
  status: CycleSheetStatus;
  submittedAt: string | null;
  /** The dimension scores of a submitted sheet (null: not submitted). */
  scores: DimensionScore[] | null;
}

/** GET /api/v1/assessment-cycles/:id's filters: a sheet status, the subject's main department (0: none), a name. */
export interface CycleSheetFilters {
  status?: CycleSheetStatus;
  deptId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

/**
 * GET /api/v1/assessment-cycles/:id: the cycle with its completion (sheets in the caller's scope, counted in SQL),
 * completion by the subject's main department, and one page of the sheets matching the filters (by subject name,
 * a person's own sheet before their supervisor's).
 */
export interface CycleDetail extends CycleSummary {
  inProgress: number;
  notStarted: number;
  departments: CycleDepartmentProgress[];
  sheets: Paged<CycleSheetLine>;
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
