import { randomUUID } from 'node:crypto';
import type { CallContext, CallMeta, CallRunner } from '../app-types.ts';
import { ConduitError, toSafeError } from '../core/conduit-error.ts';
import type { Logger } from '../core/ports.ts';
import { callScope } from './call-context.ts';
import type { Metrics } from './metrics.ts';
import { TokenBucket } from './token-bucket.ts';

export interface CallRunnerOptions {
  logger: Logger;
  metrics: Metrics;
  maxConcurrentCalls: number;
  maxCallsPerSecond: number;
  perAdapterCallsPerSecond: Record<string, number>;
}

/** See CallRunner in app-types.ts: limits, correlation, metrics, logs and draining for every incoming call. */
export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { logger, metrics } = options;
  const global = new TokenBucket(options.maxCallsPerSecond);
  const perAdapter = new Map(Object.entries(options.perAdapterCallsPerSecond).map(([name, rate]) => [name, new TokenBucket(rate)]));
  const inFlight = new Set<Promise<unknown>>();
  const abort = new AbortController();
  let draining = false;

  function admit(meta: CallMeta): void {
    if (draining) throw new ConduitError('SHUTTING_DOWN', 'Conduit is shutting down and accepts no new calls.');
    if (inFlight.size >= options.maxConcurrentCalls) {
      throw new ConduitError('TOOL_RATE_LIMITED', `Too many concurrent calls (limit ${options.maxConcurrentCalls}).`, { retryAfterSeconds: 1 });
    }
    const taken = global.take();
    if (!taken.ok) {
      throw new ConduitError('TOOL_RATE_LIMITED', `Over the global limit of ${options.maxCallsPerSecond} calls per second.`, { retryAfterSeconds: taken.retryAfterSeconds });
    }
    const bucket = meta.adapter === undefined ? undefined : perAdapter.get(meta.adapter);
    const adapterTaken = bucket?.take();
    if (adapterTaken && !adapterTaken.ok) {
      throw new ConduitError('TOOL_RATE_LIMITED', `Over the limit of calls per second for adapter "${meta.adapter ?? ''}".`, { retryAfterSeconds: adapterTaken.retryAfterSeconds });
    }
  }

  async function execute<T>(meta: CallMeta, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
    const correlationId = randomUUID();
    const started = performance.now();
    return callScope.run({ correlationId, tool: meta.tool, ...(meta.adapter ? { adapter: meta.adapter } : {}) }, async () => {
      let outcome = 'ok';
      try {
        admit(meta);
        return await fn({ correlationId, logger, signal: abort.signal });
      } catch (error) {
        const safe = toSafeError(error);
        outcome = safe.code;
        if (safe.code === 'INTERNAL') logger.error({ err: error }, 'unexpected error in tool call');
        throw safe;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        metrics.requestTotal.inc({ tool: meta.tool, outcome });
        metrics.requestDuration.observe({ tool: meta.tool }, seconds);
        logger.info({ operation: meta.tool, latencyMs: Math.round(seconds * 1000), status: outcome === 'ok' ? 'ok' : 'error',
          ...(outcome === 'ok' ? {} : { errorCode: outcome }) }, 'call finished');
      }
    });
  }

  return {
    run<T>(meta: CallMeta, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
      const call = execute(meta, fn);
      inFlight.add(call);
      const forget = (): void => { inFlight.delete(call); };
      call.then(forget, forget);
      return call;
    },
    inFlight: () => inFlight.size,
    async drain(timeoutMs: number): Promise<boolean> {
      draining = true;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
      const all = Promise.allSettled([...inFlight]).then(() => true as const);
      const finished = await Promise.race([all, deadline]);
      clearTimeout(timer);
      if (!finished) abort.abort(new ConduitError('SHUTTING_DOWN', 'Call aborted: shutdown timeout reached.'));
      return finished;
    },
  };
}
