import { CircuitState, type IDisposable } from 'cockatiel';
import type { Logger } from '../core/ports.ts';
import type { BreakerStateName, Metrics } from '../ops/metrics.ts';
import { isAttemptFailure } from './attempt-failure.ts';
import type { AdapterPolicies } from './build-policies.ts';

export interface PolicyObserverOptions {
  adapterName: string;
  logger: Logger;
  metrics?: Metrics;
}

export function breakerStateName(state: CircuitState): BreakerStateName {
  switch (state) {
    case CircuitState.Closed: return 'closed';
    case CircuitState.Open: return 'open';
    case CircuitState.HalfOpen: return 'half-open';
    case CircuitState.Isolated: return 'isolated';
  }
}

function reasonCode(reason: { error: unknown } | { value: unknown }): string {
  if ('error' in reason && isAttemptFailure(reason.error)) return reason.error.error.code;
  return 'error' in reason && reason.error instanceof Error ? reason.error.name : 'unknown';
}

/**
 * Turns policy events into metrics and logs. cockatiel only emits; the host
 * decides what is worth recording. Returns the subscriptions to dispose.
 */
export function observePolicies(policies: AdapterPolicies, options: PolicyObserverOptions): IDisposable[] {
  const { adapterName: adapter, logger, metrics } = options;
  metrics?.setBreakerState(adapter, breakerStateName(policies.breaker.state));
  return [
    policies.retry.onRetry((event) => {
      metrics?.adapterRetriesTotal.inc({ adapter });
      logger.debug({ adapter, attempt: event.attempt, delayMs: event.delay, code: reasonCode(event) }, 'retrying upstream request');
    }),
    policies.breaker.onStateChange((state) => metrics?.setBreakerState(adapter, breakerStateName(state))),
    policies.breaker.onBreak((reason) => {
      const code = 'isolated' in reason ? 'isolated' : reasonCode(reason);
      logger.warn({ adapter, code }, 'circuit breaker opened: calls to this CMS fail fast until a probe succeeds');
    }),
    policies.breaker.onHalfOpen(() => logger.debug({ adapter }, 'circuit breaker half-open: sending one probe')),
    policies.breaker.onReset(() => logger.info({ adapter }, 'circuit breaker closed: the CMS answers again')),
    policies.breaker.onFailure((event) => {
      if (event.handled) logger.debug({ adapter, code: reasonCode(event.reason), ms: Math.round(event.duration) }, 'upstream attempt failed');
    }),
    policies.bulkhead.onReject(() => logger.debug({ adapter }, 'bulkhead full: request rejected')),
  ];
}
