import type { ResilienceConfig } from '../../../src/resilience/resilience-config.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import type { Clock } from '../../../src/adapter-kit/index.ts';
import { DEFAULT_AUTHORING_CLIENT } from '../../sitecore/simulator/authoring/authoring-tokens.ts';
import { startSitecoreSimulator, type SitecoreSimulator, type SitecoreSimulatorOptions } from '../../sitecore/simulator/sitecore-simulator.ts';
import { createXmcClient, type XmcClient } from '../xmc-client.ts';
import { xmcConfigSchema } from '../xmc-config.ts';

export const SIM_EDGE_KEY = 'sim-edge-delivery-token';

/** What the XM Cloud tests need of a running simulator. */
export type EdgeSimulator = SitecoreSimulator;

/** The Sitecore simulator, which serves the Edge surface beside SSC, with the simulator's Edge key. */
export function startEdgeSimulator(options: SitecoreSimulatorOptions = {}): Promise<EdgeSimulator> {
  return startSitecoreSimulator({ ...options, edgeApiKey: SIM_EDGE_KEY });
}

export interface XmcSimulatorHarness {
  sim: EdgeSimulator;
  client: XmcClient;
  testKit: TestKit;
  close(): Promise<void>;
}

/**
 * The write set-up the README recommends for a CM: reads through the CM preview
 * endpoint (so unpublished writes read back at once), writes through the
 * Authoring API with the simulator's automation client and token endpoint.
 */
export function simAuthoringConfig(simUrl: string, clientSecret: string = DEFAULT_AUTHORING_CLIENT.clientSecret): Record<string, unknown> {
  return {
    endpoint: '/sitecore/api/graph/edge',
    authoring: { clientId: DEFAULT_AUTHORING_CLIENT.clientId, clientSecret, tokenUrl: `${simUrl}/oauth/token` },
  };
}

export interface XmcSimulatorHarnessOptions {
  resilience?: Partial<ResilienceConfig>;
  config?: Record<string, unknown>;
  /** Configure the Authoring API (write part) with the simulator's client, or with this client secret. */
  authoring?: boolean | { clientSecret: string };
  sim?: SitecoreSimulatorOptions;
  /** The adapter's clock (token expiry), default the system clock. */
  clock?: Clock;
}

/** The adapter, configured as the README recommends (ratePerSecond 80), against the simulator over HTTP. */
export async function startXmcSimulatorHarness(options: XmcSimulatorHarnessOptions = {}): Promise<XmcSimulatorHarness> {
  const sim = await startEdgeSimulator(options.sim);
  const authoring = options.authoring === undefined || options.authoring === false ? {}
    : simAuthoringConfig(sim.url, options.authoring === true ? undefined : options.authoring.clientSecret);
  const config = xmcConfigSchema.parse({ type: 'sitecore-xmc', url: sim.url, credentials: { apiKey: SIM_EDGE_KEY }, site: 'Acme', ...authoring, ...options.config });
  const testKit = createTestKit({ name: 'xmc', baseUrl: sim.url, resilience: { ratePerSecond: 80, ...options.resilience } });
  const client = createXmcClient(config, options.clock ? { ...testKit.kit, clock: options.clock } : testKit.kit);
  return {
    sim, client, testKit,
    async close() {
      testKit.close();
      await sim.close();
    },
  };
}
