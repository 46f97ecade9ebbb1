import { toSafeError, type ConduitError } from '../../core/conduit-error.ts';
import type { ErrorCode } from '../../core/error-catalogue.ts';
import type { StoredError } from '../../store/scan-store-types.ts';

/**
 * What a failed page means for the scan.
 * fatal: every page would fail the same way (credentials, missing adapter): the scan fails now.
 * transient: the CMS or the store is briefly unreachable: retry; many in a row interrupt the crawl.
 * page: something about this page (a body the adapter cannot read): the page fails after its attempts.
 */
export type FailureKind = 'fatal' | 'transient' | 'page';

const FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ADP_AUTH_FAILED', 'ADP_LOAD_FAILED', 'ADP_UNKNOWN', 'ADP_CAPABILITY_MISSING', 'XRAY_SOURCE_MISSING',
  'STORE_SCHEMA_AHEAD', 'STORE_MIGRATION_CHANGED', 'STORE_NOT_MIGRATED',
]);

const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ADP_UNAVAILABLE', 'ADP_TIMEOUT', 'ADP_RATE_LIMITED', 'ADP_CIRCUIT_OPEN', 'ADP_BUSY', 'STORE_UNAVAILABLE', 'SHUTTING_DOWN',
]);

export function classifyFailure(error: ConduitError): FailureKind {
  if (FATAL.has(error.code)) return 'fatal';
  if (TRANSIENT.has(error.code)) return 'transient';
  return 'page';
}

/** Code and message for the store (ConduitError messages never hold secrets; anything else becomes INTERNAL). */
export function storedErrorOf(error: unknown): StoredError {
  const safe = toSafeError(error);
  return { code: safe.code, message: safe.message };
}

/** Backoff before local retry `n` (0-based): the error's retry-after when it has one, else 250 ms doubling to 5 s. */
export function retryDelayMs(error: ConduitError, n: number): number {
  if (error.retryAfterSeconds !== undefined) return Math.min(Math.max(error.retryAfterSeconds * 1000, 100), 30_000);
  return Math.min(250 * 2 ** n, 5_000);
}
