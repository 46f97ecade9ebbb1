import { ConduitError } from '../core/conduit-error.ts';
import type { Clock } from '../core/ports.ts';
import type { HttpResponse } from '../adapter-kit/http-types.ts';
import type { Metrics } from '../ops/metrics.ts';
import { AttemptFailure } from '../resilience/attempt-failure.ts';
import { parseRetryAfter } from '../resilience/retry-after.ts';
import { createHttpResponse } from './http-response.ts';
import { abortError, type RequestRun } from './request-run.ts';
import { describeRequest, isUpstreamFailureStatus, labelDetails, statusToError } from './status-to-error.ts';

/** Everything one attempt needs; built once per logical request. */
export interface PreparedRequest {
  url: URL;
  init: { method: string; headers: Headers; body: RequestInit['body'] };
  acceptStatus: ReadonlySet<number>;
  run: RequestRun;
  clock: Clock;
  metrics: Metrics | undefined;
  onUpstreamSuccess(): void;
}

/**
 * One upstream attempt. `signal` is the per-attempt signal from the timeout
 * policy (it also follows the run's signals). Every failure leaves as an
 * AttemptFailure that says whether to retry and whether the breaker counts it.
 */
export async function sendAttempt(req: PreparedRequest, signal: AbortSignal): Promise<HttpResponse> {
  const { run } = req;
  const aborted = abortError(run);
  if (aborted) throw new AttemptFailure(aborted, { retryable: false, countsAsFailure: false, deadlineAt: run.deadlineAt });
  run.attempts += 1;
  req.metrics?.adapterRequestsTotal.inc({ adapter: run.label.adapter });
  let response: Response;
  let text: string;
  try {
    response = await fetch(req.url, { ...req.init, signal });
    text = await response.text();
  } catch (cause) {
    throw remember(run, transportFailure(run, signal, cause));
  }
  if (response.ok || req.acceptStatus.has(response.status)) {
    req.onUpstreamSuccess();
    return createHttpResponse(response.status, response.headers, text, run.label);
  }
  throw remember(run, statusFailure(req, response));
}

function remember(run: RequestRun, failure: AttemptFailure): AttemptFailure {
  run.lastFailure = failure.error;
  return failure;
}

function statusFailure(req: PreparedRequest, response: Response): AttemptFailure {
  const { run } = req;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), req.clock.now());
  const error = statusToError(response.status, run.label, retryAfterMs);
  // A Retry-After beyond the deadline cannot be honoured: fail now and say when to come back.
  const fitsDeadline = retryAfterMs === undefined || retryAfterMs < run.deadlineAt - performance.now();
  const upstreamFailure = isUpstreamFailureStatus(response.status);
  return new AttemptFailure(error, {
    retryable: upstreamFailure && fitsDeadline,
    countsAsFailure: upstreamFailure,
    deadlineAt: run.deadlineAt,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** fetch rejected: aborted by the caller/close/deadline, timed out, or the network failed. */
function transportFailure(run: RequestRun, signal: AbortSignal, cause: unknown): AttemptFailure {
  const deadlineAt = run.deadlineAt;
  const aborted = abortError(run);
  if (aborted) {
    // The deadline expiring on a slow CMS is upstream trouble; a caller or shutdown abort is not.
    const upstreamSlow = run.deadline.aborted && !run.closing.aborted && !run.caller?.aborted;
    return new AttemptFailure(aborted, { retryable: false, countsAsFailure: upstreamSlow, deadlineAt });
  }
  const what = describeRequest(run.label);
  if (signal.aborted) {
    const error = new ConduitError('ADP_TIMEOUT', `${what} got no complete answer within the per-attempt timeout.`, {
      cause, details: labelDetails(run.label, { attempt: run.attempts }),
    });
    return new AttemptFailure(error, { retryable: true, countsAsFailure: true, deadlineAt });
  }
  const code = networkCode(cause);
  const error = new ConduitError('ADP_UNAVAILABLE', `${what} could not reach the CMS (${code}).`, {
    cause, details: labelDetails(run.label, { network: code }),
  });
  return new AttemptFailure(error, { retryable: true, countsAsFailure: true, deadlineAt });
}

/** undici reports "fetch failed" with the system error (ECONNREFUSED, UND_ERR_SOCKET...) as its cause. */
function networkCode(cause: unknown): string {
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = inner instanceof Error && 'code' in inner && typeof inner.code === 'string' ? inner.code : undefined;
  return code !== undefined && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'network error';
}
