// The only surface adapters may import from src/.
export { ConduitError, isConduitError, hasCode, quoted } from '../core/conduit-error.ts';
export type { ErrorCode } from '../core/error-catalogue.ts';
export type { Logger, Clock } from '../core/ports.ts';
export type * from '../core/content-model.ts';
export type * from './http-types.ts';
export type * from './xray-source-types.ts';
export type * from './xray-profile-types.ts';
export type * from './adapter-types.ts';
export { capabilitiesOf } from './adapter-types.ts';
export { scanLanguagesSchema, parseLanguagesFlag } from './scan-scope.ts';
