/** 人员 (HR/admin): the people directory within one's scope — search, filters, sortable table (PC) or cards (phone). */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DepartmentRef, Paged, PersonSummary } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getDirectoryDepartments, getPeople } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { Pager } from '../components/Pager';
import { DepartmentSelect } from '../components/FilterSelect';
import { navigate, useHashRoute } from '../router/hashRoute';
import { PeopleTable } from '../people/PeopleTable';
import { apiQuery, directoryQuery, isFiltered, PAGE_SIZE, readDirectoryState, type DirectoryState } from '../people/peopleFilters';

type ListState = { status: 'loading' } | { status: 'ready'; page: Paged<PersonSummary> } | { status: 'error'; message: string };

const STATUS_OPTIONS = [
  { label: '在职', value: 'active' },
  { label: '已离职', value: 'left' },
  { label: '全部', value: 'all' },
] as const;

const SORT_OPTIONS = [
  { label: '按姓名', value: 'name' },
  { label: '按工号', value: 'jobNumber' },
  { label: '入职日期：新→旧', value: '-hiredOn' },
  { label: '入职日期：旧→新', value: 'hiredOn' },
  { label: '离职日期：新→旧', value: '-leftOn' },
] as const;

const SEARCH_DEBOUNCE_MS = 300;

export default function PeoplePage() {
  const route = useHashRoute();
  const qs = route.query.toString();
  const state = useMemo(() => readDirectoryState(new URLSearchParams(qs)), [qs]);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [depts, setDepts] = useState<DepartmentRef[]>([]);
  const [text, setText] = useState(state.q);
  const [reload, setReload] = useState(0);

  /** Write a new state into the URL (replacing the entry while typing, so back leaves the page, not each letter). */
  const update = useCallback(
    (patch: Partial<DirectoryState>, opts: { replace?: boolean } = {}) => {
      const next = { ...state, page: 1, ...patch };
      navigate('/people', { query: directoryQuery(next), replace: opts.replace });
    },
    [state],
  );

  useEffect(() => {
    getDirectoryDepartments().then(
      (d) => setDepts(d.departments),
      () => setDepts([]),
    );
  }, []);

  // Debounced search: the URL (and so the list) follows the search box.
  const latest = useRef(update);
  latest.current = update;
  useEffect(() => {
    if (text.trim() === state.q.trim()) return;
    const timer = setTimeout(() => latest.current({ q: text }, { replace: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, state.q]);

  const key = JSON.stringify(apiQuery(state));
  useEffect(() => {
    let cancelled = false;
    setList((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    getPeople(JSON.parse(key)).then(
      (page) => !cancelled && setList({ status: 'ready', page }),
      (err: unknown) => !cancelled && setList({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, reload]);

  const open = (p: PersonSummary) => navigate('/person', { query: { u: p.userid } });

  return (
    <PageLayout title="人员" testId="people-page">
      <section className="card">
        <div className="card-head">
          <h2>人员目录</h2>
          {isFiltered(state) && (
            <a
              className="link small"
              onClick={() => {
                setText('');
                navigate('/people');
              }}
              data-testid="people-clear"
            >
              清除筛选
            </a>
          )}
        </div>
        <div className="people-filters" data-testid="people-filters">
          <SearchBar placeholder="搜索姓名、拼音首字母（如 zs）、工号、部门或职位" value={text} onChange={setText} data-testid="people-search" />
          <Selector
            options={STATUS_OPTIONS.map((o) => ({ ...o }))}
            value={[state.status]}
            onChange={(v) => v[0] && update({ status: v[0] })}
            data-testid="people-status"
          />
          {depts.length > 0 && <DepartmentSelect departments={depts} value={state.deptId} onChange={(deptId) => update({ deptId })} testId="people-dept" />}
          <label className="filter-field">
            入职
            <input
              type="date"
              value={state.hiredFrom}
              max={state.hiredTo || undefined}
              onChange={(e) => update({ hiredFrom: e.target.value })}
              aria-label="入职日期从"
              data-testid="people-hired-from"
            />
            至
            <input
              type="date"
              value={state.hiredTo}
              min={state.hiredFrom || undefined}
              onChange={(e) => update({ hiredTo: e.target.value })}
              aria-label="入职日期到"
              data-testid="people-hired-to"
            />
          </label>
          <label className="filter-field people-sort">
            排序
            <select value={state.sort} onChange={(e) => update({ sort: e.target.value as DirectoryState['sort'] })} data-testid="people-sort">
              {SORT_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              {!SORT_OPTIONS.some((o) => o.value === state.sort) && <option value={state.sort}>按表头排序</option>}
            </select>
          </label>
          {state.supervisor && (
            <span className="filter-chip" data-testid="people-supervisor-chip">
              {state.supervisor.name} 的直属下属
              <button type="button" aria-label="取消主管筛选" onClick={() => update({ supervisor: null })}>
                ×
              </button>
            </span>
          )}
        </div>

        {list.status === 'loading' && <Skeleton.Paragraph lineCount={6} animated />}
        {list.status === 'error' && (
          <ErrorBlock status="default" title="人员加载失败" description={list.message} data-testid="people-error">
            <Button color="primary" size="small" onClick={() => setReload((n) => n + 1)}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {list.status === 'ready' && (
          <>
            <PeopleTable
              people={list.page.items}
              sort={state.sort}
              onSort={(sort) => update({ sort })}
              onOpen={open}
              onSupervisor={(s) => update({ supervisor: { userid: s.userid, name: s.name } })}
              empty={isFiltered(state) ? '没有符合条件的人员，换个搜索词或清除筛选试试' : '你负责的部门里还没有人员'}
            />
            <Pager total={list.page.total} page={state.page} pageSize={PAGE_SIZE} unit="人" onPage={(page) => update({ page })} testId="people-pager" />
          </>
        )}
      </section>
    </PageLayout>
  );
}
