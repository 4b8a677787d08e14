import { NO_DEPARTMENT, tierCountsByDepartment, tierDistribution } from './tierByDepartment';

const d = (id: number, path: string) => ({ id, name: path.split(' / ').pop()!, path });

describe('tier distribution by department', () => {
  it('counts each person once in their department, 数据不足 apart, departments by path (pinyin order) and the unassigned last', () => {
    const rows = tierCountsByDepartment([
      { department: d(2, '销售中心 / 乙组'), tier: 'move' },
      { department: null, tier: 'train' },
      { department: d(1, '销售中心 / 甲组'), tier: 'reassign' },
      { department: d(2, '销售中心 / 乙组'), tier: null },
      { department: d(2, '销售中心 / 乙组'), tier: 'move' },
    ]);
    expect(rows.map((r) => r.path)).toEqual(['销售中心 / 甲组', '销售中心 / 乙组', NO_DEPARTMENT]);
    expect(rows[1]).toEqual({ departmentId: 2, path: '销售中心 / 乙组', counts: { move: 2, train: 0, reassign: 0, insufficient: 1 }, total: 3 });
    expect(rows[2]!.counts.train).toBe(1);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(5);
  });
});

describe('tier distribution', () => {
  it('counts people per tier, 数据不足 as insufficient', () => {
    expect(tierDistribution([{ tier: 'move' }, { tier: null }, { tier: 'move' }, { tier: 'reassign' }])).toEqual({
      move: 2,
      train: 0,
      reassign: 1,
      insufficient: 1,
    });
    expect(tierDistribution([])).toEqual({ move: 0, train: 0, reassign: 0, insufficient: 0 });
  });
});
