export * from './kinds';
export * from './shanghaiClock';
export * from './quietHours';
export * from './links';
export * from './messageBody';
export * from './digest';
export * from './sendPlan';
export * from './labels';
