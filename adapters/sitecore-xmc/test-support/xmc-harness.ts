import type { Logger } from '../../../src/adapter-kit/index.ts';
import type { ResilienceConfig } from '../../../src/resilience/resilience-config.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import type { EdgeContentSource } from '../../sitecore/simulator/edge/edge-content-source.ts';
import { startEdgeTestServer, type EdgeTestServer } from '../../sitecore/simulator/edge/edge-test-server.ts';
import { edgeFixtureSource } from '../../sitecore/simulator/edge/test-support/edge-fixture-source.ts';
import { createXmcClient, type XmcClient } from '../xmc-client.ts';
import { xmcConfigSchema } from '../xmc-config.ts';

export const TEST_API_KEY = '{A6868D65-D612-401F-A40A-CD5BA0857B81}';
export const TEST_CONTEXT_ID = 'ctx-0123456789';

export interface XmcHarness {
  server: EdgeTestServer;
  client: XmcClient;
  testKit: TestKit;
  /** Replaces the keys the Edge server accepts (e.g. [] to make the client's key invalid). */
  setAcceptedKeys(keys: string[]): void;
  close(): Promise<void>;
}

export interface XmcHarnessOptions {
  source?: EdgeContentSource;
  rateLimitPerSecond?: number;
  /** Clock of the simulator's rate-limit window (fixed in tests for determinism). */
  now?: () => number;
  /** Extra adapter config keys (credentials, endpoint, pageSize, …). */
  config?: Record<string, unknown>;
  resilience?: Partial<ResilienceConfig>;
  logger?: Logger;
}

/** The XM Cloud adapter against the Edge surface of the simulator, over real HTTP on 127.0.0.1. */
export async function startXmcHarness(options: XmcHarnessOptions = {}): Promise<XmcHarness> {
  let keys = [TEST_API_KEY];
  const server = await startEdgeTestServer({
    source: options.source ?? edgeFixtureSource(), apiKeys: () => keys, contextIds: [TEST_CONTEXT_ID],
    rateLimitPerSecond: options.rateLimitPerSecond ?? 0,
    ...(options.now ? { now: options.now } : {}),
  });
  const config = xmcConfigSchema.parse({
    type: 'sitecore-xmc', url: server.url, credentials: { apiKey: TEST_API_KEY }, site: 'website', ...options.config,
  });
  const testKit = createTestKit({
    name: 'xmc', baseUrl: server.url,
    ...(options.resilience ? { resilience: options.resilience } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const client = createXmcClient(config, testKit.kit);
  return {
    server, client, testKit,
    setAcceptedKeys: (next) => { keys = next; },
    async close() {
      testKit.close();
      await server.close();
    },
  };
}
