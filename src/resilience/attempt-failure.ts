import type { ConduitError } from '../core/conduit-error.ts';

export interface AttemptFailureOptions {
  /** Whether the retry policy may try again (idempotent request, retryable kind, fits the deadline). */
  retryable: boolean;
  /** Whether the circuit breaker counts it: upstream trouble (5xx, 429, network, timeout), not a 4xx. */
  countsAsFailure: boolean;
  /** Server-requested wait before the next attempt (Retry-After), in ms. */
  retryAfterMs?: number;
  /** performance.now() at which the logical request's deadline expires. */
  deadlineAt: number;
}

/**
 * How one upstream attempt failed, as the policies need to see it. The attempt
 * decides, because only it knows the request (idempotency, deadline); the
 * shared policies then filter on these flags instead of guessing from errors.
 * The client unwraps `error` before anything leaves src/http.
 */
export class AttemptFailure extends Error {
  readonly error: ConduitError;
  readonly retryable: boolean;
  readonly countsAsFailure: boolean;
  readonly retryAfterMs: number | undefined;
  readonly deadlineAt: number;

  constructor(error: ConduitError, options: AttemptFailureOptions) {
    super(error.message, { cause: error });
    this.name = 'AttemptFailure';
    this.error = error;
    this.retryable = options.retryable;
    this.countsAsFailure = options.countsAsFailure;
    this.retryAfterMs = options.retryAfterMs;
    this.deadlineAt = options.deadlineAt;
  }

  /** Milliseconds left before the request's deadline. */
  remainingMs(now: number = performance.now()): number {
    return this.deadlineAt - now;
  }
}

export function isAttemptFailure(value: unknown): value is AttemptFailure {
  return value instanceof AttemptFailure;
}
