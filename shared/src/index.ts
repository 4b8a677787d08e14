export * from './roles';
export * from './api';
export * from './imports';
export * from './glossary';
export * from './zhText';
export * from './meteredBudget';
