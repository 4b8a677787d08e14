/**
 * One job model: its versions (state, dates, who), each with its dimensions; a draft can be edited, previewed
 * against everyone's stored portrait (影响预览: old score → new score and why) and published; any version can be
 * copied into a new draft. Published versions never change.
 */
import { useEffect, useState } from 'react';
import type { JobModelVersionView, JobModelView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Tag from 'antd-mobile/es/components/tag';
import { VersionList } from '../components/VersionList';
import { DimensionTable } from './DimensionTable';
import { ImpactPanel } from './ImpactPanel';
import { JobModelEditor } from './JobModelEditor';

export interface JobModelCardProps {
  model: JobModelView;
  focus: number | null;
  onSaved(v: JobModelVersionView): void;
  onPublish(v: JobModelVersionView): void;
}

export function JobModelCard({ model, focus, onSaved, onPublish }: JobModelCardProps) {
  const [open, setOpen] = useState<number | null>(focus ?? model.versions.find((v) => v.status === 'draft')?.id ?? model.currentVersionId ?? null);
  const [editing, setEditing] = useState<{ from: JobModelVersionView; mode: 'copy' | 'edit' } | null>(null);
  const [impactOf, setImpactOf] = useState<number | null>(null);
  const current = model.versions.find((v) => v.id === model.currentVersionId);
  useEffect(() => {
    if (focus !== null && model.versions.some((v) => v.id === focus)) setOpen(focus);
  }, [focus, model.versions]);

  return (
    <section className="card plan-card" data-testid={`job-model-${model.code}`}>
      <div className="card-head">
        <h2>{model.name}</h2>
        {current ? (
          <Tag color="success" fill="outline">
            第 {current.version} 版生效中
          </Tag>
        ) : (
          <Tag fill="outline">今日无生效版本</Tag>
        )}
      </div>
      {model.description && <div className="muted small plan-meta">{model.description}</div>}
      <VersionList
        versions={model.versions}
        currentVersionId={model.currentVersionId}
        open={open}
        onToggle={setOpen}
        content={(v) => (
          <>
            <DimensionTable definition={v.definition} testId={`jm-dims-${v.id}`} />
            {impactOf === v.id && <ImpactPanel versionId={v.id} />}
          </>
        )}
        actions={(v) => (
          <>
            {v.status === 'draft' ? (
              <>
                <Button size="small" color="primary" onClick={() => onPublish(v)} data-testid={`jm-publish-${v.id}`}>
                  发布
                </Button>
                <Button size="small" onClick={() => setEditing({ from: v, mode: 'edit' })} data-testid={`jm-edit-${v.id}`}>
                  修改草稿
                </Button>
              </>
            ) : (
              <Button size="small" onClick={() => setEditing({ from: v, mode: 'copy' })} data-testid={`jm-copy-${v.id}`}>
                复制为新版本
              </Button>
            )}
            <Button size="small" fill="outline" onClick={() => setImpactOf(impactOf === v.id ? null : v.id)} data-testid={`jm-impact-${v.id}`}>
              {impactOf === v.id ? '收起影响预览' : '影响预览'}
            </Button>
            {v.status === 'published' && <span className="muted small">已发布的版本不能修改</span>}
          </>
        )}
      />
      {model.versions.length === 0 && <div className="empty-text">还没有版本</div>}
      {editing && (
        <JobModelEditor
          key={`${editing.mode}-${editing.from.id}`}
          model={model}
          from={editing.from}
          mode={editing.mode}
          onCancel={() => setEditing(null)}
          onSaved={(v) => {
            setEditing(null);
            setOpen(v.id);
            setImpactOf(v.id);
            onSaved(v);
          }}
        />
      )}
    </section>
  );
}
