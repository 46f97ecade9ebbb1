import { ConduitError } from '../core/conduit-error.ts';
import { describeRequest, labelDetails, type RequestLabel } from './status-to-error.ts';

/**
 * The signals of one logical request: the caller's, the client's close, and
 * the overall deadline across retries and Retry-After waits. `combined`
 * aborts when any of them does and is what the policies and fetch see.
 */
export interface RequestRun {
  readonly label: RequestLabel;
  readonly deadlineAt: number;
  readonly caller: AbortSignal | undefined;
  readonly closing: AbortSignal;
  readonly deadline: AbortSignal;
  readonly combined: AbortSignal;
  attempts: number;
  lastFailure: ConduitError | undefined;
  dispose(): void;
}

export function startRequestRun(label: RequestLabel, deadlineMs: number, closing: AbortSignal, caller?: AbortSignal): RequestRun {
  const deadlineCtl = new AbortController();
  const combinedCtl = new AbortController();
  // Explicit listeners, removed in dispose(): per-request links to the long-lived close signal must not pile up.
  const sources = caller ? [closing, deadlineCtl.signal, caller] : [closing, deadlineCtl.signal];
  const forward = (event: Event): void => {
    if (event.target instanceof AbortSignal) combinedCtl.abort(event.target.reason);
  };
  for (const source of sources) {
    if (source.aborted) combinedCtl.abort(source.reason);
    else source.addEventListener('abort', forward, { once: true });
  }
  const run: RequestRun = {
    label,
    deadlineAt: performance.now() + deadlineMs,
    caller,
    closing,
    deadline: deadlineCtl.signal,
    combined: combinedCtl.signal,
    attempts: 0,
    lastFailure: undefined,
    dispose: () => {
      clearTimeout(timer);
      for (const source of sources) source.removeEventListener('abort', forward);
    },
  };
  const timer = setTimeout(() => deadlineCtl.abort(deadlineError(run, deadlineMs)), deadlineMs);
  return run;
}

function deadlineError(run: RequestRun, deadlineMs: number): ConduitError {
  const last = run.lastFailure;
  return new ConduitError('ADP_TIMEOUT', `${describeRequest(run.label)} did not complete within its ${deadlineMs} ms deadline`
    + ` (${run.attempts} attempt${run.attempts === 1 ? '' : 's'}${last ? `, last: ${last.code}` : ''}).`, {
    details: labelDetails(run.label, { deadlineMs, attempts: run.attempts, ...(last ? { lastCode: last.code } : {}) }),
    ...(last ? { cause: last } : {}),
  });
}

/** Why the run was aborted, as a ConduitError; undefined while it is not. */
export function abortError(run: RequestRun): ConduitError | undefined {
  if (run.closing.aborted) return asConduitError(run.closing.reason, run.label, 'SHUTTING_DOWN');
  if (run.deadline.aborted) return asConduitError(run.deadline.reason, run.label, 'ADP_TIMEOUT');
  if (run.caller?.aborted) return asConduitError(run.caller.reason, run.label, 'SHUTTING_DOWN');
  return undefined;
}

/**
 * A ConduitError reason (call runner, deadline, close) is kept as it is. A
 * bare AbortSignal.timeout() is a timeout; any other abort is the caller
 * giving up on the work, which in Conduit means shutting down.
 */
function asConduitError(reason: unknown, label: RequestLabel, fallback: 'SHUTTING_DOWN' | 'ADP_TIMEOUT'): ConduitError {
  if (reason instanceof ConduitError) return reason;
  const isTimeout = reason instanceof DOMException && reason.name === 'TimeoutError';
  const code = isTimeout ? 'ADP_TIMEOUT' : fallback;
  const verb = isTimeout ? 'timed out (caller deadline)' : 'was cancelled before it completed';
  return new ConduitError(code, `${describeRequest(label)} ${verb}.`, { cause: reason, details: labelDetails(label) });
}
