export * from './capitals/frameworks';
export * from './contracts/audit';
export * from './contracts/auth';
export * from './contracts/chains';
export * from './contracts/common';
export * from './contracts/imports';
export * from './contracts/meta';
export {
  analyseGaps,
  GAP_TYPE_ORDER,
  type Gap,
  type GapInput,
  type GapSeverity,
  type GapSuggestion,
  type GapTypeName,
} from './gaps/analyse';
export { flowActiveOn, isActiveActor } from './gaps/flows';
export { keyPart, normalizeResource, slug } from './text/normalize';
