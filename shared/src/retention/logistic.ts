import { choleskySolve } from './linearAlgebra';

/**
 * L2-regularised logistic regression, written to be checked: features standardised on the training rows (constant
 * columns dropped), the penalty `lambda/2 · |w|²` on the summed log-loss (scikit-learn's C = 1/lambda; the intercept
 * is not penalised), fitted by Newton's method with a step-halving line search. No randomness: the same rows give
 * the same model bit for bit.
 */

export interface Standardizer {
  means: number[];
  /** Standard deviation of each column (population); 0 marks a constant column, which is dropped. */
  scales: number[];
}

/** Column means and standard deviations of the training rows. */
export function fitStandardizer(x: readonly (readonly number[])[]): Standardizer {
  const p = x[0]?.length ?? 0;
  const n = x.length;
  const means = new Array<number>(p).fill(0);
  const scales = new Array<number>(p).fill(0);
  for (const row of x) for (let j = 0; j < p; j++) means[j]! += row[j]!;
  for (let j = 0; j < p; j++) means[j] = means[j]! / Math.max(n, 1);
  for (const row of x) for (let j = 0; j < p; j++) scales[j]! += (row[j]! - means[j]!) ** 2;
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scales[j]! / Math.max(n, 1));
    scales[j] = sd > 1e-12 * Math.max(1, Math.abs(means[j]!)) ? sd : 0;
  }
  return { means, scales };
}

/** A row standardised: (x − mean) / sd, constant columns giving 0. */
export function standardizeRow(s: Standardizer, row: readonly number[]): number[] {
  return row.map((v, j) => (s.scales[j]! > 0 ? (v - s.means[j]!) / s.scales[j]! : 0));
}

export interface LogisticModel {
  features: string[];
  standardizer: Standardizer;
  intercept: number;
  /** One coefficient per feature, on the standardised scale (0 for dropped constant columns). */
  coefs: number[];
  lambda: number;
  iterations: number;
  converged: boolean;
}

export interface FitOptions {
  /** L2 strength on the summed log-loss (1 = scikit-learn's default C = 1). */
  lambda?: number;
  maxIterations?: number;
  tolerance?: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Fit on rows `x` (raw feature values) and labels `y` (1 = left). */
export function fitLogistic(features: readonly string[], x: readonly (readonly number[])[], y: readonly number[], opts: FitOptions = {}): LogisticModel {
  if (x.length !== y.length) throw new Error('rows and labels differ in length');
  if (x.length === 0) throw new Error('no rows to learn from');
  const lambda = opts.lambda ?? 1;
  const maxIterations = opts.maxIterations ?? 100;
  const tolerance = opts.tolerance ?? 1e-9;
  const standardizer = fitStandardizer(x);
  const kept = standardizer.scales.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  const z = x.map((row) => kept.map((j) => (row[j]! - standardizer.means[j]!) / standardizer.scales[j]!));
  const q = kept.length + 1; // intercept last
  let w = new Array<number>(q).fill(0);
  const objective = (wt: number[]): number => {
    let loss = 0;
    for (let i = 0; i < z.length; i++) {
      const eta = linear(wt, z[i]!);
      loss += softplus(eta) - y[i]! * eta;
    }
    let pen = 0;
    for (let j = 0; j < q - 1; j++) pen += wt[j]! ** 2;
    return loss + (lambda / 2) * pen;
  };
  let current = objective(w);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const grad = new Array<number>(q).fill(0);
    const hess: number[][] = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    for (let i = 0; i < z.length; i++) {
      const zi = z[i]!;
      const p = sigmoid(linear(w, zi));
      const r = p - y[i]!;
      const v = p * (1 - p);
      for (let a = 0; a < q; a++) {
        const xa = a === q - 1 ? 1 : zi[a]!;
        grad[a]! += r * xa;
        const ha = hess[a]!;
        for (let b = 0; b <= a; b++) ha[b]! += v * xa * (b === q - 1 ? 1 : zi[b]!);
      }
    }
    for (let a = 0; a < q; a++) {
      if (a < q - 1) {
        grad[a]! += lambda * w[a]!;
        hess[a]![a]! += lambda;
      }
      for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
    }
    hess[q - 1]![q - 1]! += 1e-9; // keeps the intercept's row positive when every label is the same
    const step = choleskySolve(hess, grad);
    let t = 1;
    let next = w.map((v, j) => v - t * step[j]!);
    let nextObjective = objective(next);
    while (nextObjective > current && t > 1e-6) {
      t /= 2;
      next = w.map((v, j) => v - t * step[j]!);
      nextObjective = objective(next);
    }
    const decrease = current - nextObjective;
    w = next;
    current = nextObjective;
    if (decrease <= tolerance * (1 + Math.abs(current))) {
      converged = true;
      break;
    }
  }
  const coefs = new Array<number>(standardizer.scales.length).fill(0);
  kept.forEach((j, k) => (coefs[j] = w[k]!));
  return { features: [...features], standardizer, intercept: w[q - 1]!, coefs, lambda, iterations, converged };
}

function linear(w: readonly number[], zi: readonly number[]): number {
  let eta = w[w.length - 1]!;
  for (let j = 0; j < zi.length; j++) eta += w[j]! * zi[j]!;
  return eta;
}

/** Each feature's contribution to the log-odds of one row (coefficient × standardised value). */
export function contributions(model: LogisticModel, row: readonly number[]): number[] {
  const z = standardizeRow(model.standardizer, row);
  return z.map((v, j) => v * model.coefs[j]!);
}

/** Log-odds of leaving for one row. */
export function logitOf(model: LogisticModel, row: readonly number[]): number {
  return contributions(model, row).reduce((s, c) => s + c, model.intercept);
}

/** Uncalibrated probability of leaving for one row. */
export function probabilityOf(model: LogisticModel, row: readonly number[]): number {
  return sigmoid(logitOf(model, row));
}

export { sigmoid };
