/**
 * Create a version (from a copy of an existing one) or edit a draft: dates, note, components and plan rules in
 * people's units. The shared validation runs as one types; the server checks again (and the dates against the
 * published versions) when saving. A preview computes the articles' example with the edited plan.
 */
import { useMemo, useState } from 'react';
import {
  COMPONENT_KINDS,
  computePayout,
  type ComponentKind,
  type IncentivePlan,
  type IncentivePlanDefinition,
  type IncentivePlanVersion,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Selector from 'antd-mobile/es/components/selector';
import Switch from 'antd-mobile/es/components/switch';
import { VersionFields, useVersionDraft } from '../components/VersionFields';
import { createPlanVersion, updatePlanVersion } from '../api/payEndpoints';
import { ComponentEditor } from './ComponentEditor';
import { definitionFromForm, formFromDefinition, newComponent, type PlanForm } from './planForm';
import { yuanText } from './PayoutLines';

const EXAMPLE = { contracts: [{ valueFen: 15_000_000, satisfactionTenths: 92, renewalYears: 2 }], events: { coordination: 8 } };

export interface PlanVersionEditorProps {
  plan: IncentivePlan;
  /** The version copied from (a new version), or the draft edited. */
  from: IncentivePlanVersion;
  mode: 'copy' | 'edit';
  onSaved(v: IncentivePlanVersion): void;
  onCancel(): void;
}

export function PlanVersionEditor({ plan, from, mode, onSaved, onCancel }: PlanVersionEditorProps) {
  const [form, setForm] = useState<PlanForm>(() => formFromDefinition(from.definition));
  const [addKind, setAddKind] = useState<ComponentKind>('percentOfContract');
  const draft = useVersionDraft<IncentivePlanDefinition, IncentivePlanVersion>(
    from,
    mode,
    { create: (b) => createPlanVersion(plan.id, b), update: (b) => updatePlanVersion(from.id, b) },
    onSaved,
  );
  const checked = useMemo(() => definitionFromForm(form), [form]);
  const preview = useMemo(() => (checked.ok ? computePayout(checked.definition, EXAMPLE) : null), [checked]);

  const save = () => {
    if (checked.ok) void draft.save(checked.definition);
  };

  return (
    <div className="version-editor" data-testid="version-editor">
      <h3 className="editor-title">{mode === 'edit' ? `修改草稿：第 ${from.version} 版` : `新建版本（以第 ${from.version} 版为基础）`}</h3>
      <VersionFields {...draft.fields} onChange={draft.onChange} notePlaceholder="如“调整合同提成比例”" testIdPrefix="editor" />

      <div className="section-label">组件</div>
      {form.components.map((c, i) => (
        <ComponentEditor
          key={c.key}
          c={c}
          index={i}
          onChange={(next) => setForm((f) => ({ ...f, components: f.components.map((x) => (x.key === c.key ? next : x)) }))}
          onRemove={() => setForm((f) => ({ ...f, components: f.components.filter((x) => x.key !== c.key) }))}
        />
      ))}
      <div className="add-component">
        <Selector
          options={Object.entries(COMPONENT_KINDS).map(([value, label]) => ({ value: value as ComponentKind, label }))}
          value={[addKind]}
          onChange={(v) => v[0] && setAddKind(v[0])}
          showCheckMark={false}
        />
        <Button
          size="small"
          onClick={() => setForm((f) => ({ ...f, components: [...f.components, newComponent(addKind, f.components)] }))}
          data-testid="editor-add"
        >
          添加组件
        </Button>
      </div>

      <div className="section-label">方案规则</div>
      <div className="editor-grid">
        <label className="editor-field">
          <span className="editor-field-label">每期总上限（元，可空）</span>
          <Input
            value={form.periodCap}
            onChange={(periodCap) => setForm((f) => ({ ...f, periodCap }))}
            placeholder="不设上限"
            data-testid="editor-period-cap"
          />
        </label>
        <label className="editor-field">
          <span className="editor-field-label">转型保底</span>
          <Switch checked={form.guarantee} onChange={(guarantee) => setForm((f) => ({ ...f, guarantee }))} data-testid="editor-guarantee" />
        </label>
        {form.guarantee && (
          <>
            <label className="editor-field">
              <span className="editor-field-label">保底月数</span>
              <Input value={form.rampMonths} onChange={(rampMonths) => setForm((f) => ({ ...f, rampMonths }))} data-testid="editor-ramp" />
            </label>
            <label className="editor-field">
              <span className="editor-field-label">不低于转岗前月均的（%）</span>
              <Input value={form.floorPercent} onChange={(floorPercent) => setForm((f) => ({ ...f, floorPercent }))} data-testid="editor-floor" />
            </label>
          </>
        )}
      </div>

      {!checked.ok && (
        <ul className="inline-error editor-problems" data-testid="editor-problems">
          {checked.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {preview && (
        <div className="editor-preview" data-testid="editor-preview">
          示例试算（15 万元合同、满意度 9.2、续约 2 年、协作 8 次）：<strong>{yuanText(preview.totalFen)}</strong>
          <div className="muted small">{preview.explanation}</div>
        </div>
      )}
      {draft.serverError && (
        <div className="inline-error" data-testid="editor-server-error">
          {draft.serverError}
        </div>
      )}
      <div className="editor-actions">
        <Button color="primary" loading={draft.saving} disabled={!checked.ok} onClick={save} data-testid="editor-save">
          保存为草稿
        </Button>
        <Button onClick={onCancel} data-testid="editor-cancel">
          取消
        </Button>
      </div>
    </div>
  );
}
