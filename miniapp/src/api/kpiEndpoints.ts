/** Typed calls to the KPI results API the micro-app uses. */
import type { KpiPeopleList, KpiPeoplePage, KpiPersonView, KpiPromotionView } from '@liucai/shared';
import { apiGet, apiPost } from './client';

const q = (period?: string) => (period ? `?period=${encodeURIComponent(period)}` : '');

export const getMyKpi = (period?: string): Promise<KpiPersonView> => apiGet(`/api/v1/kpi/mine${q(period)}`);
export const getTeamKpi = (period?: string): Promise<KpiPeopleList> => apiGet(`/api/v1/kpi/team${q(period)}`);
export const getPersonKpi = (userid: string, period?: string): Promise<KpiPersonView> => apiGet(`/api/v1/kpi/people/${encodeURIComponent(userid)}${q(period)}`);
/** One page of HR's departments' scores for the month (by name), with 共 N 人 and 达标 M 人 over all pages. */
export const getDepartmentKpi = (period: string, page: number, pageSize: number): Promise<KpiPeoplePage> =>
  apiGet(`/api/v1/kpi/people?period=${encodeURIComponent(period)}&page=${page}&pageSize=${pageSize}`);
export const getPromotions = (): Promise<KpiPromotionView[]> => apiGet('/api/v1/kpi/promotions');
export const rateKpi = (body: { userid: string; period: string; indicatorId: string; rating: number; comment: string | null }): Promise<unknown> =>
  apiPost('/api/v1/kpi/ratings', body);
export const decidePromotion = (id: number, body: { decision: 'promote' | 'notYet'; note: string | null }): Promise<KpiPromotionView> =>
  apiPost(`/api/v1/kpi/promotions/${id}/decision`, body);
