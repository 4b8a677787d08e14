/** Step 1: what the file holds (the kinds), its columns, and the templates to fill in. */
import { zh } from '@liucai/shared';
import { useEffect, type MouseEvent } from 'react';
import type { ImportKind, ImportKindInfo } from '@liucai/shared';
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { importTemplateUrl } from '../api/endpoints';
import { IMPORT_KIND_HINTS, IMPORT_KIND_LABELS, IMPORT_KIND_OPTIONS } from './importDisplay';
import { useFileDownload } from './useFileDownload';

export interface KindCardProps {
  kind: ImportKind;
  onChange(kind: ImportKind): void;
  /** Column descriptions from the server; null while loading or when they failed to load. */
  info: ImportKindInfo | null;
  infoError: string | null;
  disabled: boolean;
}

export function KindCard({ kind, onChange, info, infoError, disabled }: KindCardProps) {
  const files = useFileDownload();
  const { clear } = files;
  // Another kind: an error about the previous kind's template no longer applies.
  useEffect(() => clear(), [kind, clear]);
  const template = (ext: 'xlsx' | 'csv') => ({
    href: importTemplateUrl(kind, ext),
    onClick: (e: MouseEvent) => {
      e.preventDefault();
      void files.download(importTemplateUrl(kind, ext), zh`${IMPORT_KIND_LABELS[kind].replace('/', '_')}导入模板.${ext}`);
    },
    'aria-busy': files.pending === importTemplateUrl(kind, ext),
  });
  return (
    <section className="card import-kind-card" data-testid="import-kind-card">
      <div className="card-head">
        <h2>1. 选择数据类型</h2>
      </div>
      <Selector
        options={IMPORT_KIND_OPTIONS.map((o) => ({ ...o, disabled }))}
        value={[kind]}
        onChange={(v) => {
          if (v[0]) onChange(v[0]);
        }}
        columns={3}
        showCheckMark={false}
        data-testid="import-kinds"
      />
      <p className="muted small import-kind-hint">{IMPORT_KIND_HINTS[kind]}</p>

      <div className="import-columns" data-testid="import-columns">
        {info ? (
          <>
            <div className="section-label">
              模板列（<span className="required-mark">*</span> 为必填）· 判断同一行：{info.keyDescription}
            </div>
            <ul className="column-list">
              {info.columns.map((c) => (
                <li key={c.header}>
                  <span className="column-name">
                    {c.header}
                    {c.required && <span className="required-mark">*</span>}
                  </span>
                  <span className="muted small">{c.hint}</span>
                </li>
              ))}
            </ul>
          </>
        ) : infoError ? (
          <div className="muted small" data-testid="import-columns-error">
            列说明加载失败：{infoError}（模板仍可下载）
          </div>
        ) : (
          <Skeleton.Paragraph lineCount={3} animated />
        )}
      </div>

      <div className="template-links" data-testid="template-links">
        <span className="muted small">下载模板：</span>
        {/* Own wrapping box, so on a narrow phone the second link lines up under the first, not under the label. */}
        <span className="template-link-list">
          <a className="template-link" {...template('xlsx')} data-testid="template-xlsx">
            Excel (.xlsx)
          </a>
          <a className="template-link" {...template('csv')} data-testid="template-csv">
            CSV (.csv)
          </a>
        </span>
      </div>
      <p className="muted small template-example-note">模板第 2 行是示例（用的是本公司真实的员工、部门和客户）：原样留在文件里时导入会跳过它，不会写入。</p>
      {files.error && (
        <div className="inline-error" role="alert" data-testid="template-download-error">
          <strong>模板下载失败：</strong>
          {files.error}
        </div>
      )}
    </section>
  );
}
