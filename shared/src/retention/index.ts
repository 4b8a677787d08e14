/** Retention radar: weekly signals against a person's own baseline, the articles' rule, the learned model. */
export * from './weeks';
export * from './signals';
export * from './bands';
export * from './articleRule';
export * from './linearAlgebra';
export * from './logistic';
export * from './evaluation';
export * from './riskModel';
export * from './drivers';
export * from './signalFeatures';
export * from './tabular';
export * from './backtest';
export * from './api';
export * from './pulse';
export * from './atmosphere';
export * from './pulseApi';
export * from './pulseDemo';
