/** One component of the plan editor: its name and the fields its kind needs, in people's units. */
import { COMPONENT_KINDS } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import type { ComponentForm, TierForm } from './planForm';

function Field({
  label,
  value,
  onChange,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  placeholder?: string;
  testId: string;
}) {
  return (
    <label className="editor-field">
      <span className="editor-field-label">{label}</span>
      <Input value={value} onChange={onChange} placeholder={placeholder} data-testid={testId} />
    </label>
  );
}

export function ComponentEditor({ c, index, onChange, onRemove }: { c: ComponentForm; index: number; onChange(c: ComponentForm): void; onRemove(): void }) {
  const set = (patch: Partial<ComponentForm>) => onChange({ ...c, ...patch });
  const id = (field: string) => `component-${index}-${field}`;
  const setTier = (j: number, patch: Partial<TierForm>) => set({ tiers: c.tiers.map((t, k) => (k === j ? { ...t, ...patch } : t)) });
  return (
    <div className="component-editor" data-testid={`component-${index}`}>
      <div className="component-editor-head">
        <span className="component-kind">{COMPONENT_KINDS[c.kind]}</span>
        <Button size="mini" fill="none" color="danger" onClick={onRemove} data-testid={id('remove')}>
          删除
        </Button>
      </div>
      <div className="editor-grid">
        <Field label="名称" value={c.label} onChange={(label) => set({ label })} testId={id('label')} />
        {(c.kind === 'percentOfContract' || c.kind === 'renewalPercent') && (
          <Field
            label={c.kind === 'renewalPercent' ? '每续约一年（%）' : '合同金额的（%）'}
            value={c.rate}
            onChange={(rate) => set({ rate })}
            placeholder="如 0.8"
            testId={id('rate')}
          />
        )}
        {c.kind === 'renewalPercent' && <Field label="最多计算年数" value={c.max} onChange={(max) => set({ max })} placeholder="可空" testId={id('max')} />}
        {c.kind === 'thresholdBonus' && (
          <>
            <Field label="满意度不低于（分）" value={c.threshold} onChange={(threshold) => set({ threshold })} placeholder="如 9" testId={id('threshold')} />
            <Field label="每份合同奖金（元）" value={c.amount} onChange={(amount) => set({ amount })} placeholder="如 5000" testId={id('amount')} />
          </>
        )}
        {c.kind === 'perEvent' && (
          <>
            <Field
              label="协作部门"
              value={c.withDepartment}
              onChange={(withDepartment) => set({ withDepartment })}
              placeholder="如“技术部”，空为任意部门"
              testId={id('department')}
            />
            <Field label="每次（元）" value={c.amount} onChange={(amount) => set({ amount })} placeholder="如 200" testId={id('amount')} />
            <Field label="每期最多次数" value={c.max} onChange={(max) => set({ max })} placeholder="可空" testId={id('max')} />
          </>
        )}
        <Field label="每期上限（元）" value={c.cap} onChange={(cap) => set({ cap })} placeholder="可空，不设上限" testId={id('cap')} />
      </div>
      {c.kind === 'tiered' && (
        <div className="tier-list">
          {c.tiers.map((t, j) => (
            <div className="tier-row" key={j}>
              <Field label={`第 ${j + 1} 档起点（元）`} value={t.from} onChange={(from) => setTier(j, { from })} testId={id(`tier-${j}-from`)} />
              <Field label="比例（%）" value={t.rate} onChange={(rate) => setTier(j, { rate })} testId={id(`tier-${j}-rate`)} />
              {c.tiers.length > 1 && (
                <Button size="mini" fill="none" onClick={() => set({ tiers: c.tiers.filter((_, k) => k !== j) })}>
                  删档
                </Button>
              )}
            </div>
          ))}
          <Button size="mini" onClick={() => set({ tiers: [...c.tiers, { from: '', rate: '' }] })}>
            添加一档
          </Button>
        </div>
      )}
    </div>
  );
}
