/**
 * Model evaluation helpers: ROC-AUC (Mann-Whitney, ties counted half), deterministic stratified k-fold splits and
 * repeated stratified cross-validation.
 */

/** Area under the ROC curve of `scores` for binary `labels` (1 positive); NaN when a class is missing. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based; ties share the average
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!] === 1) {
        positives++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** A small seeded generator (mulberry32): the same seed, the same folds. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k-1) of each row: each class shuffled with the seed and dealt round-robin, so folds keep the class mix. */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): number[] {
  if (k < 2) throw new Error('k must be at least 2');
  const rand = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const cls of [1, 0]) {
    const rows = labels.map((l, i) => (l === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    rows.forEach((row, n) => (folds[row] = (n + offset) % k));
    offset = (offset + rows.length) % k; // the next class starts where this one stopped, evening fold sizes
  }
  return folds;
}

export interface CvResult {
  /** AUC of each fold of each repeat. */
  foldAucs: number[];
  mean: number;
  /** Sample standard deviation over folds. */
  sd: number;
  folds: number;
  repeats: number;
}

/**
 * Repeated stratified k-fold cross-validated ROC-AUC: for each repeat (seed + r), train on k−1 folds with `train`
 * and score the held-out fold with the returned scorer.
 */
export function crossValidatedAuc(
  x: readonly (readonly number[])[],
  y: readonly number[],
  train: (x: (readonly number[])[], y: number[]) => (row: readonly number[]) => number,
  opts: { folds?: number; repeats?: number; seed?: number } = {},
): CvResult {
  const k = opts.folds ?? 5;
  const repeats = opts.repeats ?? 5;
  const seed = opts.seed ?? 1;
  const foldAucs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const folds = stratifiedFolds(y, k, seed + r);
    for (let f = 0; f < k; f++) {
      const trainX: (readonly number[])[] = [];
      const trainY: number[] = [];
      const testX: (readonly number[])[] = [];
      const testY: number[] = [];
      folds.forEach((fold, i) => {
        if (fold === f) {
          testX.push(x[i]!);
          testY.push(y[i]!);
        } else {
          trainX.push(x[i]!);
          trainY.push(y[i]!);
        }
      });
      const score = train(trainX, trainY);
      foldAucs.push(rocAuc(testX.map(score), testY));
    }
  }
  const mean = foldAucs.reduce((s, a) => s + a, 0) / foldAucs.length;
  const sd = Math.sqrt(foldAucs.reduce((s, a) => s + (a - mean) ** 2, 0) / Math.max(foldAucs.length - 1, 1));
  return { foldAucs, mean, sd, folds: k, repeats };
}
