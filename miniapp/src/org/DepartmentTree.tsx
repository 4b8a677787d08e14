/** Collapsible department tree with headcounts and managers; searching expands everything that matches. */
import { useMemo, useState } from 'react';
import type { OrgDepartment } from '@liucai/shared';
import { ChevronIcon } from '../components/icons';
import { departmentMatches, filterDepartmentTree, parentIds, type DeptNode } from './departmentTree';

export interface DepartmentTreeProps {
  roots: readonly DeptNode[];
  query: string;
}

export function DepartmentTree({ roots, query }: DepartmentTreeProps) {
  // Roots start open so the first level is visible; everything else is collapsed until tapped.
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(roots.map((r) => r.dept.id)));
  const searching = query.trim().length > 0;
  const shown = useMemo(() => filterDepartmentTree(roots, query), [roots, query]);
  const expanded = useMemo(() => (searching ? new Set(parentIds(shown)) : open), [searching, shown, open]);

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (shown.length === 0) {
    return (
      <div className="empty-text" data-testid="org-tree-empty">
        {searching ? `没有找到与“${query.trim()}”相关的部门或主管` : '暂无部门'}
      </div>
    );
  }

  const renderNode = (n: DeptNode) => {
    const hasChildren = n.children.length > 0;
    const isOpen = expanded.has(n.dept.id);
    return (
      <li key={n.dept.id} role="treeitem" aria-expanded={hasChildren ? isOpen : undefined}>
        <div
          className={`dept-row${searching && departmentMatches(n.dept, query) ? ' dept-match' : ''}`}
          style={{ paddingLeft: 12 + n.depth * 18 }}
          onClick={hasChildren ? () => toggle(n.dept.id) : undefined}
          data-testid={`dept-${n.dept.id}`}
        >
          <span className={`dept-toggle${hasChildren ? '' : ' dept-toggle-leaf'}${isOpen ? ' dept-toggle-open' : ''}`}>
            {hasChildren && <ChevronIcon size={14} />}
          </span>
          <div className="dept-main">
            <div className="dept-name">{n.dept.name}</div>
            <ManagerLine dept={n.dept} />
          </div>
          <div className="dept-count" title="直属人数 / 含下级部门总人数">
            <strong>{n.dept.headcount}</strong>
            <span className="muted"> / {n.dept.totalHeadcount} 人</span>
          </div>
        </div>
        {hasChildren && isOpen && <ul role="group">{n.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <ul className="dept-tree" role="tree" data-testid="org-tree">
      {shown.map(renderNode)}
    </ul>
  );
}

function ManagerLine({ dept }: { dept: OrgDepartment }) {
  if (dept.managers.length === 0) return <div className="dept-managers muted">未设置主管</div>;
  return <div className="dept-managers">主管：{dept.managers.map((m) => m.name).join('、')}</div>;
}
