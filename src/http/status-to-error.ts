import { ConduitError } from '../core/conduit-error.ts';
import { toRetryAfterSeconds } from '../resilience/retry-after.ts';

/** What an error message may name: the adapter, the method and the path — never the query, headers or bodies. */
export interface RequestLabel {
  adapter: string;
  method: string;
  path: string;
}

export function describeRequest(label: RequestLabel): string {
  return `Adapter "${label.adapter}": ${label.method} ${label.path}`;
}

export function labelDetails(label: RequestLabel, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { adapter: label.adapter, method: label.method, path: label.path, ...extra };
}

/**
 * Whether a status says the CMS itself is in trouble: worth another attempt
 * (it may answer differently later) and counted by the circuit breaker.
 * Any other 4xx is about the request and would fail the same way again.
 */
export function isUpstreamFailureStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Maps a non-accepted HTTP status to the ConduitError callers see. */
export function statusToError(status: number, label: RequestLabel, retryAfterMs?: number): ConduitError {
  const what = describeRequest(label);
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : toRetryAfterSeconds(retryAfterMs);
  const details = labelDetails(label, { status });
  if (status === 401 || status === 403) {
    return new ConduitError('ADP_AUTH_FAILED', `${what} was refused with HTTP ${status}: the CMS did not accept Conduit's credentials.`, {
      details, hint: `Check adapters.${label.adapter}.credentials (and the environment variables they come from) and that the account has API access.`,
    });
  }
  if (status === 404) return new ConduitError('ADP_NOT_FOUND', `${what} found nothing (HTTP 404).`, { details });
  if (status === 429) {
    return new ConduitError('ADP_RATE_LIMITED', `${what} was rate-limited by the CMS (HTTP 429).`, {
      details, retryAfterSeconds: retryAfterSeconds ?? 1,
      hint: `Wait for the retry-after time, or lower adapters.${label.adapter}.resilience.ratePerSecond.`,
    });
  }
  if (status >= 500) {
    return new ConduitError('ADP_UNAVAILABLE', `${what} failed with HTTP ${status} (a CMS server error).`, { details, retryAfterSeconds });
  }
  if (status >= 400) return new ConduitError('ADP_REQUEST_REJECTED', `${what} was rejected by the CMS with HTTP ${status}.`, { details });
  return new ConduitError('ADP_BAD_RESPONSE', `${what} answered with unexpected HTTP ${status}.`, { details });
}
