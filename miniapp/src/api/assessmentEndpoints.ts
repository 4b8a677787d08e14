/** Typed calls to the assessment (测评) API the micro-app uses. */
import type {
  AnswerSheet,
  AnswerValue,
  AssessmentTask,
  CycleDetail,
  CycleLaunchInput,
  CycleSheetFilters,
  CycleSummary,
  PersonAssessments,
  QuestionnaireVersionView,
  QuestionnaireView,
} from '@liucai/shared';
import { apiGet, apiPost, apiPut } from './client';

const V1 = '/api/v1';

export const getMyAssessments = (): Promise<AssessmentTask[]> => apiGet(`${V1}/assessments/mine`);
export const openSheet = (id: number): Promise<AnswerSheet> => apiPost(`${V1}/assessments/sheets/${id}/open`, {});
export const saveSheet = (id: number, answers: Record<string, AnswerValue>): Promise<AnswerSheet> =>
  apiPut(`${V1}/assessments/sheets/${id}/answers`, { answers });
export const submitSheet = (id: number, answers: Record<string, AnswerValue>): Promise<AnswerSheet> =>
  apiPost(`${V1}/assessments/sheets/${id}/submit`, { answers });
export const getPersonAssessments = (userid: string): Promise<PersonAssessments> => apiGet(`${V1}/assessments/people/${encodeURIComponent(userid)}`);

export const getQuestionnaires = (): Promise<QuestionnaireView[]> => apiGet(`${V1}/questionnaires`);
export const getCycles = (): Promise<CycleSummary[]> => apiGet(`${V1}/assessment-cycles`);
/** The cycle with its completion and one page of its sheets (filters go to the server). */
export const getCycle = (id: number, filters: CycleSheetFilters = {}): Promise<CycleDetail> => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const query = qs.toString();
  return apiGet(`${V1}/assessment-cycles/${id}${query ? `?${query}` : ''}`);
};
export const launchCycle = (input: CycleLaunchInput): Promise<CycleSummary> => apiPost(`${V1}/assessment-cycles`, input);
export const remindCycle = (id: number): Promise<{ reminded: number; late: number }> => apiPost(`${V1}/assessment-cycles/${id}/remind`, {});

export const createQuestionnaire = (code: string, name: string): Promise<QuestionnaireView> => apiPost(`${V1}/questionnaires`, { code, name });
export const createQuestionnaireVersion = (
  id: number,
  body: { effectiveFrom: string; definition: unknown; note?: string },
): Promise<QuestionnaireVersionView> => apiPost(`${V1}/questionnaires/${id}/versions`, body);
export const updateQuestionnaireVersion = (
  id: number,
  body: { effectiveFrom: string; effectiveTo: string | null; definition: unknown },
): Promise<QuestionnaireVersionView> => apiPut(`${V1}/questionnaire-versions/${id}`, body);
export const publishQuestionnaireVersion = (id: number): Promise<unknown> => apiPost(`${V1}/questionnaire-versions/${id}/publish`, {});
export const copyQuestionnaireVersion = (id: number, effectiveFrom: string): Promise<QuestionnaireVersionView> =>
  apiPost(`${V1}/questionnaire-versions/${id}/copy`, { effectiveFrom, note: '复制后修改' });
