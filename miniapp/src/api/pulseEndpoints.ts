/** Typed calls to the pulse survey API: HR's surveys and results, everyone's own rounds and answers. */
import type { MyPulseRound, PulseResultsView, PulseSurveyInput, PulseSurveyView } from '@liucai/shared';
import { apiGet, apiPost } from './client';

export const getPulseSurveys = (): Promise<PulseSurveyView[]> => apiGet('/api/v1/pulse-surveys');
export const createPulseSurvey = (input: PulseSurveyInput): Promise<PulseSurveyView> => apiPost('/api/v1/pulse-surveys', input);
export const stopPulseSurvey = (id: number): Promise<PulseSurveyView> => apiPost(`/api/v1/pulse-surveys/${id}/stop`, {});
export const getPulseResults = (roundId: number): Promise<PulseResultsView> => apiGet(`/api/v1/pulse-rounds/${roundId}/results`);
export const getMyPulse = (): Promise<MyPulseRound[]> => apiGet('/api/v1/pulse/mine');
export const answerPulse = (roundId: number, answers: Record<string, number | string>): Promise<{ answered: true }> =>
  apiPost(`/api/v1/pulse/rounds/${roundId}/answers`, { answers });
