import type { OrgDepartment } from '@liucai/shared';
import { buildDepartmentTree, departmentMatches, filterDepartmentTree, flattenTree, mergeDepartments, parentIds } from './departmentTree';

const dept = (id: number, parentId: number | null, name: string, managers: string[] = []): OrgDepartment => ({
  id,
  parentId,
  name,
  headcount: 1,
  totalHeadcount: 1,
  childCount: 0,
  managers: managers.map((m, i) => ({ userid: `${id}-${i}`, name: m, title: null })),
});

const org = [
  dept(1, null, '留才科技', ['老板']),
  dept(2, 1, '销售部', ['王经理']),
  dept(3, 2, '华东大客户组', ['李组长']),
  dept(4, 2, '华南组'),
  dept(5, 1, '人事部', ['赵HR']),
];

const names = (nodes: ReturnType<typeof buildDepartmentTree>): unknown =>
  nodes.map((n) => (n.children.length ? [n.dept.name, names(n.children)] : n.dept.name));

describe('buildDepartmentTree', () => {
  it('nests departments under their parents, keeping sibling order and depth', () => {
    const tree = buildDepartmentTree(org);
    expect(names(tree)).toEqual([['留才科技', [['销售部', ['华东大客户组', '华南组']], '人事部']]]);
    expect(flattenTree(tree).map((n) => [n.dept.id, n.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 1],
    ]);
  });

  it('makes departments whose parent is not visible (HR scopes) roots', () => {
    const scoped = [dept(3, 2, '华东大客户组'), dept(5, 1, '人事部'), dept(6, 3, '上海小组')];
    expect(names(buildDepartmentTree(scoped))).toEqual([['华东大客户组', ['上海小组']], '人事部']);
  });

  it('survives parent cycles and self-parents without looping', () => {
    const bad = [dept(1, 2, 'A'), dept(2, 1, 'B'), dept(3, 3, 'C'), dept(4, 1, 'D')];
    const all = flattenTree(buildDepartmentTree(bad))
      .map((n) => n.dept.id)
      .sort();
    expect(all).toEqual([1, 2, 3, 4]);
  });

  it('lists parents that have children', () => {
    expect(parentIds(buildDepartmentTree(org))).toEqual([1, 2]);
  });
});

describe('filterDepartmentTree', () => {
  const tree = buildDepartmentTree(org);

  it('matches department and manager names, case-insensitively', () => {
    expect(departmentMatches(org[2]!, '华东')).toBe(true);
    expect(departmentMatches(org[2]!, '李组')).toBe(true);
    expect(departmentMatches(dept(9, null, 'Key Accounts'), 'key')).toBe(true);
    expect(departmentMatches(org[3]!, '华东')).toBe(false);
  });

  it('keeps matches with the path to them', () => {
    expect(names(filterDepartmentTree(tree, '华南'))).toEqual([['留才科技', [['销售部', ['华南组']]]]]);
    expect(names(filterDepartmentTree(tree, '赵HR'))).toEqual([['留才科技', ['人事部']]]);
  });

  it('keeps the whole subtree of a matching department', () => {
    expect(names(filterDepartmentTree(tree, '销售'))).toEqual([['留才科技', [['销售部', ['华东大客户组', '华南组']]]]]);
  });

  it('returns nothing for no match and everything for a blank query', () => {
    expect(filterDepartmentTree(tree, '财务')).toEqual([]);
    expect(filterDepartmentTree(tree, '  ')).toEqual(tree);
  });
});

describe('mergeDepartments', () => {
  it('adds children loaded on expand to the tree, once each, the newer answer winning', () => {
    const first = [dept(1, null, '留才科技'), dept(2, 1, '销售部')];
    const children = [dept(3, 2, '华东大客户组'), { ...dept(2, 1, '销售中心'), headcount: 5 }];
    const merged = mergeDepartments(first, children);
    expect(merged.map((d) => d.id).sort()).toEqual([1, 2, 3]);
    expect(merged.find((d) => d.id === 2)).toMatchObject({ name: '销售中心', headcount: 5 });
    expect(names(buildDepartmentTree(merged))).toEqual([['留才科技', [['销售中心', ['华东大客户组']]]]]);
    expect(mergeDepartments(first, [])).toEqual(first);
  });
});
