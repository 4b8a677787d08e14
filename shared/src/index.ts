export * from './roles';
export * from './decimal';
export * from './money';
export * from './api';
export * from './imports';
export * from './notify';
