import type { Middleware } from 'koa';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import { assertHrOrAdmin } from '../modules/access/policies/admin';
import { BullJobQueue } from '../jobs/bullJobQueue';
import type { AppDeps, AppState } from '../appTypes';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board at /admin/queues for HR and admins (BullMQ mode only; the session check runs before it). */
export function queueBoard(deps: AppDeps): Middleware<AppState> | null {
  if (!(deps.jobs instanceof BullJobQueue)) return null;
  const adapter = new KoaAdapter();
  createBullBoard({
    queues: [new BullMQAdapter(deps.jobs.queue, { readOnlyMode: false }), new BullMQAdapter(deps.jobs.notifyQueue, { readOnlyMode: false })],
    serverAdapter: adapter,
  });
  adapter.setBasePath(QUEUE_BOARD_PATH);
  const plugin = adapter.registerPlugin() as unknown as Middleware<AppState>;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(QUEUE_BOARD_PATH)) return next();
    assertHrOrAdmin(ctx.state.actor!);
    return plugin(ctx, next);
  };
}
