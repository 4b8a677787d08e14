import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createOrgSyncRun, createSyncRun } from '../../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../../server/src/modules/sync/commands/dataSyncRunner';
import { runOrgSync } from '../../server/src/modules/sync/commands/orgSyncer';
import type { TrackedOutcome } from '../../server/src/modules/sync/commands/syncRunTracker';
import { Corp, SyncRun } from '../../server/src/entities';
import { startSandbox, type SandboxHandle } from '../../server/src/dingtalk/sandbox';
import { createDingTalkPort } from '../../server/src/dingtalk/dingTalkPort';
import { openDatabase } from '../../server/src/db/dataSource';

export interface SqliteSyncWorld {
  ds: DataSource;
  sandbox: SandboxHandle;
  corpId: string;
  /** Run one CRM sync as of `now`: its outcome and the recorded run. */
  crm(now: Date): Promise<{ outcome: TrackedOutcome | undefined; run: SyncRun }>;
}

/**
 * A 40-person sandbox corp synced into a fresh embedded SQLite database (built by the migrations), for the tests
 * that check a sync behaves the same there as on MariaDB. Everything is removed afterwards.
 */
export async function withSqliteSyncedWorld(label: string, fn: (w: SqliteSyncWorld) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `liucai-${label}-`));
  const corp = { corpId: `ding${label}lite`, corpName: '嵌入式', appKey: `${label}-key`, appSecret: `${label}-secret`, agentId: 1, seed: 53, employees: 40 };
  const sandbox = await startSandbox({ port: 0, corps: [corp] });
  const ds = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'liucai.sqlite') }, { migrate: true });
  try {
    await ds.getRepository(Corp).insert({ corpId: corp.corpId, name: corp.corpName, agentId: 1 });
    const dingtalk = createDingTalkPort(
      { corpId: corp.corpId, appKey: corp.appKey, appSecret: corp.appSecret, agentId: 1, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
      { dingtalkCallsPerSecond: 200, dingtalkTimeoutMs: 10000, queuePrefix: label },
      null,
    );
    const org = await createOrgSyncRun(ds, corp.corpId, 'manual', null);
    await runOrgSync({ ds, source: dingtalk, apiCalls: () => dingtalk.callCount(), concurrency: 4 }, org!.id, { finalAttempt: true });
    const crm = async (now: Date) => {
      const r = await createSyncRun(ds, corp.corpId, 'crm', 'manual', null, now);
      const deps: DataSyncDeps = {
        ds,
        source: dingtalk.data,
        apiCalls: () => dingtalk.callCount(),
        concurrency: 4,
        monthlyCallLimit: 10000,
        lookbackDays: 21,
        now: () => now,
      };
      const outcome = await runDataSync(deps, r!.id, { finalAttempt: true });
      return { outcome: outcome ?? undefined, run: await ds.getRepository(SyncRun).findOneByOrFail({ id: r!.id }) };
    };
    await fn({ ds, sandbox, corpId: corp.corpId, crm });
  } finally {
    await ds.destroy();
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
