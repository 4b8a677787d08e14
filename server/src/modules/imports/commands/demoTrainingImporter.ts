/**
 * The demo company's training history, brought in the way a real company brings in its learning platform's records:
 * an HR import of the 培训记录 kind (DingTalk has no training API). The sandbox generates the export
 * (`GET /sandbox/corps/:corpId/training.csv`, trainingModel.ts); the demo's first start downloads it and commits it
 * through the import pipeline as the demo admin, so an import_runs row (“演示公司培训记录.csv”) shows it on 数据 like
 * any upload. Run after the first departure sync (the file names people who left, who must be known by then) and
 * before the radar, the talent recompute and the 转型看板 read training. Once per corp: skipped when a run of that
 * file has succeeded, so a restart or a retried first-start job imports nothing again.
 */
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { ImportRun } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { TRAINING_FILE_NAME } from '../../../dingtalk/sandbox/trainingModel';
import { commitImport } from '../importRunner';
import { trainingKind } from '../kinds/training';

export const DEMO_TRAINING_FILE_NAME = TRAINING_FILE_NAME;

/** Where the demo's sandbox listens and who its admin is. */
export interface DemoTrainingSource {
  url: string;
  demoUsers: { admin: string };
}

/** Download the sandbox's training export of the corp. */
export async function fetchDemoTrainingFile(sandboxUrl: string, corpId: string): Promise<Buffer> {
  const res = await fetch(`${sandboxUrl}/sandbox/corps/${encodeURIComponent(corpId)}/training.csv`);
  if (!res.ok) throw new Error(`sandbox training export: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Import the demo's training file once; returns the new run, or null when it was imported before. */
export async function importDemoTraining(
  ds: DataSource,
  corpId: string,
  source: DemoTrainingSource,
  opts: { now?: () => Date; download?: () => Promise<Buffer> } = {},
): Promise<ImportRun | null> {
  // tenancy: the corp's import runs.
  if (await ds.getRepository(ImportRun).existsBy({ corpId, kind: 'training', fileName: DEMO_TRAINING_FILE_NAME, status: 'succeeded' })) return null;
  const file = await (opts.download ?? (() => fetchDemoTrainingFile(source.url, corpId)))();
  const actor: Actor = { corpId, userid: source.demoUsers.admin, roles: ['employee', 'admin'], hrDeptIds: [] };
  return commitImport({
    ds,
    actor,
    def: trainingKind,
    fileName: DEMO_TRAINING_FILE_NAME,
    format: 'csv',
    body: Readable.from([file]),
    bytesTotal: file.length,
    ...(opts.now ? { now: opts.now } : {}),
  });
}
