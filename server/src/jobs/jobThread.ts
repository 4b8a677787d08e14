/**
 * Worker-thread entry of the embedded mode's jobs (no Redis): the same handlers and in-process runner, on this
 * thread's own event loop with its own database connection (SQLite in WAL mode with a busy timeout), so a sync's
 * statements and computations never stall the web process's requests. The configuration is read from the same
 * environment as the web process; `workerData.sandboxUrl` is where the built-in sandbox listens (sandbox mode).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../db/dataSource';
import { dingtalkPortFor } from '../services';
import { createJobHandlers, handlerDepsFrom } from './handlers';
import { InProcessJobQueue } from './inProcessJobQueue';
import { waitOutOutages } from './outageWait';
import type { JobThreadRequest, JobThreadData } from './threadJobQueue';

async function run(): Promise<void> {
  lowerThisThreadsPriority();
  const port = parentPort!;
  const data = workerData as JobThreadData;
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const r = config.resilience;
  const ds = await openDatabase(config.database, {
    migrate: false,
    timeouts: { connectMs: r.databaseConnectTimeoutMs, acquireMs: r.databaseAcquireTimeoutMs },
  });
  const dingtalk = dingtalkPortFor(config, data.sandboxUrl, null);
  // As in every process: a job hit by a database outage waits for the database and resumes from its checkpoint.
  const queue = new InProcessJobQueue(
    waitOutOutages(
      createJobHandlers(
        handlerDepsFrom(config, ds, dingtalk, log, data.sandboxUrl && data.demoUsers ? { url: data.sandboxUrl, demoUsers: data.demoUsers } : null),
      ),
      { ds, log },
    ),
    log,
  );
  port.on('message', (m: JobThreadRequest) => {
    const fail = (err: unknown) => log.error({ err, request: m.type }, 'job thread request failed');
    if (m.type === 'enqueue') queue.enqueue(m.name, m.payload, { jobId: m.jobId }).catch(fail);
    else if (m.type === 'schedule') queue.schedule(m.schedulerId, m.cron, m.name, m.payload).catch(fail);
    else if (m.type === 'idle') void queue.idle().then(() => port.postMessage({ type: 'idle', id: m.id }));
    else if (m.type === 'close') {
      void queue
        .close()
        .then(() => ds.destroy())
        .catch(fail)
        .finally(() => port.postMessage({ type: 'closed' }));
    }
  });
  port.postMessage({ type: 'ready' });
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
