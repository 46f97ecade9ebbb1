import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';
import type { Metrics } from './metrics.ts';

/**
 * /metrics under `serve --workers N`: the scrape lands on one worker, which
 * asks the primary to gather every worker's registry and add them up
 * (prom-client's cluster aggregation), so counters stay monotonic and
 * totals are the service's, whichever worker answered.
 */
const QUERY = 'conduit:metrics?';
const REPLY = 'conduit:metrics';
const WAIT_MS = 6_000;

export type MetricsRenderer = () => Promise<{ contentType: string; body: string }>;

let aggregator: AggregatorRegistry<PrometheusContentType> | undefined;

/** In the primary: answers a worker's request for the cluster's metrics. Returns true when the message was one. */
export function answerMetricsQuery(worker: Worker, message: unknown): boolean {
  if (!isClusterMessage(message, QUERY)) return false;
  aggregator ??= new AggregatorRegistry<PrometheusContentType>();
  aggregator.clusterMetrics().then(
    (body) => { worker.send({ type: REPLY, id: message['id'], body }); },
    (error: unknown) => { worker.send({ type: REPLY, id: message['id'], error: error instanceof Error ? error.message : String(error) }); },
  );
  return true;
}

/** In a worker: offers this worker's registry to the primary's aggregation, and renders the cluster's metrics. */
export function clusterMetricsRenderer(metrics: Metrics): MetricsRenderer {
  AggregatorRegistry.setRegistries([metrics.registry]);
  new AggregatorRegistry<PrometheusContentType>(); // installs the worker's listener that answers the primary
  const waiting = new Map<number, { resolve(body: string): void; reject(error: Error): void }>();
  let next = 0;
  process.on('message', (message: unknown) => {
    if (!isClusterMessage(message, REPLY)) return;
    const id = Number(message['id']);
    const pending = waiting.get(id);
    waiting.delete(id);
    if (typeof message['body'] === 'string') pending?.resolve(message['body']);
    else pending?.reject(new Error(`cluster metrics: ${String(message['error'])}`));
  });
  return async () => {
    const id = next++;
    const body = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => { waiting.delete(id); reject(new Error('cluster metrics: the primary did not answer')); }, WAIT_MS);
      waiting.set(id, { resolve: (b) => { clearTimeout(timer); resolve(b); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      process.send?.({ type: QUERY, id });
    });
    return { contentType: metrics.registry.contentType, body };
  };
}

/** A cluster IPC message `{ type, … }` of the given type. */
export function isClusterMessage(message: unknown, type: string): message is Record<string, unknown> {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === type;
}
