import { z } from 'zod';

/**
 * Per-adapter resilience settings (`adapters.<name>.resilience`). Every key
 * has a default suited to an interactive agent talking to a CMS over a WAN.
 */
export const resilienceConfigSchema = z.strictObject({
  /** Per-attempt timeout; the socket is closed when it fires. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Overall deadline for one logical request, across retries and Retry-After waits. */
  deadlineMs: z.number().int().positive().default(30_000),
  /** Attempts in total, the first included (1 = no retry). */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  backoff: z.strictObject({
    initialDelayMs: z.number().int().nonnegative().default(200),
    maxDelayMs: z.number().int().positive().default(5_000),
  }).prefault({}),
  breaker: z.strictObject({
    /**
     * Opens after this many consecutive failed attempts. 10, not 5: with 3
     * attempts per request, a CMS failing 30% of calls at random reaches 5 in
     * a row about every 600 attempts (a busy X-Ray scan would stall every few
     * seconds), 10 in a row about every 240,000; a CMS that is down still
     * trips it within 4 requests.
     */
    consecutiveFailures: z.number().int().positive().default(10),
    /** Also opens when the failure rate over `windowMs` exceeds this (0 disables). */
    failureRateThreshold: z.number().min(0).max(1).default(0.5),
    windowMs: z.number().int().positive().default(30_000),
    /** Minimum calls in the window before the rate counts. */
    minimumCalls: z.number().int().positive().default(20),
    /** After this long open, one probe is let through; success closes the breaker. */
    halfOpenAfterMs: z.number().int().positive().default(10_000),
  }).prefault({}),
  /** Bulkhead: concurrent requests to this CMS. */
  maxConcurrent: z.number().int().positive().default(16),
  /** Requests waiting for a bulkhead slot before ADP_BUSY. */
  maxQueue: z.number().int().nonnegative().default(1_000),
  /** Outgoing requests per second to this CMS (0 = unlimited). */
  ratePerSecond: z.number().nonnegative().default(0),
});

export type ResilienceConfig = z.infer<typeof resilienceConfigSchema>;
