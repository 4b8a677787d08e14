/**
 * `npm run sandbox -- --port 4010 --employees 500 --seed 7`: run the DingTalk sandbox on its own, e.g. to point
 * a locally running Liucai or curl at it. Prints the URL, the corp and the demo userids (never the secret).
 */
import { type CliOptions, CliUsageError, parseCliArgs, USAGE } from './cliArgs';
import { startSandbox } from './startSandbox';

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    process.stderr.write(`${err.problems.map((p) => `error: ${p}`).join('\n')}\n${USAGE}\n`);
    process.exit(2);
  }
  const handle = await startSandbox({ port: opts.port, host: opts.host, corps: [opts.corp], faults: opts.faults });
  const corp = handle.corps.get(opts.corp.corpId);
  const d = corp?.demoUsers;
  process.stdout.write(
    [
      `DingTalk sandbox listening on ${handle.url}`,
      `  corp      ${corp?.corpId ?? ''} ${corp?.corpName ?? ''} (${corp?.employeeCount ?? 0} employees, ${corp?.departments.size ?? 0} departments)`,
      `  app       appKey ${corp?.appKey ?? ''}, agentId ${corp?.agentId ?? ''}`,
      `  demo      admin ${d?.admin ?? ''} · hr ${d?.hr ?? ''} · supervisor ${d?.supervisor ?? ''} · employee ${d?.employee ?? ''}`,
      `  helpers   POST ${handle.url}/sandbox/authCode {"userid":"${d?.employee ?? ''}"} · GET ${handle.url}/sandbox/stats`,
      `  stream    POST ${handle.url}/v1.0/gateway/connections/open · GET ${handle.url}/sandbox/stream · POST ${handle.url}/sandbox/stream/events {"eventType":"…","data":{…}}`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: closing the sandbox\n`);
    handle.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
