import { createApp } from '../../server/src/app';
import { listenApp } from '../../server/src/httpServer';
import type { AppDeps } from '../../server/src/appTypes';

/** Serve the real Koa app on a random loopback port. */
export async function listen(deps: AppDeps): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(deps);
  const server = await listenApp(app, 0, '127.0.0.1');
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
