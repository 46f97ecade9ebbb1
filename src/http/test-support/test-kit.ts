import type { AdapterKit } from '../../adapter-kit/adapter-types.ts';
import { silentLogger, systemClock, type Logger } from '../../core/ports.ts';
import type { Metrics } from '../../ops/metrics.ts';
import { resilienceConfigSchema, type ResilienceConfig } from '../../resilience/resilience-config.ts';
import { createResilientHttpClient, type ResilientHttpClient } from '../resilient-http-client.ts';
import type { ClientCertificate } from '../tls-client-certificate.ts';

/** Partial<ResilienceConfig>, with `backoff` and `breaker` partial too (they are merged key by key). */
export type ResilienceOverrides = Partial<Omit<ResilienceConfig, 'backoff' | 'breaker'>> & {
  backoff?: Partial<ResilienceConfig['backoff']>;
  breaker?: Partial<ResilienceConfig['breaker']>;
};

export interface TestKitOptions {
  name: string;
  baseUrl: string;
  /** Overrides of the fast test settings (FAST_TEST_RESILIENCE). */
  resilience?: ResilienceOverrides;
  logger?: Logger;
  metrics?: Metrics;
  defaultHeaders?: Record<string, string>;
  /** PEM certificates to trust besides Node's defaults (as tls.caFile gives them). */
  extraCa?: readonly string[];
  /** A client certificate for mutual TLS. */
  clientCertificate?: ClientCertificate;
}

export interface TestKit {
  kit: AdapterKit;
  client: ResilientHttpClient;
  close(): void;
}

/** Settings that keep adapter tests fast: a real client and real policies, with ms-scale waits. */
export const FAST_TEST_RESILIENCE = {
  timeoutMs: 2_000,
  deadlineMs: 5_000,
  maxAttempts: 3,
  backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { halfOpenAfterMs: 200 },
} as const;

/** Parses fast test settings plus overrides through the real schema, so every default still applies. */
export function testResilience(overrides: ResilienceOverrides = {}): ResilienceConfig {
  return resilienceConfigSchema.parse({
    ...FAST_TEST_RESILIENCE,
    ...overrides,
    backoff: { ...FAST_TEST_RESILIENCE.backoff, ...overrides.backoff },
    breaker: { ...FAST_TEST_RESILIENCE.breaker, ...overrides.breaker },
  });
}

/** An AdapterKit for adapter tests, backed by the real resilient client pointed at `baseUrl`. */
export function createTestKit(options: TestKitOptions): TestKit {
  const logger = options.logger ?? silentLogger;
  const client = createResilientHttpClient({
    adapterName: options.name,
    baseUrl: options.baseUrl,
    resilience: testResilience(options.resilience),
    logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
    ...(options.extraCa || options.clientCertificate ? { outbound: { ...(options.extraCa ? { extraCa: options.extraCa } : {}), ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}) } } : {}),
  });
  const shutdown = new AbortController();
  const extra: ResilientHttpClient[] = [];
  const httpFor = (baseUrl: string): ResilientHttpClient => {
    const other = createResilientHttpClient({ adapterName: options.name, baseUrl, resilience: testResilience(options.resilience), logger });
    extra.push(other);
    return other;
  };
  return {
    kit: { http: client, logger, clock: systemClock, signal: shutdown.signal, name: options.name, httpFor },
    client,
    close() {
      shutdown.abort();
      client.close();
      for (const other of extra) other.close();
    },
  };
}
