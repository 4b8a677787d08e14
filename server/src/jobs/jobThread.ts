/**
 * Worker-thread entry of the embedded mode's jobs (no Redis): the same handlers and in-process runner, on this
 * thread's own event loop with its own database connection (SQLite in WAL mode with a busy timeout), so a sync's
 * statements and computations never stall the web process's requests. The configuration is read from the same
 * environment as the web process; `workerData.sandboxUrl` is where the built-in sandbox listens (sandbox mode).
 */
import { lowerThisThreadsPriority } from '../util/threadPriority';
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
