/** How imports are shown: kind and status labels, the checks made on a file before it is sent, counts, progress. */
import { IMPORT_KINDS, IMPORT_LIMITS, zh, type ImportKind, type ImportRun, type ImportRunStatus } from '@liucai/shared';

/** Chinese names of the import kinds, in the picker's order. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  deals: '合同/成交',
  satisfaction: '客户满意度',
  collaboration: '跨部门协作',
  training: '培训记录',
  departures: '离职记录',
  kpiValues: 'KPI 指标值',
};

/** One line on what each kind brings in, under the picker. */
export const IMPORT_KIND_HINTS: Record<ImportKind, string> = {
  deals: '历史合同与成交：编号、客户、负责人、金额、签约日期',
  satisfaction: '客户满意度调查：客户、评分（0–10）、调查日期',
  collaboration: '跨部门协作记录：员工、协作部门、客户、日期',
  training: '培训记录：员工、课程、完成度、考试成绩',
  departures: '钉钉之前的离职记录：员工、最后工作日、原因',
  kpiValues: '数据来源为“导入数据”的 KPI 指标：员工、月份、指标编号、数值',
};

/** The kinds in the picker's order. */
export const IMPORT_KIND_OPTIONS: readonly { value: ImportKind; label: string }[] = IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }));

export const IMPORT_STATUS_LABELS: Record<ImportRunStatus, string> = {
  queued: '排队中',
  running: '导入中',
  succeeded: '已完成',
  failed: '失败',
};

/** Tag colour of a run's status. */
export function importStatusColor(status: ImportRunStatus): string {
  if (status === 'succeeded') return 'success';
  if (status === 'failed') return 'danger';
  return 'primary';
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `1536` → `1.5 KB`, `52428800` → `50 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${trim(n / 1024)} KB`;
  return `${trim(n / 1024 / 1024)} MB`;
}
const trim = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The upload limit as HR reads it, e.g. `50 MB、500,000 行`. */
export const IMPORT_LIMIT_TEXT = `${formatBytes(IMPORT_LIMITS.maxBytes)}、${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} 行`;

/** A file the server will accept as far as the browser can tell: its Content-Type, or why it is refused. */
export type FileCheck = { ok: true; contentType: string } | { ok: false; message: string };

/**
 * Checks a chosen file before sending it: only .xlsx and .csv (by name, as browsers report spreadsheets'
 * types unreliably), not empty, not over the size limit. The server checks the same again.
 */
export function checkImportFile(file: { name: string; size: number }): FileCheck {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext !== 'xlsx' && ext !== 'csv') {
    const hint = ext === 'xls' ? '.xls 请在 Excel 中另存为 .xlsx 后再上传' : '请选择 Excel（.xlsx）或 CSV（.csv）文件';
    return { ok: false, message: zh`不支持的文件类型${ext ? ` .${ext}` : ''}：${hint}` };
  }
  if (file.size === 0) return { ok: false, message: '文件是空的：请先在模板中填写数据' };
  if (file.size > IMPORT_LIMITS.maxBytes) {
    return { ok: false, message: `文件 ${formatBytes(file.size)}，超过 ${formatBytes(IMPORT_LIMITS.maxBytes)} 上限：请拆成几个文件分别导入` };
  }
  return { ok: true, contentType: ext === 'csv' ? 'text/csv' : XLSX_TYPE };
}

/** Counts of a dry run or a run, labelled. */
export interface ImportCount {
  key: 'created' | 'updated' | 'unchanged' | 'rejected';
  label: string;
  value: number;
}

/** The four counts in display order. */
export function importCounts(c: { created: number; updated: number; unchanged: number; rejected: number }): ImportCount[] {
  return [
    { key: 'created', label: '新增', value: c.created },
    { key: 'updated', label: '更新', value: c.updated },
    { key: 'unchanged', label: '未变', value: c.unchanged },
    { key: 'rejected', label: '拒绝', value: c.rejected },
  ];
}

/** `新增 3 · 更新 0 · 未变 2 · 拒绝 1` for a list row. */
export function importCountsText(c: { created: number; updated: number; unchanged: number; rejected: number }): string {
  return importCounts(c)
    .map((x) => `${x.label} ${x.value.toLocaleString('zh-CN')}`)
    .join(' · ');
}

/**
 * Percent done of a running commit: rows done of the rows the dry run counted in the same file when known
 * (capped at 99 until the server says it finished), else the server's percent of the upload read.
 */
export function commitPercent(run: Pick<ImportRun, 'status' | 'rowsDone' | 'percent'> | null, expectedRows: number | null): number {
  if (!run) return 0;
  if (run.status === 'succeeded' || run.status === 'failed') return 100;
  if (expectedRows && expectedRows > 0) return Math.min(99, Math.floor((run.rowsDone * 100) / expectedRows));
  return run.percent;
}
