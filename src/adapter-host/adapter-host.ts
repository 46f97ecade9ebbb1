import type { AdapterClient, AdapterManifest, Capability } from '../adapter-kit/adapter-types.ts';
import { capabilitiesOf } from '../adapter-kit/adapter-types.ts';
import type { AdapterConfig, ConduitConfig } from '../config/config-schema.ts';
import { ConduitError, quoted, toSafeError } from '../core/conduit-error.ts';
import { systemClock, type Clock, type Logger } from '../core/ports.ts';
import { createResilientHttpClient, type ResilientHttpClient } from '../http/resilient-http-client.ts';
import { readCaBundle, type OutboundOptions } from '../http/tls-trust.ts';
import { clientCertificateFiles, readClientCertificate } from '../http/tls-client-certificate.ts';
import type { Metrics } from '../ops/metrics.ts';

/** adapter type → lazy import of its manifest; the only list of adapters lives in adapters/index.ts. */
export type AdapterRegistry = Readonly<Record<string, () => Promise<{ default: AdapterManifest<unknown> }>>>;

export interface HostedAdapter {
  name: string;
  type: string;
  config: AdapterConfig;
  /** Absent when the adapter failed to load or start; `error` says why. */
  client?: AdapterClient;
  http?: ResilientHttpClient;
  /** Clients for other origins the adapter asked for (kit.httpFor); closed with it. */
  extraHttp?: ResilientHttpClient[];
  error?: ConduitError;
  capabilities: Capability[];
}

export interface AdapterHost {
  list(): HostedAdapter[];
  /** The running client, or ADP_UNKNOWN / ADP_LOAD_FAILED. */
  client(name: string): AdapterClient;
  hosted(name: string): HostedAdapter;
  close(): Promise<void>;
}

export interface AdapterHostOptions {
  config: ConduitConfig;
  registry: AdapterRegistry;
  logger: Logger;
  metrics: Metrics;
  clock?: Clock;
}

/**
 * One resilient client and one breaker per configured adapter. Only the
 * configured types are imported, each in isolation: a CMS SDK that fails to
 * load degrades only its own adapter (ADP_LOAD_FAILED), never the server.
 */
export async function startAdapterHost(options: AdapterHostOptions): Promise<AdapterHost> {
  const shutdown = new AbortController();
  const entries = Object.entries(options.config.adapters);
  const hosted = await Promise.all(entries.map(([name, config]) => startOne(name, config, options, shutdown.signal)));
  const byName = new Map(hosted.map((h) => [h.name, h]));

  function hostedAdapter(name: string): HostedAdapter {
    const found = byName.get(name);
    if (!found) {
      throw new ConduitError('ADP_UNKNOWN', `No adapter named ${quoted(name)} is configured.`, {
        hint: `Use one of: ${[...byName.keys()].join(', ') || '(none configured)'}.`,
      });
    }
    return found;
  }

  return {
    list: () => hosted,
    hosted: hostedAdapter,
    client(name) {
      const found = hostedAdapter(name);
      if (!found.client) throw found.error ?? new ConduitError('ADP_LOAD_FAILED', `Adapter "${name}" is not running.`);
      return found.client;
    },
    async close() {
      shutdown.abort();
      await Promise.allSettled(hosted.map(async (h) => {
        await h.client?.close?.();
        h.http?.close();
        for (const extra of h.extraHttp ?? []) extra.close();
      }));
    },
  };
}

async function startOne(name: string, config: AdapterConfig, options: AdapterHostOptions, signal: AbortSignal): Promise<HostedAdapter> {
  const logger = options.logger.child({ adapter: name, adapterType: config.type });
  const base: HostedAdapter = { name, type: config.type, config, capabilities: [] };
  const load = options.registry[config.type];
  if (!load) {
    const error = new ConduitError('ADP_LOAD_FAILED', `Adapter "${name}": type "${config.type}" is not available in this version of Conduit.`, {
      hint: 'Use sitecore-xp or sitecore-xmc, or upgrade Conduit.',
    });
    logger.warn({ code: error.code }, error.message);
    return { ...base, error };
  }
  let http: ResilientHttpClient | undefined;
  const extraHttp: ResilientHttpClient[] = [];
  const clock = options.clock ?? systemClock;
  try {
    const manifest = (await load()).default;
    const typed = manifest.configSchema.parse(config);
    const clientFiles = clientCertificateFiles(config.tls);
    const outbound: OutboundOptions = {
      proxyFromEnv: options.config.network.proxyFromEnv,
      ...(config.tls.caFile === undefined ? {} : { extraCa: readCaBundle(config.tls.caFile) }),
      ...(clientFiles === undefined ? {} : { clientCertificate: readClientCertificate(clientFiles) }),
    };
    // Metrics stay keyed by the adapter's main client; extra origins only log their breaker changes.
    const httpFor = (baseUrl: string): ResilientHttpClient => {
      const extra = createResilientHttpClient({ adapterName: name, baseUrl, resilience: config.resilience, logger, clock, outbound });
      extraHttp.push(extra);
      return extra;
    };
    http = createResilientHttpClient({
      adapterName: name, baseUrl: config.url, resilience: config.resilience, logger, metrics: options.metrics, clock, outbound,
    });
    const client = manifest.create(typed, { http, logger, clock, signal, name, httpFor });
    options.metrics.setBreakerState(name, 'closed');
    return { ...base, client, http, extraHttp, capabilities: capabilitiesOf(client) };
  } catch (cause) {
    http?.close();
    for (const extra of extraHttp) extra.close();
    const safe = toSafeError(cause);
    const error = new ConduitError('ADP_LOAD_FAILED', `Adapter "${name}" (${config.type}) failed to start: ${safe.code === 'INTERNAL' ? 'unexpected error' : safe.message}`, { cause });
    logger.error({ err: cause, code: error.code }, error.message);
    options.metrics.setBreakerState(name, 'isolated');
    return { ...base, error };
  }
}
