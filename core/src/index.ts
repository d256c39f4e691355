export * from './capitals/frameworks';
export * from './contracts/audit';
export * from './contracts/auth';
export * from './contracts/chains';
export * from './contracts/common';
export * from './contracts/meta';
