import { appRoutes as boardRoutes } from '@bull-board/api/dist/routes.js';
import { appRouters } from './app';
import { BullJobQueue } from './jobs/bullJobQueue';
import { QUEUE_BOARD_PATH } from './routes/queueBoard';
import type { AppDeps } from './appTypes';

/** One route as the permission matrix names it: `GET /api/v1/users/:userid`. */
export interface RouteKey {
  method: string;
  path: string;
}

/** `METHOD /path`, the matrix's row key. */
export const routeKey = (r: RouteKey): string => `${r.method} ${r.path}`;

/**
 * Every route the app serves, read from the routers themselves (each layer's methods and path), so a route added to
 * any router shows up here. Bull Board is one guarded mount: it appears as `METHOD /admin/queues/*` for each method
 * its own routes use (BullMQ mode only).
 */
export function listRoutes(deps: AppDeps): RouteKey[] {
  const { open, signedIn } = appRouters(deps);
  const keys = new Map<string, RouteKey>();
  const add = (r: RouteKey) => keys.set(routeKey(r), r);
  for (const router of [...open, ...signedIn]) {
    for (const layer of router.stack) {
      // HEAD comes free with GET; a layer without methods is router-level middleware (e.g. a role check).
      for (const method of layer.methods) if (method !== 'HEAD') add({ method, path: String(layer.path) });
    }
  }
  if (deps.jobs instanceof BullJobQueue) {
    const methods = new Set([boardRoutes.entryPoint.method, ...boardRoutes.api.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]))]);
    for (const m of methods) add({ method: m.toUpperCase(), path: `${QUEUE_BOARD_PATH}/*` });
  }
  return [...keys.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
