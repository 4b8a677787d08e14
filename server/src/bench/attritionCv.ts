import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../util/repoRoot';
import { parseCsv, prepareTabular, riskModelCv, type CvResult, type TabularOptions } from '@liucai/shared';

/**
 * The public benchmark's file: IBM's fictional HR sample (1,470 people, 237 leavers), kept in the repository as a test
 * fixture (the copy in ../shared/datasets, md5 ad8207459e5732574372cf8ff619883f), so the test runs on any clone.
 */
export const IBM_ATTRITION_CSV = path.join(repoRoot(), 'test/fixtures/datasets/ibm-hr-attrition.csv');

/** Variants the benchmark reports: the published protocol first, then what our trainer adds by default. */
export const ATTRITION_VARIANTS: { name: string; options: Omit<TabularOptions, 'target' | 'positive'> }[] = [
  { name: 'numeric + one-hot categoricals (published protocol)', options: {} },
  { name: '+ log(1 + x) of skewed columns', options: { logSkewed: true } },
  { name: '+ one-hot of ordinal columns (≤ 5 levels)', options: { oneHotNumericUpTo: 5 } },
  { name: '+ both (default)', options: { oneHotNumericUpTo: 5, logSkewed: true } },
];

export interface AttritionCvRun {
  variant: string;
  features: number;
  rows: number;
  leavers: number;
  cv: CvResult;
  ms: number;
}

/** Read a CSV and run repeated stratified k-fold ROC-AUC of the risk model's trainer for one variant. */
export function runAttritionCv(
  file: string,
  variant: (typeof ATTRITION_VARIANTS)[number],
  opts: { folds: number; repeats: number; seed: number; lambda: number; target?: string; positive?: string },
): AttritionCvRun {
  if (!fs.existsSync(file)) throw new Error(`attrition CSV not found at ${file} (the default is test/fixtures/datasets/ibm-hr-attrition.csv)`);
  const { header, rows } = parseCsv(fs.readFileSync(file, 'utf8'));
  const set = prepareTabular(header, rows, { target: opts.target ?? 'Attrition', positive: opts.positive ?? 'Yes', ...variant.options });
  const started = Date.now();
  const cv = riskModelCv(set, { folds: opts.folds, repeats: opts.repeats, seed: opts.seed, lambda: opts.lambda });
  return {
    variant: variant.name,
    features: set.features.length,
    rows: set.rows.length,
    leavers: set.labels.filter((l) => l === 1).length,
    cv,
    ms: Date.now() - started,
  };
}
