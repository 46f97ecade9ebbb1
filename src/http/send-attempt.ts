import { fetch, type Dispatcher } from 'undici';
import { ConduitError } from '../core/conduit-error.ts';
import type { Clock } from '../core/ports.ts';
import type { HttpResponse } from '../adapter-kit/http-types.ts';
import type { Metrics } from '../ops/metrics.ts';
import { AttemptFailure } from '../resilience/attempt-failure.ts';
import { parseRetryAfter } from '../resilience/retry-after.ts';
import type { EncodedBody } from './encode-body.ts';
import { createHttpResponse } from './http-response.ts';
import { abortError, type RequestRun } from './request-run.ts';
import { networkCode, networkFailureHint } from './network-failure.ts';
import { tlsFailureReason } from './tls-trust.ts';
import { describeRequest, isUpstreamFailureStatus, labelDetails, statusToError } from './status-to-error.ts';

/** Everything one attempt needs; built once per logical request. */
export interface PreparedRequest {
  url: URL;
  init: { method: string; headers: Headers; body: EncodedBody | undefined };
  /** The adapter's own connection pool (and its trusted CAs). */
  dispatcher: Dispatcher;
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
  let response: Awaited<ReturnType<typeof fetch>>;
  let text: string;
  try {
    const { method, headers, body } = req.init;
    // A plain record: undici's fetch takes any header list, but its types know only its own Headers class.
    response = await fetch(req.url, { method, headers: Object.fromEntries(headers), body, signal, dispatcher: req.dispatcher });
    text = await response.text();
  } catch (cause) {
    throw remember(run, transportFailure(req, signal, cause));
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
function transportFailure(req: PreparedRequest, signal: AbortSignal, cause: unknown): AttemptFailure {
  const { run } = req;
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
  const tls = tlsFailureReason(code, req.url.origin);
  if (tls) {
    // A refused certificate fails the same way every time and costs the CMS nothing: no retry, no breaker.
    const error = new ConduitError('ADP_TLS_FAILED', `${what} failed: ${tls.message}.`, {
      cause, hint: tls.hint, details: labelDetails(run.label, { network: code }),
    });
    return new AttemptFailure(error, { retryable: false, countsAsFailure: false, deadlineAt });
  }
  const hint = networkFailureHint(code, req.url);
  const error = new ConduitError('ADP_UNAVAILABLE', `${what} could not reach the CMS (${code}).`, {
    cause, details: labelDetails(run.label, { network: code }), ...(hint ? { hint } : {}),
  });
  return new AttemptFailure(error, { retryable: true, countsAsFailure: true, deadlineAt });
}
