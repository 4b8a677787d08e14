/**
 * Benchmark: commit a generated 200,000-row deals file, as CSV and as .xlsx, through the import's own code path
 * (commitImport: streamed parse, validation, batched upserts, progress) into MariaDB. Prints rows/s and the
 * process's peak RSS, then re-imports the CSV (every row unchanged).
 *
 *   tsc -b server && node server/dist/server/src/bench/importBench.js [--rows 200000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import v8 from 'node:v8';
import ExcelJS from 'exceljs';
import { recreateMysqlDatabase } from '../db/adminConnection';
import { openDatabase } from '../db/dataSource';
import { Corp, User } from '../entities';
import { commitImport } from '../modules/imports/importRunner';
import { dealsKind } from '../modules/imports/kinds/deals';
import type { UploadFormat } from '../modules/imports/uploadRows';

const HEADERS = ['合同编号', '客户名称', '负责人', '合同金额(元)', '签约日期', '续约年限', '状态'];
const STATUSES = ['进行中', '已完成', '已取消'];

function rowsArg(): number {
  const i = process.argv.indexOf('--rows');
  const n = i < 0 ? 200_000 : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error('--rows: expected a positive integer');
  return n;
}

function dealRow(i: number, owners: string[]): (string | number)[] {
  const yuan = 10_000 + ((i * 7919) % 5_000_000);
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  const date = i % 2 ? `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `2025年${month}月${day}日`;
  return [
    `BENCH-${String(i).padStart(7, '0')}`,
    `客户${i % 5000}有限公司`,
    owners[i % owners.length]!,
    `${yuan.toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}`,
    date,
    i % 4,
    STATUSES[i % 3]!,
  ];
}

async function writeCsv(file: string, rows: number, owners: string[]): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('\uFEFF' + HEADERS.join(',') + '\r\n');
  for (let i = 1; i <= rows; i++) {
    const cells = dealRow(i, owners).map((c) => (String(c).includes(',') ? `"${String(c)}"` : String(c)));
    await write(cells.join(',') + '\r\n');
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function writeXlsx(file: string, rows: number, owners: string[]): Promise<void> {
  // Shared strings, as Excel itself writes them: the sheet then precedes sharedStrings.xml in the zip.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('合同');
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) {
    const [no, customer, owner, , date, years, status] = dealRow(i, owners);
    // Amounts as numbers and every third date as a real date cell, like a sheet typed by hand.
    const amount = 10_001 + ((i * 7919) % 5_000_000) + (i % 100) / 100;
    const row = ws.addRow([no, customer, owner, amount, i % 3 ? date : new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), years, status]);
    if (!(i % 3)) row.getCell(5).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

const OWNERS = Array.from({ length: 300 }, (_, i) => `bench-u${i}`);

/** Write the two files in a child process, so building them does not inflate the importing process's RSS. */
async function generate(dir: string, rows: number): Promise<Record<UploadFormat, string>> {
  const files: Record<UploadFormat, string> = { csv: path.join(dir, 'deals.csv'), xlsx: path.join(dir, 'deals.xlsx') };
  if (process.argv.includes('--generate')) {
    await writeCsv(files.csv, rows, OWNERS);
    await writeXlsx(files.xlsx, rows, OWNERS);
    return files;
  }
  const t = performance.now();
  await new Promise<void>((resolve, reject) =>
    fork(__filename, ['--generate', dir, '--rows', String(rows)], { execArgv: [] }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generator exited ${code}`)),
    ),
  );
  const mib = (f: string) => (fs.statSync(f).size / 2 ** 20).toFixed(1);
  console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: csv ${mib(files.csv)} MiB, xlsx ${mib(files.xlsx)} MiB`);
  return files;
}

async function main(): Promise<void> {
  const rows = rowsArg();
  const g = process.argv.indexOf('--generate');
  if (g >= 0) {
    await generate(process.argv[g + 1]!, rows);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-import-bench-'));
  const files = await generate(dir, rows);
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench_import';
  await recreateMysqlDatabase(url);
  const ds = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  console.log(`V8 heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MiB (set with node --max-old-space-size)`);
  const corpId = 'dingbenchimport';
  await ds.getRepository(Corp).insert({ corpId, name: '导入基准公司', agentId: 1 });
  await ds.getRepository(User).insert(OWNERS.map((userid, i) => ({ corpId, userid, name: `员工${i}`, jobNumber: `B${i}`, status: 'active' as const })));
  const runs: [string, UploadFormat][] = [
    ['csv (all new)', 'csv'],
    ['xlsx (all updated: amounts 1 yuan more)', 'xlsx'],
    ['csv again (all updated back)', 'csv'],
    ['csv re-import (all unchanged)', 'csv'],
  ];
  for (const [label, format] of runs) {
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t = performance.now();
    const run = await commitImport({
      ds,
      // An admin imports for everyone (the people scope is one query either way).
      actor: { corpId, userid: 'bench', roles: ['admin'], hrDeptIds: [] },
      def: dealsKind,
      fileName: path.basename(files[format]),
      format,
      body: fs.createReadStream(files[format]),
      bytesTotal: fs.statSync(files[format]).size,
    });
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const mib = (n: number) => (n / 2 ** 20).toFixed(0);
    console.log(
      `${label.padEnd(50)} ${run.rowsTotal} rows in ${seconds.toFixed(1)} s = ${Math.round((run.rowsTotal ?? 0) / seconds)} rows/s; ` +
        `created ${run.created} updated ${run.updated} unchanged ${run.unchanged} rejected ${run.rejected}; peak RSS ${mib(peak)} MiB (start ${mib(rss0)} MiB)`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
