export * from './roles';
export * from './api';
export * from './imports';
export * from './departmentPath';
export * from './people';
