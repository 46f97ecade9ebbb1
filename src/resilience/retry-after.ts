/**
 * Parses an HTTP Retry-After value (RFC 9110 §10.2.3): either delta-seconds
 * or an HTTP-date. Returns the wait in milliseconds from `nowMs` (epoch ms),
 * or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only something that looks like a date goes to Date.parse, which accepts far too much ("1.5", "2").
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Whole seconds for a ConduitError's retryAfterSeconds (at least 1, so "retry now" is never advised). */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
