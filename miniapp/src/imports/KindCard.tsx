/** Step 1: what the file holds (the five kinds), its columns, and the templates to fill in. */
import type { ImportKind, ImportKindInfo } from '@liucai/shared';
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { importTemplateUrl } from '../api/endpoints';
import { IMPORT_KIND_HINTS, IMPORT_KIND_OPTIONS } from './importDisplay';

export interface KindCardProps {
  kind: ImportKind;
  onChange(kind: ImportKind): void;
  /** Column descriptions from the server; null while loading or when they failed to load. */
  info: ImportKindInfo | null;
  infoError: string | null;
  disabled: boolean;
}

export function KindCard({ kind, onChange, info, infoError, disabled }: KindCardProps) {
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
          <a className="template-link" href={importTemplateUrl(kind, 'xlsx')} download data-testid="template-xlsx">
            Excel (.xlsx)
          </a>
          <a className="template-link" href={importTemplateUrl(kind, 'csv')} download data-testid="template-csv">
            CSV (.csv)
          </a>
        </span>
      </div>
    </section>
  );
}
