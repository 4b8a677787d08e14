/** A labelled drop-down of a list's filter bar (人员, 人才盘点): one choice among `options`; '' is the first option's value when it means “all”. */
import type { DepartmentRef } from '@liucai/shared';

export interface FilterSelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  testId: string;
}

export function FilterSelect<V extends string>({ label, value, options, onChange, testId }: FilterSelectProps<V>) {
  return (
    <label className="filter-field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The department filter: 全部部门, then each department by its path. */
export function DepartmentSelect({
  departments,
  value,
  onChange,
  testId,
}: {
  departments: readonly DepartmentRef[];
  value: number | null;
  onChange(deptId: number | null): void;
  testId: string;
}) {
  return (
    <FilterSelect
      label="部门"
      value={value === null ? '' : String(value)}
      options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: String(d.id), label: d.path }))]}
      onChange={(v) => onChange(v ? Number(v) : null)}
      testId={testId}
    />
  );
}
