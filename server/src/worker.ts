/** The worker process (`npm run worker`): consumes BullMQ jobs; needs REDIS_URL. */
import { bootServices, configOrExit, createLogger, startJobs } from './bootstrap';

async function main(): Promise<void> {
  const config = configOrExit();
  if (!config.redis) {
    console.error('REDIS_URL: required for `npm run worker` (without Redis, `npm start` runs jobs in-process)');
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const s = await bootServices(config, log);
  const worker = await startJobs(s, true);
  log.info({ queuePrefix: config.queuePrefix }, 'worker started');
  const shutdown = async () => {
    await worker?.close();
    await s.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error('worker failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
