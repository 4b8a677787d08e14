/** Typed calls to the 转型看板 API (`/api/v1/outcomes`): HR only, within its departments. */
import type { AtmosphereView, OutcomeGrouping, OutcomeMetric, OutcomePeopleView, OutcomesDashboard, Paged } from '@liucai/shared';
import { apiGet } from './client';

const V1 = '/api/v1/outcomes';

export const getOutcomes = (by: OutcomeGrouping): Promise<OutcomesDashboard> => apiGet(`${V1}?by=${by}`);

/** The people behind one number (`key`: a tier or band for those metrics). */
export const getOutcomePeople = (metric: OutcomeMetric, month: string, group: string, key?: string): Promise<OutcomePeopleView> => {
  const q = new URLSearchParams({ metric, month, group });
  if (key) q.set('key', key);
  return apiGet(`${V1}/people?${q.toString()}`);
};

/** 团队氛围's further pages (the dashboard answers the first). */
export const getAtmospherePage = (page: number, pageSize: number): Promise<Paged<AtmosphereView>> =>
  apiGet(`${V1}/atmosphere?page=${page}&pageSize=${pageSize}`);

export const outcomesExportUrl = (by: OutcomeGrouping): string => `${V1}/export?by=${by}`;
