/** How the permission matrix calls the 转型看板 routes (HR only; the board of HR's own departments, stored or not). */
import type { Fixture } from './permissionFixtures';

export const OUTCOMES_FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/outcomes': { call: () => ({ path: '/api/v1/outcomes?by=dept' }) },
  'GET /api/v1/outcomes/people': { call: () => ({ path: '/api/v1/outcomes/people?metric=turnover&month=2026-11' }) },
  'GET /api/v1/outcomes/export': { call: () => ({ path: '/api/v1/outcomes/export' }) },
  'GET /api/v1/outcomes/atmosphere': { call: () => ({ path: '/api/v1/outcomes/atmosphere?page=2' }) },
};
