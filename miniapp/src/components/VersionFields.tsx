/** The dates and note of a new or edited rule version (激励方案, 岗位模型 …), in the editors' grid. */
import Input from 'antd-mobile/es/components/input';

/** Tomorrow in Asia/Shanghai (UTC+8, no DST), where rule dates are business days, wherever the browser is. */
export const tomorrow = (): string => new Date(Date.now() + (8 + 24) * 3600 * 1000).toISOString().slice(0, 10);

export interface VersionFieldsProps {
  effectiveFrom: string;
  effectiveTo: string;
  note: string;
  onChange(patch: Partial<{ effectiveFrom: string; effectiveTo: string; note: string }>): void;
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
