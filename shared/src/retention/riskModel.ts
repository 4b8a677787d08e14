import { zh } from '../zhText';
import { bandOf, type RiskBand, BAND_THRESHOLDS } from './bands';
import { crossValidatedAuc, rocAuc, stratifiedFolds } from './evaluation';
import { contributions, fitLogistic, logitOf, probabilityOf, type LogisticModel } from './logistic';

/**
 * The learned attrition model: L2 logistic regression on the company's own leavers and stayers, then Platt scaling
 * fitted on out-of-fold log-odds (5 stratified folds) so that its probabilities are calibrated on people it did not
 * see. Too few leavers (or stayers) → “数据不足” and the articles' rule alone.
 */
export const RISK_MODEL_KINDS = ['logistic-l2-platt-v1', 'logistic-l2-platt-v2'] as const;
export type RiskModelKind = (typeof RISK_MODEL_KINDS)[number];
/**
 * The kind a new month's model is trained as. v1 reads the weekly signals; v2 adds 绩效发放, 岗位匹配分 and 培训
 * (`MODEL_FEATURES`). A kind's definition never changes once used: a new feature set is a new kind. v2 is the default
 * because its backtest on the demo company's year is not worse than v1's (README “Retention radar”).
 */
export const RISK_MODEL_KIND: RiskModelKind = 'logistic-l2-platt-v2';
export const isRiskModelKind = (k: unknown): k is RiskModelKind => (RISK_MODEL_KINDS as readonly unknown[]).includes(k);
export const MIN_LEAVERS = 10;
export const MIN_STAYERS = 10;

export interface TrainingSet {
  features: string[];
  rows: number[][];
  /** 1 = left, 0 = stayed. */
  labels: number[];
}

export interface TrainedRiskModel {
  status: 'trained';
  kind: RiskModelKind;
  model: LogisticModel;
  /** Platt scaling: calibrated p = sigmoid(a · logit + b). */
  calibration: { a: number; b: number };
  /** ROC-AUC of the out-of-fold scores (people scored by a model that did not see them). */
  outOfFoldAuc: number;
  leavers: number;
  stayers: number;
  bandThresholds: typeof BAND_THRESHOLDS;
}

export interface InsufficientData {
  status: 'insufficient';
  leavers: number;
  stayers: number;
  /** Starts with “数据不足”. */
  message: string;
}

export interface TrainOptions {
  /** The kind recorded with the model (the caller built the set with its features); v1 by default. */
  kind?: RiskModelKind;
  lambda?: number;
  folds?: number;
  seed?: number;
}

/** Said when there are too few leavers or stayers to train. */
export const insufficientDataMessage = (leavers: number, stayers: number): string =>
  zh`数据不足：历史中离职 ${leavers} 人、在职 ${stayers} 人，各至少需要 ${MIN_LEAVERS} 人才能训练模型；暂只用文章规则`;

/** Train and calibrate, or say why not. */
export function trainRiskModel(set: TrainingSet, opts: TrainOptions = {}): TrainedRiskModel | InsufficientData {
  const leavers = set.labels.filter((l) => l === 1).length;
  const stayers = set.labels.length - leavers;
  if (leavers < MIN_LEAVERS || stayers < MIN_STAYERS) {
    return {
      status: 'insufficient',
      leavers,
      stayers,
      message: insufficientDataMessage(leavers, stayers),
    };
  }
  const lambda = opts.lambda ?? 1;
  const k = opts.folds ?? 5;
  const folds = stratifiedFolds(set.labels, k, opts.seed ?? 1);
  const oof = new Array<number>(set.rows.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = set.rows.map((_, i) => i).filter((i) => folds[i] !== f);
    const m = fitLogistic(
      set.features,
      train.map((i) => set.rows[i]!),
      train.map((i) => set.labels[i]!),
      { lambda },
    );
    set.rows.forEach((row, i) => {
      if (folds[i] === f) oof[i] = logitOf(m, row);
    });
  }
  const platt = fitLogistic(
    ['logit'],
    oof.map((v) => [v]),
    set.labels,
    { lambda: 1e-6 },
  );
  // Fold the standardisation of the one-column Platt model into a and b.
  const sd = platt.standardizer.scales[0]!;
  const a = sd > 0 ? platt.coefs[0]! / sd : 0;
  const b = platt.intercept - a * platt.standardizer.means[0]!;
  return {
    status: 'trained',
    kind: opts.kind ?? 'logistic-l2-platt-v1',
    model: fitLogistic(set.features, set.rows, set.labels, { lambda }),
    calibration: { a, b },
    outOfFoldAuc: rocAuc(oof, set.labels),
    leavers,
    stayers,
    bandThresholds: BAND_THRESHOLDS,
  };
}

export interface RiskDriver {
  feature: string;
  /** The feature's value in the row scored. */
  value: number;
  /** Contribution to the log-odds (positive raises the risk). */
  contribution: number;
  text: string;
}

export interface RiskScore {
  probability: number;
  band: RiskBand;
  /** Up to three features that raise this person's risk most, strongest first. */
  drivers: RiskDriver[];
}

/** Calibrated probability, band and top drivers of one row; `describe` turns a feature into words. */
export function scoreRisk(trained: TrainedRiskModel, row: readonly number[], describe: (feature: string) => string = (f) => f): RiskScore {
  const logit = logitOf(trained.model, row);
  const z = trained.calibration.a * logit + trained.calibration.b;
  const probability = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  const drivers = contributions(trained.model, row)
    .map((contribution, j) => ({ feature: trained.model.features[j]!, value: row[j]!, contribution }))
    .filter((d) => d.contribution > 0)
    .sort((p, q) => q.contribution - p.contribution || (p.feature < q.feature ? -1 : 1))
    .slice(0, 3)
    .map((d) => ({ ...d, text: describe(d.feature) }));
  return { probability, band: bandOf(probability), drivers };
}

/** Cross-validated ROC-AUC of this trainer (uncalibrated scores: calibration is monotone and leaves AUC unchanged). */
export function riskModelCv(set: TrainingSet, opts: { folds?: number; repeats?: number; seed?: number; lambda?: number } = {}) {
  return crossValidatedAuc(
    set.rows,
    set.labels,
    (x, y) => {
      const m = fitLogistic(set.features, x, y, { lambda: opts.lambda ?? 1 });
      return (row) => probabilityOf(m, row);
    },
    opts,
  );
}
