/**
 * Worker-thread entry of the embedded mode's sandbox: the emulator generates its company, answers DingTalk calls and
 * runs the Stream gateway on this thread's own event loop and heap, so a sync's load on "DingTalk" never stalls
 * the web process's requests. Messages: the parent sends `close`; the thread answers `ready` (url, demo users) and
 * `closed`.
 */
import os from 'node:os';
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

/**
 * Nice this thread (Linux keeps a nice value per thread, and setpriority on "the calling process" changes only the
 * calling thread), so on a small machine the web thread gets the CPU first and requests stay quick while this thread
 * works. Elsewhere it may change the whole process or fail; either is harmless.
 */
function lowerThisThreadsPriority(): void {
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted here: run at normal priority
  }
}
