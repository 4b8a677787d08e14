/**
 * Collapsible department tree with headcounts and managers. It starts from the departments it is given and loads a
 * department's children when it is first opened (the org of 10,000 people is never sent whole).
 */
import { useMemo, useState } from 'react';
import type { OrgDepartment } from '@liucai/shared';
import { ChevronIcon } from '../components/icons';
import { errorMessage } from '../api/client';
import { buildDepartmentTree, departmentMatches, mergeDepartments, type DeptNode } from './departmentTree';

export interface DepartmentTreeProps {
  /** The departments loaded so far (flat; parents before or after children). */
  departments: readonly OrgDepartment[];
  /** Departments open at first (the roots; while searching, every department on a path to a match). */
  initiallyOpen: readonly number[];
  /** The search words: matching departments are highlighted. */
  query: string;
  loadChildren(parentId: number): Promise<OrgDepartment[]>;
}

type ChildLoad = { status: 'loading' } | { status: 'error'; message: string };

export function DepartmentTree({ departments, initiallyOpen, query, loadChildren }: DepartmentTreeProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(initiallyOpen));
  const [loaded, setLoaded] = useState<readonly OrgDepartment[]>([]);
  const [loads, setLoads] = useState<ReadonlyMap<number, ChildLoad>>(new Map());
  const roots = useMemo(() => buildDepartmentTree(mergeDepartments(departments, loaded)), [departments, loaded]);
  const searching = query.trim().length > 0;

  const fetchChildren = (id: number) => {
    setLoads((prev) => new Map(prev).set(id, { status: 'loading' }));
    loadChildren(id).then(
      (children) => {
        setLoaded((prev) => mergeDepartments(prev, children));
        setLoads((prev) => {
          const next = new Map(prev);
          next.delete(id);
          return next;
        });
      },
      (err: unknown) => setLoads((prev) => new Map(prev).set(id, { status: 'error', message: errorMessage(err) })),
    );
  };

  const toggle = (n: DeptNode) => {
    const id = n.dept.id;
    const opening = !open.has(id);
    setOpen((prev) => {
      const next = new Set(prev);
      if (opening) next.add(id);
      else next.delete(id);
      return next;
    });
    if (opening && n.children.length === 0 && !loads.has(id)) fetchChildren(id);
  };

  const renderNode = (n: DeptNode) => {
    const hasChildren = n.dept.childCount > 0 || n.children.length > 0;
    const isOpen = open.has(n.dept.id);
    const load = loads.get(n.dept.id);
    const indent = { paddingLeft: 12 + (n.depth + 1) * 18 };
    return (
      <li key={n.dept.id} role="treeitem" aria-expanded={hasChildren ? isOpen : undefined}>
        <div
          className={`dept-row${hasChildren ? ' dept-row-parent' : ''}${searching && departmentMatches(n.dept, query) ? ' dept-match' : ''}`}
          style={{ paddingLeft: 12 + n.depth * 18 }}
          onClick={hasChildren ? () => toggle(n) : undefined}
          data-testid={`dept-${n.dept.id}`}
        >
          <span className={`dept-toggle${hasChildren ? '' : ' dept-toggle-leaf'}${isOpen ? ' dept-toggle-open' : ''}`}>
            {hasChildren && <ChevronIcon size={14} />}
          </span>
          <div className="dept-main">
            <div className="dept-name">{n.dept.name}</div>
            <ManagerLine dept={n.dept} />
          </div>
          <div
            className="dept-count"
            aria-label={`直属 ${n.dept.headcount} 人，含下级部门共 ${n.dept.totalHeadcount} 人`}
            data-testid={`dept-count-${n.dept.id}`}
          >
            <strong>{n.dept.headcount}</strong>
            <span className="muted"> / {n.dept.totalHeadcount} 人</span>
          </div>
        </div>
        {hasChildren && isOpen && load?.status === 'loading' && (
          <div className="dept-child-note muted" style={indent} data-testid={`dept-loading-${n.dept.id}`}>
            正在加载下级部门…
          </div>
        )}
        {hasChildren && isOpen && load?.status === 'error' && (
          <div className="dept-child-note dept-child-error" style={indent} data-testid={`dept-load-error-${n.dept.id}`}>
            下级部门加载失败：{load.message}
            <button type="button" className="dept-retry" onClick={() => fetchChildren(n.dept.id)}>
              重试
            </button>
          </div>
        )}
        {hasChildren && isOpen && n.children.length > 0 && <ul role="group">{n.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <ul className="dept-tree" role="tree" data-testid="org-tree">
      {roots.map(renderNode)}
    </ul>
  );
}

function ManagerLine({ dept }: { dept: OrgDepartment }) {
  if (dept.managers.length === 0) return <div className="dept-managers muted">未设置主管</div>;
  return <div className="dept-managers">主管：{dept.managers.map((m) => m.name).join('、')}</div>;
}
