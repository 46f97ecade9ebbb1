import type { AdapterClient } from '../../adapter-kit/adapter-types.ts';
import { capabilitiesOf } from '../../adapter-kit/adapter-types.ts';
import type { AdapterHost, HostedAdapter } from '../../adapter-host/adapter-host.ts';
import type { App } from '../../app-types.ts';
import { configSchema, type ConduitConfig } from '../../config/config-schema.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { silentLogger, systemClock, type Logger } from '../../core/ports.ts';
import { lazyScanStore } from '../../xray/lazy-scan-store.ts';
import { createScanService } from '../../xray/scan-service.ts';
import { createContentService } from '../../content/content-service.ts';
import { createCallRunner } from '../../ops/call-runner.ts';
import { Metrics } from '../../ops/metrics.ts';

export interface TestAppOptions {
  /** Adapters by name; each is hosted as a `sitecore-xp` type with a placeholder URL. */
  adapters?: Record<string, AdapterClient>;
  /** Raw config overrides merged before parsing (e.g. { mcp: { readOnly: true } }). */
  config?: Record<string, unknown>;
  logger?: Logger;
}

/**
 * An App assembled from the real parts (config schema, call runner, metrics,
 * content service with its cache) over the given adapter clients. Used by the
 * MCP tests until and alongside createApp with real adapters.
 */
export function createTestApp(options: TestAppOptions = {}): App {
  const adapters = options.adapters ?? {};
  const config: ConduitConfig = configSchema.parse({
    ...options.config,
    adapters: Object.fromEntries(Object.keys(adapters).map((name) => [name, { type: 'sitecore-xp', url: 'http://127.0.0.1:9' }])),
  });
  const metrics = new Metrics({ defaultMetrics: false });
  const hosted: HostedAdapter[] = Object.entries(adapters).map(([name, client]) => ({
    name, type: 'sitecore-xp', config: config.adapters[name] ?? failMissing(name), client, capabilities: capabilitiesOf(client),
  }));
  const host: AdapterHost = {
    list: () => hosted,
    hosted: (name) => hosted.find((h) => h.name === name) ?? failMissing(name),
    client: (name) => hosted.find((h) => h.name === name)?.client ?? failMissing(name),
    close: async () => undefined,
  };
  const logger = options.logger ?? silentLogger;
  const calls = createCallRunner({ logger, metrics, maxConcurrentCalls: config.limits.maxConcurrentCalls, maxCallsPerSecond: 0, perAdapterCallsPerSecond: {} });
  // X-Ray over a real in-memory SQLite store; adapters without an xray source answer XRAY_SOURCE_MISSING.
  const store = lazyScanStore({ sqlite: ':memory:', autoMigrate: true }, { logger });
  const xray = createScanService({
    store: () => store.open(), logger, clock: systemClock,
    source: (name) => {
      const h = host.hosted(name);
      if (!h.client?.xray) throw new ConduitError('XRAY_SOURCE_MISSING', `Adapter "${name}" cannot enumerate content for X-Ray.`);
      return { source: h.client.xray, concurrency: h.config.resilience.maxConcurrent };
    },
  });
  return {
    version: '0.0.0-test', config, logger, metrics, calls, content: createContentService(host, metrics), xray,
    scanStore: () => store.open(),
    xrayProfile: (name) => hosted.find((h) => h.name === name)?.client?.xray?.profile ?? null,
    readiness: async () => ({ ready: true, shuttingDown: false, inFlightCalls: calls.inFlight(), store: { ok: true, kind: 'none' }, adapters: [] }),
    beginShutdown: () => xray.beginShutdown(),
    close: async () => {
      await xray.close();
      await store.close();
    },
  };
}

function failMissing(name: string): never {
  throw new ConduitError('ADP_UNKNOWN', `No adapter named "${name}" is configured.`);
}
