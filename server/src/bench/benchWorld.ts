import type { DataSource } from 'typeorm';
import { recreateMysqlDatabase } from '../db/adminConnection';
import { openDatabase } from '../db/dataSource';
import { startSandbox, type SandboxHandle } from '../dingtalk/sandbox';
import { createDingTalkPort } from '../dingtalk/dingTalkPort';
import { Corp } from '../entities';

export const BENCH_CORP = { corpId: 'dingbench', corpName: '基准测试公司', appKey: 'bench-key', appSecret: 'bench-secret', agentId: 1, seed: 42 };

/**
 * What a sync benchmark runs against: a fresh MariaDB database built by the migrations (BENCH_DATABASE_URL), a
 * sandbox corp of `employees` that enforces DingTalk's 20 calls/s per API, and a client held to `rate` per API.
 */
export async function openBenchWorld(employees: number, rate: number) {
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench';
  await recreateMysqlDatabase(url);
  const ds: DataSource = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  const corp = { ...BENCH_CORP, employees };
  const sandbox: SandboxHandle = await startSandbox({ port: 0, corps: [corp], faults: { throttleQps: 20 } });
  await ds.getRepository(Corp).insert({ corpId: corp.corpId, name: corp.corpName, agentId: corp.agentId });
  const dingtalk = createDingTalkPort(
    { corpId: corp.corpId, appKey: corp.appKey, appSecret: corp.appSecret, agentId: corp.agentId, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
    { dingtalkCallsPerSecond: rate, dingtalkTimeoutMs: 10000, queuePrefix: 'bench' },
    null,
  );
  return {
    ds,
    sandbox,
    corp,
    dingtalk,
    async close() {
      await sandbox.close();
      await ds.destroy();
    },
  };
}
