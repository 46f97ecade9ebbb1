import type { z } from 'zod';
import { adapterRegistry } from '../adapters/index.ts';
import type { App, AdapterReadiness, Readiness } from './app-types.ts';
import { startAdapterHost, type AdapterHost, type AdapterRegistry } from './adapter-host/adapter-host.ts';
import type { ConduitConfig } from './config/config-schema.ts';
import { createContentService } from './content/content-service.ts';
import type { Clock, Logger } from './core/ports.ts';
import { createCallRunner } from './ops/call-runner.ts';
import { createLogger } from './ops/logger.ts';
import { Metrics } from './ops/metrics.ts';
import { packageVersion } from './package-info.ts';
import { ConduitError } from './core/conduit-error.ts';
import type { ScanStore } from './store/scan-store.ts';
import type { XrayProfile } from './adapter-kit/index.ts';
import { createAnalysisHooks } from './xray/analysis/analysis-hooks.ts';
import type { ScanHooks } from './xray/engine/engine-types.ts';
import { lazyScanStore, type StoreProbe } from './xray/lazy-scan-store.ts';
import { createScanService, type ScanServiceDeps, type XraySourceBinding } from './xray/scan-service.ts';

export type { StoreProbe } from './xray/lazy-scan-store.ts';

export interface AppOverrides {
  logger?: Logger;
  metrics?: Metrics;
  registry?: AdapterRegistry;
  clock?: Clock;
  /** Secrets to redact from logs when the logger is created here. */
  secrets?: readonly string[];
  /** A readiness-only probe, or a whole ScanStore for X-Ray. Default: `storage` from the config, opened on first use. */
  store?: StoreProbe | ScanStore;
  /** X-Ray hooks (deep fetch, analysis; default: the analyzers of `config.xray`) and engine settings (tests use short leases). */
  xray?: { hooks?: ScanHooks; settings?: ScanServiceDeps['settings'] };
}

/** The one composition root: wires config → logger, metrics, adapters, services. */
export async function createApp(config: ConduitConfig, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger({ level: config.logging.level, secrets: overrides.secrets ?? [] });
  const metrics = overrides.metrics ?? new Metrics();
  const host = await startAdapterHost({
    config, registry: overrides.registry ?? adapterRegistry, logger, metrics, ...(overrides.clock ? { clock: overrides.clock } : {}),
  });
  const content = createContentService(host, metrics);
  const calls = createCallRunner({
    logger, metrics,
    maxConcurrentCalls: config.limits.maxConcurrentCalls,
    maxCallsPerSecond: config.limits.maxCallsPerSecond,
    perAdapterCallsPerSecond: Object.fromEntries(Object.entries(config.adapters).map(([n, a]) => [n, a.maxCallsPerSecond])),
  });
  const store = lazyScanStore(config.storage, { logger, ...(overrides.clock ? { clock: overrides.clock } : {}), ...(overrides.store ? { override: overrides.store } : {}) });
  const xray = createScanService({
    store: () => store.open(),
    source: (name) => xraySourceOf(host, name),
    logger, clock: overrides.clock ?? { now: () => Date.now() },
    // Every scan ends with its analysis (findings, score) unless a caller supplies its own hooks.
    hooks: overrides.xray?.hooks ?? createAnalysisHooks({ config: config.xray }),
    ...(overrides.xray?.settings ? { settings: overrides.xray.settings } : {}),
  });
  let shuttingDown = false;
  let closed: Promise<void> | undefined;

  async function readiness(): Promise<Readiness> {
    const storeState = await store.check();
    const adapters: AdapterReadiness[] = host.list().map((h) => {
      const breaker = h.http?.breakerState() ?? 'isolated';
      metrics.setBreakerState(h.name, breaker);
      const last = h.http?.lastSuccessAt();
      return { name: h.name, type: h.type, loaded: h.client !== undefined, breaker, ...(last ? { lastSuccessAt: new Date(last).toISOString() } : {}) };
    });
    return {
      // An open breaker degrades that adapter's tools only; the server stays ready to serve the others.
      ready: !shuttingDown && storeState.ok,
      shuttingDown,
      inFlightCalls: calls.inFlight(),
      store: { kind: store.kind, ...storeState },
      adapters,
    };
  }

  return {
    version: packageVersion(),
    config, logger, content, metrics, calls, readiness, xray,
    scanStore: () => store.open(),
    xrayProfile: (name) => xrayProfileOf(host, name),
    beginShutdown() {
      shuttingDown = true;
      xray.beginShutdown();
    },
    close() {
      shuttingDown = true;
      closed ??= (async () => {
        // Scans first: their pages in flight finish and commit, and their leases are released, while adapters and store are up.
        await xray.close();
        await host.close();
        await store.close();
      })();
      return closed;
    },
  };
}

/** The adapter's X-Ray source and bulkhead size, or why it has none. */
function xraySourceOf(host: AdapterHost, name: string): XraySourceBinding {
  const client = host.client(name);
  if (!client.xray) {
    throw new ConduitError('XRAY_SOURCE_MISSING', `Adapter "${name}" (${host.hosted(name).type}) cannot enumerate content for X-Ray.`);
  }
  return { source: client.xray, concurrency: host.hosted(name).config.resilience.maxConcurrent };
}

/** The adapter's X-Ray profile (how its raw fields read), or null when it has none, is not configured or did not load. */
function xrayProfileOf(host: AdapterHost, name: string): XrayProfile | null {
  try {
    return host.client(name).xray?.profile ?? null;
  } catch {
    return null;
  }
}

/** An adapter type's own config schema, for `conduit config validate`; undefined when the type is not shipped. */
export async function adapterConfigSchema(type: string): Promise<z.ZodType | undefined> {
  const load = adapterRegistry[type];
  return load ? (await load()).default.configSchema : undefined;
}
