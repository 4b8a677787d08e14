import { departmentPathLabels, departmentPaths, formatDepartmentPath } from './departmentPath';

const company = [
  { id: 1, parentId: null, name: '留才科技' },
  { id: 10, parentId: 1, name: '销售中心' },
  { id: 11, parentId: 10, name: '中小客户一部' },
  { id: 12, parentId: 11, name: '一组' },
  { id: 13, parentId: 10, name: '中小客户二部' },
  { id: 14, parentId: 13, name: '一组' },
  { id: 20, parentId: 1, name: '技术部' },
  { id: 21, parentId: 20, name: '一组' },
];

describe('departmentPaths', () => {
  it('tells the three 一组 apart by where they sit, leaving the company root out', () => {
    const labels = departmentPathLabels(company);
    expect(labels.get(12)).toBe('销售中心 / 中小客户一部 / 一组');
    expect(labels.get(14)).toBe('销售中心 / 中小客户二部 / 一组');
    expect(labels.get(21)).toBe('技术部 / 一组');
    expect(labels.get(10)).toBe('销售中心');
    expect(new Set([12, 14, 21].map((id) => labels.get(id))).size).toBe(3);
  });

  it('names the root by itself', () => {
    expect(departmentPaths(company).get(1)).toEqual(['留才科技']);
  });

  it('gives the same answer whatever order the list comes in', () => {
    const reversed = departmentPathLabels([...company].reverse());
    expect([...reversed.entries()].sort()).toEqual([...departmentPathLabels(company).entries()].sort());
  });

  it('starts at the edge of a partial list (an HR scope) and survives a parent loop', () => {
    const scoped = company.filter((d) => [11, 12].includes(d.id));
    expect(departmentPathLabels(scoped).get(12)).toBe('中小客户一部 / 一组');
    const loop = [
      { id: 1, parentId: 2, name: '甲' },
      { id: 2, parentId: 1, name: '乙' },
    ];
    const paths = departmentPaths(loop);
    // Finite, and each ends with the department's own name.
    expect(paths.get(1)?.at(-1)).toBe('甲');
    expect(paths.get(2)?.at(-1)).toBe('乙');
    expect((paths.get(1)?.length ?? 0) + (paths.get(2)?.length ?? 0)).toBeLessThanOrEqual(4);
  });

  it('formats with one separator', () => {
    expect(formatDepartmentPath(['销售中心', '一组'])).toBe('销售中心 / 一组');
    expect(formatDepartmentPath([])).toBe('');
  });
});
