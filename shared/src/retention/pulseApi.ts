/** Pulse survey and team atmosphere API shapes (server ↔ micro-app). */
import type { AtmosphereLevel } from './atmosphere';
import type { PulseCadence, PulseGroupResult, PulseQuestion } from './pulse';

export interface PulseSurveyInput {
  title: string;
  deptId: number;
  cadence: PulseCadence;
  /** Last day of the first round (Asia/Shanghai, not before today). */
  dueOn: string;
  /** Default: the built-in template. */
  questions?: PulseQuestion[];
}

export interface PulseRoundSummary {
  id: number;
  opensOn: string;
  dueOn: string;
  closed: boolean;
  invited: number;
  answered: number;
}

export interface PulseSurveyView {
  id: number;
  title: string;
  deptId: number;
  deptName: string;
  cadence: PulseCadence;
  questions: PulseQuestion[];
  createdAt: string;
  /** False once HR stopped it: no more rounds open (a round already open runs to its due date). */
  active: boolean;
  rounds: PulseRoundSummary[];
}

export interface PulseGroupView {
  deptId: number;
  deptName: string;
  /** 0 for the survey's department, 1 for a department right below it… */
  depth: number;
  shown: boolean;
  /** Why not shown (样本不足 5 人，不显示), null when shown. */
  note: string | null;
  result: PulseGroupResult | null;
}

export interface PulseResultsView {
  surveyId: number;
  title: string;
  round: PulseRoundSummary;
  /** Results appear only after the round closes (so two looks cannot be subtracted); a note says so. */
  note: string | null;
  groups: PulseGroupView[];
}

export interface MyPulseRound {
  roundId: number;
  title: string;
  opensOn: string;
  dueOn: string;
  questions: PulseQuestion[];
  answered: boolean;
  closed: boolean;
}

export interface AtmosphereView {
  deptId: number;
  deptName: string;
  month: string;
  level: AtmosphereLevel | null;
  respondents: number;
  enps: number | null;
  reasons: string[];
  actions: string[];
}
