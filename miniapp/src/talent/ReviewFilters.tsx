/**
 * The 人才盘点 list's filters, applied by the server: search (name, 工号, title or department), department (with
 * everything below it), HR's decision, and the order. The tier is chosen on the distribution above.
 */
import type { DepartmentRef, TalentDecisionStatus, TalentReviewSort } from '@liucai/shared';
import SearchBar from 'antd-mobile/es/components/search-bar';

export interface ReviewFilterState {
  departmentId: number | null;
  decision: TalentDecisionStatus | null;
  sort: TalentReviewSort;
}

const DECISIONS: { value: TalentDecisionStatus | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'undecided', label: 'HR 未决定' },
  { value: 'decided', label: 'HR 已决定' },
];
const SORTS: { value: TalentReviewSort; label: string }[] = [
  { value: 'score_desc', label: '匹配度从高到低' },
  { value: 'score_asc', label: '匹配度从低到高' },
  { value: 'name', label: '姓名' },
];

export interface ReviewFiltersProps {
  text: string;
  onText(text: string): void;
  state: ReviewFilterState;
  departments: readonly DepartmentRef[];
  onChange(patch: Partial<ReviewFilterState>): void;
}

export function ReviewFilters({ text, onText, state, departments, onChange }: ReviewFiltersProps) {
  return (
    <div className="talent-filters" data-testid="talent-filters">
      <SearchBar placeholder="按姓名、工号、职位或部门搜索" value={text} onChange={onText} data-testid="talent-search" />
      {departments.length > 0 && (
        <label className="filter-field">
          部门
          <select
            value={state.departmentId ?? ''}
            onChange={(e) => onChange({ departmentId: e.target.value ? Number(e.target.value) : null })}
            data-testid="talent-dept"
          >
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.path}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="filter-field">
        决定
        <select
          value={state.decision ?? ''}
          onChange={(e) => onChange({ decision: (e.target.value || null) as TalentDecisionStatus | null })}
          data-testid="talent-decision-filter"
        >
          {DECISIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        排序
        <select value={state.sort} onChange={(e) => onChange({ sort: e.target.value as TalentReviewSort })} data-testid="talent-sort">
          {SORTS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
