/** The little dense linear algebra the logistic regression needs: a Cholesky solve of a symmetric positive system. */

/** Solve A x = b for symmetric positive definite A (row-major, n × n). Throws when A is not positive definite. */
export function choleskySolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i]!;
    const ai = a[i]!;
    for (let j = 0; j <= i; j++) {
      const lj = l[j]!;
      let sum = ai[j]!;
      for (let k = 0; k < j; k++) sum -= li[k]! * lj[k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error('matrix is not positive definite');
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / lj[j]!;
      }
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    const li = l[i]!;
    for (let k = 0; k < i; k++) sum -= li[k]! * y[k]!;
    y[i] = sum / li[i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}
