/**
 * A token bucket for incoming calls: `ratePerSecond` tokens refill
 * continuously up to a burst of one second's worth. Rate 0 means unlimited.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly now: () => number;

  constructor(rate: number, now: () => number = () => performance.now()) {
    this.rate = rate;
    this.now = now;
    this.tokens = Math.max(1, rate);
    this.last = now();
  }

  /** Takes a token, or returns the seconds to wait until one is available. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.rate <= 0) return { ok: true };
    const now = this.now();
    this.tokens = Math.min(Math.max(1, this.rate), this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.rate)) };
  }
}
