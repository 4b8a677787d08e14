/** 组织架构 (HR/admin): org sync status and the department tree the user may see. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrgTree } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getDepartments } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { DepartmentTree } from '../org/DepartmentTree';
import { buildDepartmentTree } from '../org/departmentTree';
import { SyncCard } from '../org/SyncCard';

type TreeState = { status: 'loading' } | { status: 'ready'; tree: OrgTree } | { status: 'error'; message: string };

export default function OrgPage() {
  const [state, setState] = useState<TreeState>({ status: 'loading' });
  const [query, setQuery] = useState('');

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      setState({ status: 'ready', tree: await getDepartments() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const roots = useMemo(() => (state.status === 'ready' ? buildDepartmentTree(state.tree.departments) : []), [state]);
  const total = roots.reduce((sum, r) => sum + r.dept.totalHeadcount, 0);

  return (
    <PageLayout title="组织架构" testId="org-page">
      <SyncCard onSynced={() => void load(true)} />

      <section className="card org-card">
        <div className="card-head">
          <h2>部门</h2>
          {state.status === 'ready' && (
            <span className="muted small" data-testid="org-summary">
              {state.tree.departments.length} 个部门 · {total} 人
            </span>
          )}
        </div>
        <SearchBar placeholder="搜索部门或主管" value={query} onChange={setQuery} data-testid="org-search" />
        {state.status === 'loading' && (
          <div className="tree-skeleton" data-testid="org-loading">
            <Skeleton.Paragraph lineCount={5} animated />
          </div>
        )}
        {state.status === 'error' && (
          <ErrorBlock status="default" title="部门加载失败" description={state.message} data-testid="org-error">
            <Button color="primary" size="small" onClick={() => void load()}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {state.status === 'ready' &&
          (state.tree.departments.length === 0 ? (
            <ErrorBlock
              status="empty"
              title="暂无部门"
              description="还没有可见的部门。管理员可先点击上方“立即同步”，HR 请联系管理员分配负责部门。"
              data-testid="org-empty"
            />
          ) : (
            <DepartmentTree key={roots.map((r) => r.dept.id).join(',')} roots={roots} query={query} />
          ))}
      </section>
    </PageLayout>
  );
}
