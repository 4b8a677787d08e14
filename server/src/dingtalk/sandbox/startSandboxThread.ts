import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartSandboxOptions } from './startSandbox';
import type { SandboxCorp } from './SandboxCorp';

/** A sandbox running on its own worker thread: where it listens, each corp's demo users, and how to stop it. */
export interface SandboxThreadHandle {
  url: string;
  demoUsers: Map<string, SandboxCorp['demoUsers']>;
  close(): Promise<void>;
}

/**
 * Start the sandbox on a worker thread (the embedded mode's `npm start`), so generating and serving a 10,000-person
 * company never blocks the web process's event loop. Needs the built JavaScript (`sandboxThread.js` beside this
 * file); tests and benchmarks that drive the sandbox's objects directly use `startSandbox` in their own thread.
 */
export function startSandboxThread(opts: StartSandboxOptions): Promise<SandboxThreadHandle> {
  const worker = new Worker(path.join(__dirname, 'sandboxThread.js'), { workerData: opts });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type: string; url?: string; demoUsers?: Record<string, SandboxCorp['demoUsers']>; message?: string }) => {
      if (m.type === 'failed') reject(new Error(`sandbox thread: ${m.message}`));
      if (m.type !== 'ready') return;
      worker.off('error', reject);
      resolve({
        url: m.url!,
        demoUsers: new Map(Object.entries(m.demoUsers ?? {})),
        close: () =>
          new Promise<void>((done) => {
            const finish = () => void worker.terminate().then(() => done());
            worker.once('message', (r: { type: string }) => r.type === 'closed' && finish());
            worker.once('exit', () => done());
            worker.postMessage({ type: 'close' });
          }),
      });
    });
  });
}
