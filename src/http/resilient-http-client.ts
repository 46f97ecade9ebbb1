import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError, type IDisposable } from 'cockatiel';
import type { HttpClient, HttpRequest, HttpResponse } from '../adapter-kit/http-types.ts';
import { ConduitError } from '../core/conduit-error.ts';
import { systemClock, type Clock, type Logger } from '../core/ports.ts';
import type { BreakerStateName, Metrics } from '../ops/metrics.ts';
import { isAttemptFailure } from '../resilience/attempt-failure.ts';
import { buildPolicies } from '../resilience/build-policies.ts';
import { breakerStateName, observePolicies } from '../resilience/observe-policies.ts';
import type { ResilienceConfig } from '../resilience/resilience-config.ts';
import { toRetryAfterSeconds } from '../resilience/retry-after.ts';
import { encodeBody } from './encode-body.ts';
import { abortError, startRequestRun, type RequestRun } from './request-run.ts';
import { buildRequestUrl, parseBaseUrl } from './request-target.ts';
import { sendAttempt, type PreparedRequest } from './send-attempt.ts';
import { adapterAgent, type OutboundOptions } from './tls-trust.ts';
import { describeRequest, labelDetails, type RequestLabel } from './status-to-error.ts';

export interface ResilientHttpClientOptions {
  adapterName: string;
  baseUrl: string;
  resilience: ResilienceConfig;
  logger: Logger;
  metrics?: Metrics;
  clock?: Clock;
  defaultHeaders?: Record<string, string>;
  /** Trusted CAs and proxy use for this CMS (adapters.<name>.tls, network.proxyFromEnv). */
  outbound?: OutboundOptions;
}

export interface ResilientHttpClient extends HttpClient {
  breakerState(): BreakerStateName;
  /** Epoch ms of the last upstream 2xx or accepted status. */
  lastSuccessAt(): number | undefined;
  /** Disposes the policies and aborts in-flight requests; later requests fail with SHUTTING_DOWN. */
  close(): void;
}

/**
 * The HTTP client every CMS call goes through: undici's fetch over a keep-alive
 * connection pool of the adapter's own, behind one set of cockatiel policies per adapter instance,
 * so one CMS that is down never slows another. See buildPolicies for the order.
 */
export function createResilientHttpClient(options: ResilientHttpClientOptions): ResilientHttpClient {
  const { adapterName: adapter, resilience, logger, metrics } = options;
  const clock = options.clock ?? systemClock;
  const base = parseBaseUrl(adapter, options.baseUrl);
  const policies = buildPolicies(resilience);
  const closing = new AbortController();
  // The adapter's own pool, so its sockets and trusted CAs are its own too.
  const agent = adapterAgent(options.outbound);
  let lastSuccess: number | undefined;
  const subscriptions: IDisposable[] = observePolicies(policies, { adapterName: adapter, logger, ...(metrics ? { metrics } : {}) });

  function circuitOpen(error: BrokenCircuitError, run: RequestRun): ConduitError {
    const waitMs = policies.gate.retryAfterMs();
    const last = run.lastFailure;
    return new ConduitError('ADP_CIRCUIT_OPEN', `${describeRequest(run.label)} was not sent: the circuit breaker for this CMS is open after repeated failures.`, {
      retryAfterSeconds: toRetryAfterSeconds(waitMs), cause: last ?? error, details: labelDetails(run.label),
    });
  }

  function toConduitError(error: unknown, run: RequestRun): ConduitError {
    if (isAttemptFailure(error)) return error.error;
    if (error instanceof ConduitError) return error;
    if (error instanceof BrokenCircuitError) return circuitOpen(error, run);
    if (error instanceof BulkheadRejectedError) {
      return new ConduitError('ADP_BUSY', `${describeRequest(run.label)} was not sent: ${resilience.maxConcurrent} requests are in flight and ${resilience.maxQueue} queued.`, {
        cause: error, details: labelDetails(run.label), retryAfterSeconds: 1,
      });
    }
    const aborted = abortError(run);
    if (aborted) return aborted;
    if (error instanceof TaskCancelledError) return new ConduitError('ADP_TIMEOUT', `${describeRequest(run.label)} was cancelled.`, { cause: error });
    return new ConduitError('INTERNAL', `${describeRequest(run.label)} failed unexpectedly inside the HTTP client.`, { cause: error });
  }

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const prepared = prepare(req);
    const { run } = prepared;
    const policy = (req.idempotent ?? (req.method === 'GET' || req.method === 'HEAD')) ? policies.retrying : policies.once;
    try {
      const running = policy.execute(({ signal }) => sendAttempt(prepared, signal), run.combined);
      return await settleOrAbort(running, run.combined);
    } catch (error) {
      const failure = toConduitError(error, run);
      metrics?.adapterErrorsTotal.inc({ adapter, kind: failure.code });
      logger.debug({ adapter, operation: req.operation, method: req.method, path: run.label.path, code: failure.code, attempts: run.attempts }, 'upstream request failed');
      throw failure;
    } finally {
      run.dispose();
    }
  }

  function prepare(req: HttpRequest): PreparedRequest {
    const url = buildRequestUrl(adapter, base, req.path, req.query);
    const label: RequestLabel = { adapter, method: req.method, path: url.pathname };
    if (req.body !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      throw new ConduitError('INTERNAL', `${describeRequest(label)}: a ${req.method} request cannot have a body.`);
    }
    const headers = new Headers(options.defaultHeaders);
    for (const [name, value] of Object.entries(req.headers ?? {})) headers.set(name, value);
    const body = encodeBody(req.body, headers, describeRequest(label));
    if (closing.signal.aborted) throw new ConduitError('SHUTTING_DOWN', `${describeRequest(label)} was not sent: the client is closed.`);
    const run = startRequestRun(label, resilience.deadlineMs, closing.signal, req.signal);
    return {
      url, init: { method: req.method, headers, body }, dispatcher: agent, acceptStatus: new Set(req.acceptStatus), run, clock, metrics,
      onUpstreamSuccess: () => { lastSuccess = clock.now(); },
    };
  }

  return {
    request,
    breakerState: () => breakerStateName(policies.breaker.state),
    lastSuccessAt: () => lastSuccess,
    close() {
      if (closing.signal.aborted) return;
      closing.abort(new ConduitError('SHUTTING_DOWN', `Adapter "${adapter}": the HTTP client was closed while a request was in flight.`));
      for (const subscription of subscriptions.splice(0)) subscription.dispose();
      policies.dispose();
      void agent.close().catch(() => undefined);
    },
  };
}

/**
 * Settles with the policies' result, or rejects as soon as `signal` aborts:
 * a Retry-After wait or a bulkhead queue does not watch the signal, and the
 * deadline must hold anyway. The abandoned work sees the same signal and ends
 * at its next step; its result is handled (ignored) here, never left floating.
 */
function settleOrAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
