import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type BreakerStateName = 'closed' | 'open' | 'half-open' | 'isolated';
const BREAKER_STATE_VALUE: Record<BreakerStateName, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/**
 * Conduit's Prometheus metrics on a registry of its own (never the global one,
 * so two apps in one process — tests — do not collide).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requestTotal: Counter<'tool' | 'outcome'>;
  readonly requestDuration: Histogram<'tool'>;
  readonly cacheHitTotal: Counter<'adapter' | 'operation'>;
  readonly cacheMissTotal: Counter<'adapter' | 'operation'>;
  readonly adapterErrorsTotal: Counter<'adapter' | 'kind'>;
  readonly adapterRetriesTotal: Counter<'adapter'>;
  readonly adapterRequestsTotal: Counter<'adapter'>;
  readonly breakerState: Gauge<'adapter'>;
  readonly xrayScanDuration: Histogram<'adapter' | 'outcome'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.requestTotal = new Counter({
      name: 'conduit_request_total', help: 'Tool calls by tool and outcome (ok or an error code)',
      labelNames: ['tool', 'outcome'], registers,
    });
    this.requestDuration = new Histogram({
      name: 'conduit_request_duration_seconds', help: 'Tool call duration in seconds',
      labelNames: ['tool'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.cacheHitTotal = new Counter({
      name: 'conduit_cache_hit_total', help: 'Read-through cache hits', labelNames: ['adapter', 'operation'], registers,
    });
    this.cacheMissTotal = new Counter({
      name: 'conduit_cache_miss_total', help: 'Read-through cache misses', labelNames: ['adapter', 'operation'], registers,
    });
    this.adapterErrorsTotal = new Counter({
      name: 'conduit_adapter_errors_total', help: 'Upstream CMS errors by adapter and kind (error code)',
      labelNames: ['adapter', 'kind'], registers,
    });
    this.adapterRetriesTotal = new Counter({
      name: 'conduit_adapter_retries_total', help: 'Upstream requests retried', labelNames: ['adapter'], registers,
    });
    this.adapterRequestsTotal = new Counter({
      name: 'conduit_adapter_requests_total', help: 'Upstream HTTP attempts sent', labelNames: ['adapter'], registers,
    });
    this.breakerState = new Gauge({
      name: 'conduit_breaker_state', help: 'Circuit breaker state per adapter: 0 closed, 1 half-open, 2 open, 3 isolated',
      // Under serve --workers each worker has its own breaker: report the worst.
      labelNames: ['adapter'], registers, aggregator: 'max',
    });
    this.xrayScanDuration = new Histogram({
      name: 'conduit_xray_scan_duration_seconds', help: 'X-Ray scan duration in seconds',
      labelNames: ['adapter', 'outcome'], buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600], registers,
    });
  }

  setBreakerState(adapter: string, state: BreakerStateName): void {
    this.breakerState.set({ adapter }, BREAKER_STATE_VALUE[state]);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
