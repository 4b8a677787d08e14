/**
 * The versions of a versioned rule (激励方案, 岗位模型 …), newest first: number, state, whether in force today and
 * dates; an open version shows its content, who created and published it, and its actions.
 */
import type { ReactNode } from 'react';
import { rangeText, type RuleVersionInfo } from '@liucai/shared';
import Tag from 'antd-mobile/es/components/tag';
import { formatDateTime } from '../util/format';
import './versionList.css';

export interface VersionListProps<V extends RuleVersionInfo> {
  versions: readonly V[];
  currentVersionId: number | null;
  open: number | null;
  onToggle(id: number | null): void;
  /** What the version says (rules, dimensions …). */
  content(v: V): ReactNode;
  actions(v: V): ReactNode;
}

export function VersionList<V extends RuleVersionInfo>({ versions, currentVersionId, open, onToggle, content, actions }: VersionListProps<V>) {
  return (
    <ul className="version-list">
      {versions.map((v) => (
        <li key={v.id} className={`version-item${open === v.id ? ' open' : ''}`} data-testid={`version-${v.id}`}>
          <button type="button" className="version-head" onClick={() => onToggle(open === v.id ? null : v.id)} aria-expanded={open === v.id}>
            <span className="version-number">第 {v.version} 版</span>
            <Tag color={v.status === 'published' ? 'success' : 'warning'}>{v.status === 'published' ? '已发布' : '草稿'}</Tag>
            {v.id === currentVersionId && <Tag color="primary">当前生效</Tag>}
            <span className="version-dates muted small">{rangeText({ from: v.effectiveFrom, to: v.effectiveTo })}</span>
          </button>
          {open === v.id && (
            <div className="version-body">
              {content(v)}
              <div className="muted small version-who">
                {v.note ? `${v.note} · ` : ''}
                {v.createdBy?.name ?? '—'} 创建于 {formatDateTime(v.createdAt)}
                {v.publishedAt ? ` · ${v.publishedBy?.name ?? '—'} 发布于 ${formatDateTime(v.publishedAt)}` : ''}
              </div>
              <div className="version-actions">{actions(v)}</div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
