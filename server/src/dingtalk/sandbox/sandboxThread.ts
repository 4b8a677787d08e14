/**
 * Worker-thread entry of the embedded mode's sandbox: the emulator generates its company, answers DingTalk calls and
 * runs the Stream gateway on this thread's own event loop and heap, so a sync's load on "DingTalk" never stalls
 * the web process's requests. Messages: the parent sends `close`; the thread answers `ready` (url, demo users) and
 * `closed`.
 */
import { lowerThisThreadsPriority } from '../../util/threadPriority';
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox, type StartSandboxOptions } from './startSandbox';

async function run(): Promise<void> {
  lowerThisThreadsPriority();
  const port = parentPort!;
  const handle = await startSandbox(workerData as StartSandboxOptions);
  const demoUsers = Object.fromEntries([...handle.corps].map(([corpId, corp]) => [corpId, corp.demoUsers]));
  port.on('message', (m: { type: string }) => {
    if (m.type === 'close') void handle.close().then(() => port.postMessage({ type: 'closed' }));
  });
  port.postMessage({ type: 'ready', url: handle.url, demoUsers });
}

run().catch((err: unknown) => {
  parentPort?.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
});
