/**
 * Create a job-model version (from a copy) or edit a draft: dates, note, each dimension's name, data source, rule and
 * weight, and the weight that may lack data. The shared validation runs as HR types (the weight total shows live;
 * 33.3 × 3 is named as 99.9); a live preview scores values HR enters with the same code the nightly job runs.
 */
import { useMemo, useState } from 'react';
import {
  RULE_KIND_LABELS,
  TALENT_INPUT_KEYS,
  scoreMatch,
  talentInputInfo,
  validateJobModel,
  type JobModelDefinition,
  type JobModelVersionView,
  type JobModelView,
  type TalentInputKey,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Selector from 'antd-mobile/es/components/selector';
import { VersionFields, useVersionDraft } from '../components/VersionFields';
import { createJobModelVersion, updateJobModelVersion } from '../api/talentEndpoints';
import { definitionFromForm, formFromDefinition, newDimension, type DimensionForm, type JobModelForm, type RuleKind } from './jobModelForm';

export interface JobModelEditorProps {
  model: JobModelView;
  from: JobModelVersionView;
  mode: 'copy' | 'edit';
  onSaved(v: JobModelVersionView): void;
  onCancel(): void;
}

/** Sum of weight texts in hundredths (display only; the shared validation decides). */
const weightTotal = (form: JobModelForm) => form.dimensions.reduce((s, d) => s + Math.round((Number(d.weight) || 0) * 100), 0) / 100;

export function JobModelEditor({ model, from, mode, onSaved, onCancel }: JobModelEditorProps) {
  const [form, setForm] = useState<JobModelForm>(() => formFromDefinition(from.definition));
  const [sample, setSample] = useState<Record<string, string>>({});
  const draft = useVersionDraft<JobModelDefinition, JobModelVersionView>(
    from,
    mode,
    { create: (b) => createJobModelVersion(model.id, b), update: (b) => updateJobModelVersion(from.id, b) },
    onSaved,
  );
  const definition = useMemo(() => definitionFromForm(form), [form]);
  const checked = useMemo(() => validateJobModel(definition), [definition]);
  const preview = useMemo(() => {
    if (!checked.ok) return null;
    try {
      return scoreMatch(checked.compiled, Object.fromEntries(form.dimensions.map((d) => [d.id, sample[d.id]?.trim() || null])));
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [checked, form.dimensions, sample]);
  const total = weightTotal(form);

  const change = (key: string, patch: Partial<DimensionForm>) =>
    setForm((f) => ({ ...f, dimensions: f.dimensions.map((d) => (d.key === key ? { ...d, ...patch } : d)) }));
  const save = () => {
    if (checked.ok) void draft.save(definition);
  };

  return (
    <div className="version-editor" data-testid="job-model-editor">
      <h3 className="editor-title">{mode === 'edit' ? `修改草稿：第 ${from.version} 版` : `新建版本（以第 ${from.version} 版为基础）`}</h3>
      <VersionFields {...draft.fields} onChange={draft.onChange} notePlaceholder="如“资源协调权重提高到 40%”" testIdPrefix="jm" />

      <div className="section-label">
        维度
        <span className={`jm-total${total === 100 ? ' ok' : ' bad'}`} data-testid="jm-total">
          权重合计 {total}%{total === 100 ? ' ✓' : '，应为 100%'}
        </span>
      </div>
      {form.dimensions.map((d, i) => (
        <div key={d.key} className="jm-dim" data-testid={`jm-dim-${i}`}>
          <div className="editor-grid">
            <label className="editor-field">
              <span className="editor-field-label">名称</span>
              <Input value={d.label} onChange={(label) => change(d.key, { label })} placeholder="如“资源协调”" />
            </label>
            <label className="editor-field">
              <span className="editor-field-label">权重（%）</span>
              <Input value={d.weight} onChange={(weight) => change(d.key, { weight })} inputMode="decimal" data-testid={`jm-weight-${i}`} />
            </label>
            <label className="editor-field wide">
              <span className="editor-field-label">数据来源</span>
              <select className="jm-select" value={d.input} onChange={(e) => change(d.key, { input: e.target.value as TalentInputKey })}>
                {TALENT_INPUT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {talentInputInfo(k)!.label}（{talentInputInfo(k)!.unit}）
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Selector
            options={(Object.keys(RULE_KIND_LABELS) as RuleKind[]).map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))}
            value={[d.kind]}
            onChange={(v) => v[0] && change(d.key, { kind: v[0] })}
            showCheckMark={false}
          />
          <div className="editor-grid">
            {d.kind === 'linear' && (
              <label className="editor-field">
                <span className="editor-field-label">下限（计 0）</span>
                <Input value={d.floor} onChange={(floor) => change(d.key, { floor })} inputMode="decimal" />
              </label>
            )}
            {d.kind !== 'banded' && (
              <label className="editor-field">
                <span className="editor-field-label">目标（计 100）</span>
                <Input value={d.target} onChange={(target) => change(d.key, { target })} inputMode="decimal" />
              </label>
            )}
            {d.kind === 'banded' && (
              <label className="editor-field wide">
                <span className="editor-field-label">分档：最低值:得分，用逗号隔开</span>
                <Input value={d.bands} onChange={(bands) => change(d.key, { bands })} placeholder="0:0，6:40，8:80，9:100" />
              </label>
            )}
            <label className="editor-field">
              <span className="editor-field-label">试算输入（{talentInputInfo(d.input)?.unit}）</span>
              <Input
                value={sample[d.id] ?? ''}
                onChange={(v) => setSample((s) => ({ ...s, [d.id]: v }))}
                placeholder="空 = 数据不足"
                inputMode="decimal"
                data-testid={`jm-sample-${i}`}
              />
            </label>
          </div>
          <Button size="mini" fill="none" onClick={() => setForm((f) => ({ ...f, dimensions: f.dimensions.filter((x) => x.key !== d.key) }))}>
            删除此维度
          </Button>
        </div>
      ))}
      <div className="editor-grid">
        <Button size="small" onClick={() => setForm((f) => ({ ...f, dimensions: [...f.dimensions, newDimension(f)] }))} data-testid="jm-add">
          添加维度
        </Button>
        <label className="editor-field">
          <span className="editor-field-label">允许缺数据的权重（%）</span>
          <Input value={form.maxMissingWeight} onChange={(maxMissingWeight) => setForm((f) => ({ ...f, maxMissingWeight }))} inputMode="decimal" />
        </label>
      </div>

      {!checked.ok && (
        <ul className="inline-error editor-problems" data-testid="jm-problems">
          {checked.problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      )}
      {preview && 'error' in preview && <div className="inline-error">{preview.error}</div>}
      {preview && !('error' in preview) && (
        <div className="editor-preview" data-testid="jm-preview">
          试算：<strong>{preview.score === null ? '数据不足' : `${preview.score} 分 · ${preview.tierLabel}`}</strong>
          <div className="muted small">{preview.explanation}</div>
          <ul className="jm-preview-dims small">
            {preview.dimensions.map((d) => (
              <li key={d.id}>
                {d.label}：{d.score === null ? '数据不足' : `${d.score} 分 × ${d.appliedWeight ?? d.weight}% = ${d.contribution ?? '—'}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft.serverError && (
        <div className="inline-error" data-testid="jm-server-error">
          {draft.serverError}
        </div>
      )}
      <div className="editor-actions">
        <Button color="primary" loading={draft.saving} disabled={!checked.ok} onClick={save} data-testid="jm-save">
          保存为草稿
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </div>
    </div>
  );
}
