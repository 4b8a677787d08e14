/** 最近导入: the latest runs of every kind, with who, when, the counts, the status and the error file. */
import type { ImportRun } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { formatDateTime, formatRelative } from '../util/format';
import { IMPORT_KIND_LABELS, IMPORT_STATUS_LABELS, importCountsText, importStatusColor } from './importDisplay';
import { useFileDownload } from './useFileDownload';

export interface RecentImportsProps {
  runs: ImportRun[] | null;
  error: string | null;
  onRetry(): void;
}

export function RecentImports({ runs, error, onRetry }: RecentImportsProps) {
  const files = useFileDownload();
  return (
    <section className="card recent-imports" data-testid="recent-imports">
      <div className="card-head">
        <h2>最近导入</h2>
        {runs && runs.length > 0 && <span className="muted small">最近 {runs.length} 次</span>}
      </div>
      {!runs && !error && (
        <div data-testid="recent-imports-loading">
          <Skeleton.Paragraph lineCount={4} animated />
        </div>
      )}
      {!runs && error && (
        <ErrorBlock status="default" title="导入记录加载失败" description={error} data-testid="recent-imports-error">
          <Button color="primary" size="small" onClick={onRetry}>
            重试
          </Button>
        </ErrorBlock>
      )}
      {runs && runs.length === 0 && (
        <div className="empty-text" data-testid="recent-imports-empty">
          还没有导入记录。选好类型、下载模板填好后上传，先预检再导入。
        </div>
      )}
      {runs && runs.length > 0 && (
        <ul className="run-list">
          {runs.map((r) => (
            <li key={r.id} className="run-item" data-testid={`import-run-${r.id}`}>
              <div className="run-head">
                <span className="run-kind">{IMPORT_KIND_LABELS[r.kind] ?? r.kind}</span>
                <span className="run-file" title={r.fileName}>
                  {r.fileName}
                </span>
                <Tag color={importStatusColor(r.status)} fill="outline" data-testid={`import-run-status-${r.id}`}>
                  {IMPORT_STATUS_LABELS[r.status]}
                </Tag>
              </div>
              <div className="muted small run-meta">
                <span>{r.createdByName ?? r.createdBy}</span>
                <span title={formatDateTime(r.createdAt)}>
                  {formatDateTime(r.createdAt)}（{formatRelative(r.createdAt)}）
                </span>
              </div>
              <div className="run-counts small">
                {r.status === 'running' || r.status === 'queued'
                  ? `已处理 ${r.rowsDone.toLocaleString('zh-CN')} 行（${r.percent}%）`
                  : `${(r.rowsTotal ?? r.rowsDone).toLocaleString('zh-CN')} 行：${importCountsText(r)}`}
              </div>
              {r.error && (
                <div className="inline-error" role="alert">
                  {r.error}
                </div>
              )}
              {r.errorFileUrl && (
                <a
                  className="link small"
                  href={r.errorFileUrl}
                  onClick={(e) => {
                    e.preventDefault();
                    void files.download(r.errorFileUrl!, `导入错误行-${r.id}.csv`);
                  }}
                  data-testid={`import-run-errors-${r.id}`}
                >
                  下载错误文件（{r.rejected.toLocaleString('zh-CN')} 行）
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {files.error && (
        <div className="inline-error" role="alert" data-testid="recent-imports-download-error">
          <strong>错误文件下载失败：</strong>
          {files.error}
        </div>
      )}
    </section>
  );
}
