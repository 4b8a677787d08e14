/** 转型看板 (HR outcomes dashboard): person-month facts, the numbers and the people behind them, pure. */
export * from './facts';
export * from './dashboard';
export * from './api';
export * from './labels';
export * from './groupSums';
