import { nearestRankPercentile, nineBox, performanceCutoffs, performanceThird } from './nineBox';

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ceil(p × n)', () => {
    const v = [50, 10, 40, 20, 30, 60];
    expect(nearestRankPercentile(v, 100 / 3)).toBe(20);
    expect(nearestRankPercentile(v, 200 / 3)).toBe(40);
    expect(nearestRankPercentile(v, 100)).toBe(60);
    expect(nearestRankPercentile(v, 0)).toBe(10);
    expect(nearestRankPercentile([], 50)).toBeNull();
  });
});

describe('performance thirds', () => {
  it('splits sales at the 33rd and 67th percentiles: at the low cut-off is 低, above the high one is 高', () => {
    const c = performanceCutoffs([0, 0, 100, 200, 300, 900])!;
    expect(c).toEqual({ lowFen: 0, highFen: 200, population: 6 });
    expect(performanceThird(0, c)).toBe('low');
    expect(performanceThird(1, c)).toBe('mid');
    expect(performanceThird(200, c)).toBe('mid');
    expect(performanceThird(201, c)).toBe('high');
  });
  it('has no cut-offs without people', () => {
    expect(performanceCutoffs([])).toBeNull();
  });
});

describe('the nine boxes', () => {
  it('places each person by tier (row) and performance (column), keeping the given order', () => {
    const c = { lowFen: 100, highFen: 500, population: 9 };
    const cells = nineBox(
      [
        { person: 'a', tier: 'move', salesFen: 900 },
        { person: 'b', tier: 'move', salesFen: 900 },
        { person: 'c', tier: 'reassign', salesFen: 50 },
        { person: 'd', tier: 'train', salesFen: 300 },
      ],
      c,
    );
    expect(cells).toHaveLength(9);
    expect(cells.map((x) => `${x.tier}/${x.performance}`)).toEqual([
      'move/low',
      'move/mid',
      'move/high',
      'train/low',
      'train/mid',
      'train/high',
      'reassign/low',
      'reassign/mid',
      'reassign/high',
    ]);
    expect(cells[2]!.people).toEqual(['a', 'b']);
    expect(cells[4]!.people).toEqual(['d']);
    expect(cells[6]!.people).toEqual(['c']);
    expect(cells.reduce((s, x) => s + x.people.length, 0)).toBe(4);
    expect(cells[2]!.advice).toContain('明星');
  });
});
