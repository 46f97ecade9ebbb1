import {
  BrokenCircuitError, CircuitState, EventEmitter, type CircuitBreakerPolicy, type IDefaultPolicyContext, type IDisposable,
  type IFailureEvent, type IPolicy, type ISuccessEvent,
} from 'cockatiel';

/**
 * A read-only look at the breaker right before a request is sent. Requests
 * pass the breaker when they start, but may then wait in the bulkhead queue
 * or for a send slot; if the circuit opened meanwhile, they must not go out.
 * The gate never records outcomes (the breaker does), so nothing counts twice.
 */
export class CircuitGatePolicy implements IPolicy {
  declare readonly _altReturn: never;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly halfOpenAfterMs: number;
  private readonly subscription: IDisposable;
  private openedAt = Number.NEGATIVE_INFINITY;
  private readonly successEmitter = new EventEmitter<ISuccessEvent>();
  private readonly failureEmitter = new EventEmitter<IFailureEvent>();
  readonly onSuccess = this.successEmitter.addListener;
  readonly onFailure = this.failureEmitter.addListener;

  constructor(breaker: CircuitBreakerPolicy, halfOpenAfterMs: number) {
    this.breaker = breaker;
    this.halfOpenAfterMs = halfOpenAfterMs;
    this.subscription = breaker.onBreak(() => { this.openedAt = performance.now(); });
  }

  /** Milliseconds until the open circuit lets a probe through (0 when it is not open). */
  retryAfterMs(now: number = performance.now()): number {
    const state = this.breaker.state;
    if (state !== CircuitState.Open && state !== CircuitState.Isolated) return 0;
    return Math.max(0, this.openedAt + this.halfOpenAfterMs - now);
  }

  async execute<T>(fn: (context: IDefaultPolicyContext) => PromiseLike<T> | T, signal: AbortSignal = new AbortController().signal): Promise<T> {
    const state = this.breaker.state;
    if (state === CircuitState.Open || state === CircuitState.Isolated) {
      const error = new BrokenCircuitError('Execution prevented because the circuit breaker opened while the request was queued');
      this.failureEmitter.emit({ duration: 0, handled: true, reason: { error } });
      throw error;
    }
    const value = await fn({ signal });
    this.successEmitter.emit({ duration: 0 });
    return value;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
