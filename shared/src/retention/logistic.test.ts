import { choleskySolve } from './linearAlgebra';
import { fitLogistic, logitOf, probabilityOf, standardizeRow } from './logistic';
import { seededRandom } from './evaluation';

/** Rows drawn from a known logistic model: logit = 0.5 + 1.5·x0 − 2·x1 + 0·x2, x ~ N(0,1) by Box-Muller. */
function synthetic(n: number, seed: number) {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [normal(), normal(), normal()];
    const p = 1 / (1 + Math.exp(-(0.5 + 1.5 * x[0]! - 2 * x[1]!)));
    rows.push(x);
    labels.push(rand() < p ? 1 : 0);
  }
  return { rows, labels };
}

describe('Cholesky solve', () => {
  it('solves a symmetric positive system and refuses an indefinite one', () => {
    const x = choleskySolve(
      [
        [4, 2, 0],
        [2, 5, 1],
        [0, 1, 3],
      ],
      [2, 9, 7],
    );
    // Check A x = b.
    expect(4 * x[0]! + 2 * x[1]!).toBeCloseTo(2, 12);
    expect(2 * x[0]! + 5 * x[1]! + x[2]!).toBeCloseTo(9, 12);
    expect(x[1]! + 3 * x[2]!).toBeCloseTo(7, 12);
    expect(() =>
      choleskySolve(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    ).toThrow('not positive definite');
  });
});

describe('L2 logistic regression', () => {
  it('recovers known coefficients from plenty of data', () => {
    const { rows, labels } = synthetic(20000, 7);
    const m = fitLogistic(['a', 'b', 'c'], rows, labels, { lambda: 1e-6 });
    expect(m.converged).toBe(true);
    // Back to the raw scale: coefficient / sd.
    const raw = m.coefs.map((c, j) => c / m.standardizer.scales[j]!);
    expect(raw[0]).toBeCloseTo(1.5, 1);
    expect(raw[1]).toBeCloseTo(-2, 1);
    expect(Math.abs(raw[2]!)).toBeLessThan(0.06);
  });

  it('stops where the penalised gradient is zero (checked independently of the solver)', () => {
    const { rows, labels } = synthetic(300, 3);
    const lambda = 5;
    const m = fitLogistic(['a', 'b', 'c'], rows, labels, { lambda });
    const grad = [0, 0, 0];
    let gIntercept = 0;
    rows.forEach((row, i) => {
      const r = probabilityOf(m, row) - labels[i]!;
      const z = standardizeRow(m.standardizer, row);
      z.forEach((v, j) => (grad[j]! += r * v));
      gIntercept += r;
    });
    grad.forEach((g, j) => expect(g + lambda * m.coefs[j]!).toBeCloseTo(0, 6));
    expect(gIntercept).toBeCloseTo(0, 6);
  });

  it('shrinks coefficients as lambda grows, drops constant columns, and is deterministic', () => {
    const { rows, labels } = synthetic(400, 11);
    const withConst = rows.map((r) => [...r, 42]);
    const weak = fitLogistic(['a', 'b', 'c', 'k'], withConst, labels, { lambda: 0.01 });
    const strong = fitLogistic(['a', 'b', 'c', 'k'], withConst, labels, { lambda: 100 });
    expect(Math.abs(strong.coefs[0]!)).toBeLessThan(Math.abs(weak.coefs[0]!));
    expect(weak.coefs[3]).toBe(0);
    expect(weak.standardizer.scales[3]).toBe(0);
    const again = fitLogistic(['a', 'b', 'c', 'k'], withConst, labels, { lambda: 0.01 });
    expect(again).toEqual(weak);
  });

  it('stays finite on perfectly separable data thanks to the penalty', () => {
    const rows = [[-2], [-1], [1], [2]];
    const m = fitLogistic(['x'], rows, [0, 0, 1, 1], { lambda: 1 });
    expect(Number.isFinite(m.coefs[0])).toBe(true);
    expect(logitOf(m, [2])).toBeGreaterThan(0);
    expect(logitOf(m, [-2])).toBeLessThan(0);
  });

  it('refuses rows and labels of different lengths or no rows', () => {
    expect(() => fitLogistic(['x'], [[1]], [1, 0])).toThrow();
    expect(() => fitLogistic(['x'], [], [])).toThrow('no rows');
  });
});
