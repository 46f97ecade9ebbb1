import type { z } from 'zod';
import { adapterRegistry } from '../adapters/index.ts';
import type { App, AdapterReadiness, Readiness } from './app-types.ts';
import { startAdapterHost, type AdapterRegistry } from './adapter-host/adapter-host.ts';
import type { ConduitConfig } from './config/config-schema.ts';
import { createContentService } from './content/content-service.ts';
import type { Clock, Logger } from './core/ports.ts';
import { createCallRunner } from './ops/call-runner.ts';
import { createLogger } from './ops/logger.ts';
import { Metrics } from './ops/metrics.ts';
import { packageVersion } from './package-info.ts';

export interface StoreProbe {
  kind: 'sqlite' | 'postgres' | 'none';
  check(): Promise<{ ok: boolean; message?: string }>;
  close(): Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  metrics?: Metrics;
  registry?: AdapterRegistry;
  clock?: Clock;
  /** Secrets to redact from logs when the logger is created here. */
  secrets?: readonly string[];
  store?: StoreProbe;
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
  const store = overrides.store;
  let shuttingDown = false;
  let closed: Promise<void> | undefined;

  async function readiness(): Promise<Readiness> {
    const storeState = store ? await store.check().catch((e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : 'store check failed' })) : { ok: true };
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
      store: { kind: store?.kind ?? 'none', ...storeState },
      adapters,
    };
  }

  return {
    version: packageVersion(),
    config, logger, content, metrics, calls, readiness,
    beginShutdown() { shuttingDown = true; },
    close() {
      shuttingDown = true;
      closed ??= (async () => {
        await host.close();
        await store?.close();
      })();
      return closed;
    },
  };
}

/** An adapter type's own config schema, for `conduit config validate`; undefined when the type is not shipped. */
export async function adapterConfigSchema(type: string): Promise<z.ZodType | undefined> {
  const load = adapterRegistry[type];
  return load ? (await load()).default.configSchema : undefined;
}
