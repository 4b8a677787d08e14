/**
 * The 人才盘点 list's filters, applied by the server: search (name, 工号, title or department), department (with
 * everything below it), HR's decision, and the order. The tier is chosen on the distribution above.
 */
import type { DepartmentRef, TalentDecisionStatus, TalentReviewSort } from '@liucai/shared';
import SearchBar from 'antd-mobile/es/components/search-bar';
import { DepartmentSelect, FilterSelect } from '../components/FilterSelect';

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
        <DepartmentSelect departments={departments} value={state.departmentId} onChange={(departmentId) => onChange({ departmentId })} testId="talent-dept" />
      )}
      <FilterSelect
        label="决定"
        value={state.decision ?? ''}
        options={DECISIONS}
        onChange={(v) => onChange({ decision: v || null })}
        testId="talent-decision-filter"
      />
      <FilterSelect label="排序" value={state.sort} options={SORTS} onChange={(sort) => onChange({ sort })} testId="talent-sort" />
    </div>
  );
}
