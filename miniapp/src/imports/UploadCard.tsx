/** Steps 2 and 3: choose a file (checked in the browser), the dry run's counts and rejections, the commit with its progress and result. */
import { useEffect, useRef } from 'react';
import type { ImportDryRun, ImportRun } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import SpinLoading from 'antd-mobile/es/components/spin-loading';
import Tag from 'antd-mobile/es/components/tag';
import { dingTalkPlatform } from '../platform/dingtalk';
import { formatDuration } from '../util/format';
import { ImportCounts } from './ImportCounts';
import { commitPercent, formatBytes, IMPORT_LIMIT_TEXT, IMPORT_STATUS_LABELS, importStatusColor } from './importDisplay';
import { RejectionTable } from './RejectionTable';
import { useFileDownload } from './useFileDownload';
import type { ImportFlow } from './useImportFlow';

const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function UploadCard({ flow, kindLabel }: { flow: ImportFlow; kindLabel: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { step } = flow;
  // Bring each new outcome (dry run, progress, result, a refusal) into view on a phone's short screen.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step.status !== 'idle' && step.status !== 'checking') outcome.current?.scrollIntoView?.({ block: 'nearest' });
  }, [step.status]);
  const chosen = step.status === 'idle' ? null : step.status === 'invalid' ? { name: step.name, size: step.size } : step.file;

  return (
    <section className="card upload-card" data-testid="import-upload-card">
      <div className="card-head">
        <h2>2. 上传文件</h2>
        <span className="muted small">{kindLabel}</span>
      </div>
      <p className="muted small upload-limits" data-testid="import-limits">
        支持 Excel（.xlsx）和 CSV（.csv），单个文件不超过 <span className="nowrap">{IMPORT_LIMIT_TEXT}</span>
        。上传后先预检（不写入任何数据），确认无误再导入；同一文件重复导入不会产生重复记录。
      </p>
      {(dingTalkPlatform() === 'ios' || dingTalkPlatform() === 'android') && (
        <div className="inline-note" role="note" data-testid="import-mobile-hint">
          <span className="inline-note-icon" aria-hidden>
            !
          </span>
          <span>手机钉钉里选择表格文件、下载模板和错误文件可能受限，建议在电脑版钉钉或浏览器中导入。</span>
        </div>
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (a re-import) fires a change.
          e.target.value = '';
          if (file) flow.choose(file);
        }}
      />
      <Button block color="primary" fill={chosen ? 'outline' : 'solid'} disabled={flow.busy} onClick={() => input.current?.click()} data-testid="import-choose">
        {chosen ? '重新选择文件' : '选择文件'}
      </Button>

      {chosen && (
        <div className="chosen-file" data-testid="import-file-name">
          <span className="chosen-file-name">{chosen.name}</span>
          <span className="muted small nowrap" data-testid="import-file-size">
            {formatBytes(chosen.size)}
          </span>
        </div>
      )}
      {step.status === 'invalid' && (
        <div className="inline-error" role="alert" data-testid="import-file-error">
          {step.message}
        </div>
      )}
      {step.status === 'checking' && (
        <div className="import-busy" data-testid="import-checking">
          <SpinLoading style={{ '--size': '20px' }} />
          <span>正在预检：逐行检查，不写入数据…</span>
        </div>
      )}
      {step.status === 'checkFailed' && (
        <div className="inline-error" role="alert" data-testid="import-check-error">
          <strong>文件无法导入：</strong>
          {step.message}
        </div>
      )}
      {(step.status === 'checked' || step.status === 'committing' || step.status === 'commitFailed' || step.status === 'done') && (
        <DryRunResult dry={step.dry} />
      )}
      {step.status === 'checked' && <CommitButton dry={step.dry} onCommit={flow.commit} />}
      {step.status === 'committing' && <CommitProgress run={step.run} expectedRows={step.dry.rows} />}
      {step.status === 'commitFailed' && (
        <div className="inline-error" role="alert" data-testid="import-commit-error">
          <strong>导入失败：</strong>
          {step.message}
          <div className="next-step">已写入的行会保留；修正问题后重新导入同一文件即可，不会重复写入。</div>
        </div>
      )}
      {step.status === 'done' && <CommitResult run={step.run} />}
      {(step.status === 'done' || step.status === 'commitFailed') && (
        <Button block className="import-again" onClick={flow.reset} data-testid="import-again">
          导入另一个文件
        </Button>
      )}
      <div ref={outcome} aria-hidden />
    </section>
  );
}

function DryRunResult({ dry }: { dry: ImportDryRun }) {
  return (
    <div className="dry-run" data-testid="dry-run-result">
      <div className="section-label">预检结果：共 {dry.rows.toLocaleString('zh-CN')} 行数据（尚未写入）</div>
      <Warnings warnings={dry.warnings} testId="dry-warnings" title="导入前请先看这些提醒" />
      <ImportCounts counts={dry} prefix="dry" />
      <RejectionTable errors={dry.errors} rejected={dry.rejected} />
    </div>
  );
}

function CommitButton({ dry, onCommit }: { dry: ImportDryRun; onCommit(): void }) {
  const valid = dry.created + dry.updated + dry.unchanged;
  if (valid === 0) {
    return (
      <div className="inline-note" role="note" data-testid="import-nothing">
        <span className="inline-note-icon" aria-hidden>
          !
        </span>
        <span>没有可以导入的行：请按上表修改文件后重新选择。</span>
      </div>
    );
  }
  const noted = dry.warnings.length > 0 ? '已看过提醒，' : '';
  const label =
    noted +
    (dry.created + dry.updated === 0
      ? `确认导入（${valid.toLocaleString('zh-CN')} 行均未变化）`
      : `确认导入（新增 ${dry.created.toLocaleString('zh-CN')}，更新 ${dry.updated.toLocaleString('zh-CN')}）`);
  return (
    <>
      {dry.rejected > 0 && (
        <div className="muted small commit-hint">被拒绝的 {dry.rejected.toLocaleString('zh-CN')} 行不会写入，导入后可下载错误文件修改后再导入。</div>
      )}
      <Button block color="primary" className="commit-button" onClick={onCommit} data-testid="import-commit">
        {label}
      </Button>
    </>
  );
}

function CommitProgress({ run, expectedRows }: { run: ImportRun | null; expectedRows: number }) {
  const percent = commitPercent(run, expectedRows);
  return (
    <div className="sync-progress import-progress" data-testid="import-progress">
      <div className="sync-progress-label">
        <span>{run ? '正在导入…' : '正在上传…'}</span>
        <span className="muted" data-testid="import-progress-rows">
          {(run?.rowsDone ?? 0).toLocaleString('zh-CN')} / {expectedRows.toLocaleString('zh-CN')} 行
        </span>
      </div>
      <ProgressBar percent={percent} text rounded />
      <div className="muted small">导入期间请勿关闭页面。</div>
    </div>
  );
}

function CommitResult({ run }: { run: ImportRun }) {
  const files = useFileDownload();
  const took = run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.createdAt).getTime() : null;
  return (
    <div className="import-result" data-testid="import-result">
      <div className="import-result-head">
        <Tag color={importStatusColor(run.status)} fill="outline" data-testid="import-result-status">
          {IMPORT_STATUS_LABELS[run.status]}
        </Tag>
        <span className="small">
          共 {(run.rowsTotal ?? run.rowsDone).toLocaleString('zh-CN')} 行 · 耗时 {formatDuration(took)}
        </span>
      </div>
      <ImportCounts counts={run} prefix="result" />
      <Warnings warnings={run.warnings} testId="result-warnings" />
      {run.error && (
        <div className="inline-error" role="alert">
          {run.error}
        </div>
      )}
      {run.errorFileUrl && (
        <a
          className="error-file-link"
          href={run.errorFileUrl}
          onClick={(e) => {
            e.preventDefault();
            void files.download(run.errorFileUrl!, `导入错误行-${run.id}.csv`);
          }}
          data-testid="import-error-file"
        >
          下载错误文件（{run.rejected.toLocaleString('zh-CN')} 行，每行附错误说明，改好后可直接重新导入）
        </a>
      )}
      {files.error && (
        <div className="inline-error" role="alert" data-testid="import-error-file-error">
          <strong>错误文件下载失败：</strong>
          {files.error}
        </div>
      )}
    </div>
  );
}

function Warnings({ warnings, testId, title = '提醒' }: { warnings: string[]; testId: string; title?: string }) {
  if (warnings.length === 0) return null;
  return (
    <div className="import-warnings" role="note" data-testid={testId}>
      <div className="import-warnings-title">
        <span className="inline-note-icon" aria-hidden>
          !
        </span>
        <strong>
          {title}（{warnings.length} 条）
        </strong>
      </div>
      <ul className="warning-list">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
