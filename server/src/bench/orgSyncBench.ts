/**
 * Benchmark: full org sync of a sandbox corp over real HTTP into MariaDB, with DingTalk's real per-API limit
 * enforced by the sandbox (20 calls/s per API) and ours at 18/s. Prints the calls per API, wall time, and the
 * ratio to the floor the rate limit sets (the busiest API's calls / our per-API rate): 1.00x is the best possible.
 *
 *   npm run bench:orgsync -- --employees 10000 [--rate 18] [--concurrency 6]
 */
import { numberArg } from './benchArgs';
import { openBenchWorld } from './benchWorld';
import { createOrgSyncRun } from '../modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../modules/sync/commands/orgSyncer';

async function main(): Promise<void> {
  const employees = numberArg('employees', 10000);
  const rate = numberArg('rate', 18);
  const concurrency = numberArg('concurrency', 6);
  const { ds, sandbox, corp, dingtalk, close } = await openBenchWorld(employees, rate);
  const run = await createOrgSyncRun(ds, corp.corpId, 'manual', null);
  const rss0 = process.memoryUsage().rss;
  let peakRss = rss0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const t0 = performance.now();
  const result = await runOrgSync({ ds, source: dingtalk, apiCalls: () => dingtalk.callCount(), concurrency }, run!.id, { finalAttempt: true });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const stats = sandbox.stats();
  const byApi = Object.entries(stats.calls).sort((a, b) => b[1] - a[1]);
  const busiest = byApi[0]?.[1] ?? 0;
  const floor = busiest / rate;
  console.log(`employees ${employees}, departments ${result!.departments}, users ${result!.users}, supervisors ${result!.supervisors}`);
  for (const [api, n] of byApi) console.log(`  ${api.padEnd(32)} ${String(n).padStart(7)} calls`);
  console.log(
    `total calls ${stats.total}, throttled by the sandbox ${stats.throttled}, failed ${stats.failed}, client retries ${dingtalk.client.stats().retries}`,
  );
  console.log(
    `time ${seconds.toFixed(1)} s; floor ${floor.toFixed(1)} s (busiest API ${busiest} calls / ${rate} per s); ratio ${(seconds / floor).toFixed(2)}x`,
  );
  console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (start ${(rss0 / 2 ** 20).toFixed(0)} MiB)`);
  console.log(
    `| ${employees} | ${result!.departments} | ${stats.total} | ${busiest} | ${seconds.toFixed(1)} s | ${floor.toFixed(1)} s | ${(seconds / floor).toFixed(2)}x | ${stats.throttled} | ${(peakRss / 2 ** 20).toFixed(0)} MiB |`,
  );
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
