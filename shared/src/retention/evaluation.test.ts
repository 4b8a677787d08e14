import { crossValidatedAuc, rocAuc, stratifiedFolds } from './evaluation';

describe('ROC-AUC', () => {
  it('matches hand-computed values, ties counting half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(rocAuc([1, 2, 3], [0, 0, 1])).toBe(1);
    expect(rocAuc([3, 2, 1], [0, 0, 1])).toBe(0);
    expect(rocAuc([1, 2], [1, 1])).toBeNaN();
  });
});

describe('stratified folds', () => {
  it('keeps each fold’s class mix, is deterministic by seed, and uses every fold', () => {
    const labels = Array.from({ length: 103 }, (_, i) => (i % 6 === 0 ? 1 : 0)); // 18 positives
    const folds = stratifiedFolds(labels, 5, 42);
    expect(stratifiedFolds(labels, 5, 42)).toEqual(folds);
    expect(stratifiedFolds(labels, 5, 43)).not.toEqual(folds);
    for (let f = 0; f < 5; f++) {
      const pos = labels.filter((l, i) => l === 1 && folds[i] === f).length;
      const size = folds.filter((x) => x === f).length;
      expect(pos === 3 || pos === 4).toBe(true);
      expect(size === 20 || size === 21).toBe(true);
    }
  });
});

describe('cross-validated AUC', () => {
  it('runs folds × repeats and reports a perfect scorer as 1 and an inverted one as 0', () => {
    const x = Array.from({ length: 40 }, (_, i) => [i]);
    const y = x.map(([v]) => (v! >= 30 ? 1 : 0));
    const good = crossValidatedAuc(x, y, () => (row) => row[0]!, { folds: 4, repeats: 3 });
    expect(good.foldAucs).toHaveLength(12);
    expect(good.mean).toBe(1);
    expect(crossValidatedAuc(x, y, () => (row) => -row[0]!, { folds: 4, repeats: 1 }).mean).toBe(0);
  });
});
