/**
 * 组织架构 (HR/admin): org sync status and the department tree the user may see. The tree arrives a level at a time
 * (the roots and their children, then a department's children when it is opened); search asks the server, which
 * answers the matching departments with the path to each.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrgTree } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getDepartmentChildren, getDepartmentRoots, searchDepartments } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { DepartmentTree } from '../org/DepartmentTree';
import { buildDepartmentTree, parentIds } from '../org/departmentTree';
import { SyncCard } from '../org/SyncCard';

type Loaded = { status: 'loading' } | { status: 'ready'; tree: OrgTree } | { status: 'error'; message: string };

const SEARCH_DEBOUNCE_MS = 300;
const loadChildren = async (id: number) => (await getDepartmentChildren(id)).departments;

export default function OrgPage() {
  const [roots, setRoots] = useState<Loaded>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const [searchRetry, setSearchRetry] = useState(0);
  const term = query.trim();

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setRoots({ status: 'loading' });
    try {
      setRoots({ status: 'ready', tree: await getDepartmentRoots() });
      setGeneration((g) => g + 1);
    } catch (err) {
      setRoots({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // Debounced search; a newer query (or clearing it) discards an older answer.
  useEffect(() => {
    if (!term) {
      setSearch(null);
      return;
    }
    let cancelled = false;
    setSearch({ status: 'loading' });
    const timer = setTimeout(() => {
      searchDepartments(term).then(
        (tree) => !cancelled && setSearch({ status: 'ready', tree }),
        (err: unknown) => !cancelled && setSearch({ status: 'error', message: errorMessage(err) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [term, generation, searchRetry]);

  const shown = search ?? roots;
  const initiallyOpen = useMemo(() => {
    if (shown.status !== 'ready') return [];
    const forest = buildDepartmentTree(shown.tree.departments);
    // Roots view: the roots are open (their children came along). Search: every department on a path is open.
    return search ? parentIds(forest) : forest.map((n) => n.dept.id);
  }, [shown, search]);

  return (
    <PageLayout title="组织架构" testId="org-page">
      <SyncCard onSynced={() => void load(true)} />

      <section className="card org-card">
        <div className="card-head">
          <h2>部门</h2>
          {roots.status === 'ready' && (
            <span className="muted small" data-testid="org-summary">
              {roots.tree.totals.departments} 个部门 · {roots.tree.totals.headcount} 人
            </span>
          )}
        </div>
        <SearchBar placeholder="搜索部门或主管" value={query} onChange={setQuery} data-testid="org-search" />
        <div className="dept-legend" data-testid="org-legend">
          <span>部门 · 主管</span>
          <span>
            人数：<strong>直属</strong> / 含下级部门
          </span>
        </div>
        {shown.status === 'loading' && (
          <div className="tree-skeleton" data-testid="org-loading">
            <Skeleton.Paragraph lineCount={5} animated />
          </div>
        )}
        {shown.status === 'error' && (
          <ErrorBlock status="default" title={search ? '搜索失败' : '部门加载失败'} description={shown.message} data-testid="org-error">
            <Button color="primary" size="small" onClick={() => (search ? setSearchRetry((n) => n + 1) : void load())}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {shown.status === 'ready' && shown.tree.departments.length === 0 && (
          <div className="empty-text" data-testid={search ? 'org-tree-empty' : 'org-empty'}>
            {search ? `没有找到与“${term}”相关的部门或主管` : '还没有可见的部门。管理员可先点击上方“立即同步”，HR 请联系管理员分配负责部门。'}
          </div>
        )}
        {shown.status === 'ready' && shown.tree.departments.length > 0 && (
          <>
            <DepartmentTree
              key={search ? `search:${term}:${generation}` : `roots:${generation}`}
              departments={shown.tree.departments}
              initiallyOpen={initiallyOpen}
              query={search ? term : ''}
              loadChildren={loadChildren}
            />
            {shown.tree.truncated && (
              <div className="muted small org-truncated" data-testid="org-search-truncated">
                只显示前 50 个匹配的部门，请输入更完整的名称
              </div>
            )}
          </>
        )}
      </section>
    </PageLayout>
  );
}
