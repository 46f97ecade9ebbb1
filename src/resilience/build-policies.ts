import {
  BulkheadPolicy, CircuitBreakerPolicy, DelegateBackoff, RetryPolicy, TimeoutPolicy, TimeoutStrategy,
  bulkhead, circuitBreaker, decorrelatedJitterGenerator, handleWhen, retry, timeout, wrap,
  type IBackoffFactory, type IDefaultPolicyContext, type IExponentialBackoffOptions, type IPolicy,
  type IRetryBackoffContext,
} from 'cockatiel';
import { isAttemptFailure } from './attempt-failure.ts';
import { CircuitGatePolicy } from './circuit-gate.ts';
import { createCombinedBreaker } from './combined-breaker.ts';
import { RateLimitPolicy } from './rate-limiter.ts';
import type { ResilienceConfig } from './resilience-config.ts';

/** One adapter's policies. Shared by every request to that adapter and by no other adapter. */
export interface AdapterPolicies {
  /** retry → breaker → bulkhead → rate limit → circuit gate → timeout: for idempotent requests. */
  readonly retrying: IPolicy<IDefaultPolicyContext>;
  /** The same without retry: the same breaker and limits, never a second attempt. */
  readonly once: IPolicy<IDefaultPolicyContext>;
  readonly retry: RetryPolicy;
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: BulkheadPolicy;
  readonly rateLimit: RateLimitPolicy;
  readonly gate: CircuitGatePolicy;
  readonly timeout: TimeoutPolicy;
  /** Drops the policies' own event subscriptions. */
  dispose(): void;
}

type JitterState = [number, number];

/**
 * Builds the policy stack for one adapter instance.
 *
 * - The timeout is cooperative: it aborts the attempt's AbortSignal, which
 *   makes fetch close the socket and reject at once, and the attempt then
 *   reports a typed AttemptFailure. (Aggressive would race its own
 *   TaskCancelledError past the attempt, losing whether the deadline, the
 *   caller or the per-attempt timer fired.)
 * - The bulkhead and rate limit sit inside the breaker, so an open circuit
 *   answers at once instead of queueing, and inside the retry, so a request
 *   waiting out a backoff holds no slot. Waiting for a slot or a send token
 *   is not counted against the per-attempt timeout.
 * - The circuit gate re-reads the breaker just before the send, so requests
 *   queued before the circuit opened do not go out while it is open.
 * - Which errors are retried or counted is decided by the attempt
 *   (AttemptFailure flags); an open circuit or a full bulkhead is neither.
 */
export function buildPolicies(config: ResilienceConfig): AdapterPolicies {
  const retryPolicy = retry(handleWhen((e) => isAttemptFailure(e) && e.retryable), {
    maxAttempts: config.maxAttempts - 1,
    backoff: retryBackoff(config.backoff),
  }).dangerouslyUnref(); // a backoff timer must not hold the process open after close(); the run's deadline timer does while it matters
  const breaker = circuitBreaker(handleWhen((e) => isAttemptFailure(e) && e.countsAsFailure), {
    halfOpenAfter: config.breaker.halfOpenAfterMs,
    breaker: createCombinedBreaker(config.breaker),
  });
  const bulkheadPolicy = bulkhead(config.maxConcurrent, config.maxQueue);
  const rateLimit = new RateLimitPolicy(config.ratePerSecond);
  const gate = new CircuitGatePolicy(breaker, config.breaker.halfOpenAfterMs);
  const timeoutPolicy = timeout(config.timeoutMs, TimeoutStrategy.Cooperative);
  const send: IPolicy<IDefaultPolicyContext>[] = [bulkheadPolicy, rateLimit, gate, timeoutPolicy];
  return {
    retrying: wrap(retryPolicy, breaker, ...send),
    once: wrap(breaker, ...send),
    retry: retryPolicy,
    breaker,
    bulkhead: bulkheadPolicy,
    rateLimit,
    gate,
    timeout: timeoutPolicy,
    dispose: () => gate.dispose(),
  };
}

/**
 * Exponential backoff with decorrelated jitter, except when the server said
 * how long to wait (Retry-After): then that, plus up to 10% jitter (≤ 1 s) so
 * many waiting requests do not all return at the same instant. Never waits
 * past the request's deadline.
 */
export function retryBackoff(config: ResilienceConfig['backoff']): IBackoffFactory<IRetryBackoffContext<unknown>> {
  const options: IExponentialBackoffOptions<JitterState> = {
    generator: decorrelatedJitterGenerator,
    initialDelay: config.initialDelayMs,
    maxDelay: config.maxDelayMs,
    exponent: 2,
  };
  return new DelegateBackoff<IRetryBackoffContext<unknown>, JitterState>((context, state) => {
    const [jittered, next] = decorrelatedJitterGenerator(state, options);
    const failure = 'error' in context.result && isAttemptFailure(context.result.error) ? context.result.error : undefined;
    const retryAfter = failure?.retryAfterMs;
    const wanted = retryAfter === undefined ? jittered : retryAfter + Math.random() * Math.min(1000, retryAfter * 0.1);
    const delay = failure === undefined ? wanted : Math.min(wanted, Math.max(0, failure.remainingMs()));
    return { delay: Math.max(0, Math.round(delay)), state: next };
  });
}
