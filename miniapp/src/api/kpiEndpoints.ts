/** Typed calls to the KPI results API the micro-app uses. */
import type { KpiPeopleList, KpiPersonView, KpiPromotionView } from '@liucai/shared';
import { apiGet, apiPost } from './client';

const q = (period?: string) => (period ? `?period=${encodeURIComponent(period)}` : '');

export const getMyKpi = (period?: string): Promise<KpiPersonView> => apiGet(`/api/v1/kpi/mine${q(period)}`);
export const getTeamKpi = (period?: string): Promise<KpiPeopleList> => apiGet(`/api/v1/kpi/team${q(period)}`);
export const getPersonKpi = (userid: string, period?: string): Promise<KpiPersonView> => apiGet(`/api/v1/kpi/people/${encodeURIComponent(userid)}${q(period)}`);
export const getDepartmentKpi = (period?: string): Promise<KpiPeopleList> => apiGet(`/api/v1/kpi/people${q(period)}`);
export const getPromotions = (): Promise<KpiPromotionView[]> => apiGet('/api/v1/kpi/promotions');
export const rateKpi = (body: { userid: string; period: string; indicatorId: string; rating: number; comment: string | null }): Promise<unknown> =>
  apiPost('/api/v1/kpi/ratings', body);
export const decidePromotion = (id: number, body: { decision: 'promote' | 'notYet'; note: string | null }): Promise<KpiPromotionView> =>
  apiPost(`/api/v1/kpi/promotions/${id}/decision`, body);
