import type { Middleware } from 'koa';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import { assertAdmin } from '../modules/access/policies/admin';
import { BullJobQueue } from '../jobs/bullJobQueue';
import type { AppDeps, AppState } from '../appTypes';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues for admins only (BullMQ mode only; the session check and the CSRF guard run before it,
 * so its own body parser never sees a form or text body). HR has no use for queue controls: pausing a queue or
 * removing the nightly scheduler would stop every sync.
 */
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
    assertAdmin(ctx.state.actor!, '只有管理员可以查看任务队列');
    return plugin(ctx, next);
  };
}
