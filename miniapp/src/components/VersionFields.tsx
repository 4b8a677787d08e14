/**
 * The dates and note of a new or edited rule version (激励方案, 岗位模型 …), in the editors' grid, and the editors'
 * draft state: those fields, saving it (create a copy or update the draft) and the server's answer.
 */
import { useCallback, useState } from 'react';
import type { RuleVersionInfo, RuleVersionInput } from '@liucai/shared';
import Input from 'antd-mobile/es/components/input';
import { errorMessage } from '../api/client';

/** Tomorrow in Asia/Shanghai (UTC+8, no DST), where rule dates are business days, wherever the browser is. */
export const tomorrow = (): string => new Date(Date.now() + (8 + 24) * 3600 * 1000).toISOString().slice(0, 10);

type Fields = { effectiveFrom: string; effectiveTo: string; note: string };

/**
 * A version being written: a copy of `from` (from tomorrow, noted as a copy) or `from` itself (a draft). `save` sends
 * the definition with the fields through `write`; a refusal shows as `serverError`, nothing else changes.
 */
export function useVersionDraft<D, V>(
  from: RuleVersionInfo,
  mode: 'copy' | 'edit',
  write: { create(body: RuleVersionInput<D>): Promise<V>; update(body: RuleVersionInput<D>): Promise<V> },
  onSaved: (v: V) => void,
) {
  const [fields, setFields] = useState<Fields>(() =>
    mode === 'edit'
      ? { effectiveFrom: from.effectiveFrom, effectiveTo: from.effectiveTo ?? '', note: from.note ?? '' }
      : { effectiveFrom: tomorrow(), effectiveTo: '', note: `复制自第 ${from.version} 版` },
  );
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const onChange = useCallback((patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch })), []);
  const save = async (definition: D) => {
    setSaving(true);
    setServerError(null);
    const body = { effectiveFrom: fields.effectiveFrom, effectiveTo: fields.effectiveTo || null, note: fields.note || null, definition };
    try {
      onSaved(mode === 'edit' ? await write.update(body) : await write.create(body));
    } catch (err) {
      setServerError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return { fields, onChange, save, saving, serverError };
}

export interface VersionFieldsProps {
  effectiveFrom: string;
  effectiveTo: string;
  note: string;
  onChange(patch: Partial<Fields>): void;
  notePlaceholder: string;
  /** Test ids are `<prefix>-from`, `<prefix>-to`, `<prefix>-note`. */
  testIdPrefix: string;
}

export function VersionFields({ effectiveFrom, effectiveTo, note, onChange, notePlaceholder, testIdPrefix }: VersionFieldsProps) {
  return (
    <div className="editor-grid">
      <label className="editor-field">
        <span className="editor-field-label">生效日期</span>
        <input
          type="date"
          className="date-input"
          value={effectiveFrom}
          onChange={(e) => onChange({ effectiveFrom: e.target.value })}
          data-testid={`${testIdPrefix}-from`}
        />
      </label>
      <label className="editor-field">
        <span className="editor-field-label">截止日期（可空，长期有效）</span>
        <input
          type="date"
          className="date-input"
          value={effectiveTo}
          onChange={(e) => onChange({ effectiveTo: e.target.value })}
          data-testid={`${testIdPrefix}-to`}
        />
      </label>
      <label className="editor-field wide">
        <span className="editor-field-label">备注</span>
        <Input value={note} onChange={(v) => onChange({ note: v })} placeholder={notePlaceholder} data-testid={`${testIdPrefix}-note`} />
      </label>
    </div>
  );
}
