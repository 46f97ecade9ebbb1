/**
 * Edge's delivery rate limit: 80 uncached requests per second, answered with
 * 429 and X-Rate-Limit-Limit / -Remaining / -Reset over a 1 s window
 * (Sitecore "Limitations and restrictions of Experience Edge"). The simulator
 * has no cache, so every request counts. Reset is sent as seconds until the
 * window resets (the unit is NOT verified).
 */
export interface EdgeRateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export interface EdgeRateLimiter {
  take(): EdgeRateDecision;
}

export interface EdgeRateLimiterOptions {
  /** Requests per 1 s window; 0 disables the limit (and the headers). */
  perSecond: number;
  now?: () => number;
  /** Also send Retry-After on 429 (Edge documents only the X-Rate-Limit headers). */
  retryAfter?: boolean;
}

export function createEdgeRateLimiter(options: EdgeRateLimiterOptions): EdgeRateLimiter {
  const now = options.now ?? Date.now;
  let windowStart = 0;
  let used = 0;
  return {
    take() {
      if (options.perSecond <= 0) return { allowed: true, headers: {} };
      const t = now();
      if (t - windowStart >= 1000) {
        windowStart = t - (t % 1000);
        used = 0;
      }
      used += 1;
      const allowed = used <= options.perSecond;
      const headers: Record<string, string> = {
        'X-Rate-Limit-Limit': String(options.perSecond),
        'X-Rate-Limit-Remaining': String(Math.max(0, options.perSecond - used)),
        'X-Rate-Limit-Reset': String(Math.max(1, Math.ceil((windowStart + 1000 - t) / 1000))),
      };
      if (!allowed && options.retryAfter) headers['Retry-After'] = '1';
      return { allowed, headers };
    },
  };
}
