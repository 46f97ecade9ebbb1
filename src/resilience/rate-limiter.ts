import { EventEmitter, type IDefaultPolicyContext, type IFailureEvent, type IPolicy, type ISuccessEvent } from 'cockatiel';

/**
 * Fraction of the configured rate actually used. Arrival times at the CMS
 * jitter on a busy host, which can shift an extra request into a window that
 * is exactly full; 2% headroom absorbs ~40 ms of jitter per 2-second window
 * and leaves room for a crawl's start and tail.
 */
export const RATE_HEADROOM = 0.98;

/**
 * How far behind the previous actual send the schedule may fall and still be
 * made up. k + 1 sends span at least k·interval − catch-up, so a window of W
 * holds at most ⌈(W + catch-up) / interval⌉ sends; that stays within R·W for
 * W = 1 s as long as headroom ≤ 1000 / (1000 + catch-up): 20 ms allows 0.980.
 */
export const MAX_CATCH_UP_MS = 20;

interface Waiter {
  resolve(): void;
  onAbort(): void;
  signal: AbortSignal;
}

/**
 * Outgoing rate limit by spacing: one request per interval (1 / (rate ·
 * headroom)), released in FIFO order by a single timer. The next send time
 * advances from the previous *scheduled* time, so timer overshoot (≈1 ms) is
 * made up and the rate is kept, also after short stalls of a busy process;
 * but it never falls more than `catchUpMs` (≤ half an interval, ≤ MAX_CATCH_UP_MS)
 * behind the previous *actual* send, so a long event-loop stall is not
 * followed by a burst. No burst credit is kept.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly catchUpMs: number;
  private readonly now: () => number;
  private nextAt = Number.NEGATIVE_INFINITY;
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(ratePerSecond: number, now: () => number = () => performance.now()) {
    this.intervalMs = ratePerSecond > 0 ? 1000 / (ratePerSecond * RATE_HEADROOM) : 0;
    this.catchUpMs = Math.min(this.intervalMs / 2, MAX_CATCH_UP_MS);
    this.now = now;
  }

  /** Resolves when this request may be sent; rejects with the signal's reason when aborted first. */
  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.intervalMs === 0) return Promise.resolve();
    const now = this.now();
    if (this.waiting.length === 0 && now >= this.nextAt) {
      this.take(now);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          const at = this.waiting.indexOf(waiter);
          if (at !== -1) this.waiting.splice(at, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.arm();
    });
  }

  /** Requests waiting for their send time. */
  get queued(): number {
    return this.waiting.length;
  }

  private take(now: number): void {
    this.nextAt = Math.max(this.nextAt + this.intervalMs, now + this.intervalMs - this.catchUpMs);
  }

  private arm(): void {
    if (this.timer !== undefined || this.waiting.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
    }, Math.max(0, this.nextAt - this.now()));
  }

  private release(): void {
    const now = this.now();
    // Timers may fire a fraction of a millisecond early: then just re-arm.
    const waiter = now >= this.nextAt ? this.waiting.shift() : undefined;
    if (waiter) {
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.take(now);
      waiter.resolve();
    }
    this.arm();
  }
}

/** The rate limiter as a cockatiel policy, so it composes with wrap() next to the others. */
export class RateLimitPolicy implements IPolicy {
  declare readonly _altReturn: never;
  private readonly limiter: RateLimiter;
  private readonly successEmitter = new EventEmitter<ISuccessEvent>();
  private readonly failureEmitter = new EventEmitter<IFailureEvent>();
  readonly onSuccess = this.successEmitter.addListener;
  readonly onFailure = this.failureEmitter.addListener;

  constructor(ratePerSecond: number) {
    this.limiter = new RateLimiter(ratePerSecond);
  }

  async execute<T>(fn: (context: IDefaultPolicyContext) => PromiseLike<T> | T, signal: AbortSignal = new AbortController().signal): Promise<T> {
    const started = performance.now();
    await this.limiter.acquire(signal);
    try {
      const value = await fn({ signal });
      this.successEmitter.emit({ duration: performance.now() - started });
      return value;
    } catch (error) {
      this.failureEmitter.emit({ duration: performance.now() - started, handled: false, reason: { error } });
      throw error;
    }
  }
}
