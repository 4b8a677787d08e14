/** One incentive plan: its versions (state, dates, who), each readable; drafts editable and publishable; any copyable. */
import { useEffect, useState } from 'react';
import type { IncentivePlan, IncentivePlanVersion } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Tag from 'antd-mobile/es/components/tag';
import { VersionList } from '../components/VersionList';
import { PlanRules } from './PlanRules';
import { PlanVersionEditor } from './PlanVersionEditor';

export interface PlanCardProps {
  plan: IncentivePlan;
  /** The version to show open (e.g. the draft just saved). */
  focus: number | null;
  onSaved(v: IncentivePlanVersion): void;
  onPublish(v: IncentivePlanVersion): void;
}

export function PlanCard({ plan, focus, onSaved, onPublish }: PlanCardProps) {
  const [open, setOpen] = useState<number | null>(focus ?? plan.currentVersionId ?? plan.versions[0]?.id ?? null);
  const [editing, setEditing] = useState<{ from: IncentivePlanVersion; mode: 'copy' | 'edit' } | null>(null);
  const current = plan.versions.find((v) => v.id === plan.currentVersionId);
  // A version just saved or published opens once the reloaded list holds it.
  useEffect(() => {
    if (focus !== null && plan.versions.some((v) => v.id === focus)) setOpen(focus);
  }, [focus, plan.versions]);

  return (
    <section className="card plan-card" data-testid={`plan-${plan.code}`}>
      <div className="card-head">
        <h2>{plan.name}</h2>
        {current ? (
          <Tag color="success" fill="outline">
            第 {current.version} 版生效中
          </Tag>
        ) : (
          <Tag fill="outline">今日无生效版本</Tag>
        )}
      </div>
      <div className="muted small plan-meta">
        编号 {plan.code}
        {plan.description ? ` · ${plan.description}` : ''}
      </div>

      <VersionList
        versions={plan.versions}
        currentVersionId={plan.currentVersionId}
        open={open}
        onToggle={setOpen}
        content={(v) => <PlanRules definition={v.definition} testId={`version-rules-${v.id}`} />}
        actions={(v) =>
          v.status === 'draft' ? (
            <>
              <Button size="small" color="primary" onClick={() => onPublish(v)} data-testid={`publish-${v.id}`}>
                发布
              </Button>
              <Button size="small" onClick={() => setEditing({ from: v, mode: 'edit' })} data-testid={`edit-${v.id}`}>
                修改草稿
              </Button>
            </>
          ) : (
            <>
              <Button size="small" onClick={() => setEditing({ from: v, mode: 'copy' })} data-testid={`copy-${v.id}`}>
                复制为新版本
              </Button>
              <span className="muted small">已发布的版本不能修改</span>
            </>
          )
        }
      />
      {plan.versions.length === 0 && <div className="empty-text">还没有版本</div>}

      {editing && (
        <PlanVersionEditor
          key={`${editing.mode}-${editing.from.id}`}
          plan={plan}
          from={editing.from}
          mode={editing.mode}
          onCancel={() => setEditing(null)}
          onSaved={(v) => {
            setEditing(null);
            setOpen(v.id);
            onSaved(v);
          }}
        />
      )}
    </section>
  );
}
