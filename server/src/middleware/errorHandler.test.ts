import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { errorHandler } from './errorHandler';
import type { AppState } from '../appTypes';

/** A Koa app whose only route throws a plain Error, behind the error handler with the given options. */
async function failing(opts: Parameters<typeof errorHandler>[0]) {
  const app = new Koa<AppState>();
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-1';
    await next();
  });
  app.use(errorHandler(opts));
  app.use(() => {
    throw new Error('column "secret_thing" does not exist');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; error: Record<string, unknown> } };
  } finally {
    server.close();
  }
}

describe('errorHandler for an unexpected error', () => {
  it('answers 500 with the generic message and no cause outside test runs', async () => {
    const res = await failing({});
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ ok: false, error: { id: 'internal_error', message: '服务器内部错误，请稍后再试', details: null, requestId: 'req-1' } });
    expect(JSON.stringify(res.body)).not.toContain('secret_thing');
  });

  it('adds the thrown error as `cause` when asked (test runs), so a failing test says why', async () => {
    const res = await failing({ explainInternal: true });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ id: 'internal_error', cause: 'Error: column "secret_thing" does not exist' });
  });
});
