import type { ResilienceConfig } from '../../../src/resilience/resilience-config.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../sitecore/simulator/sitecore-simulator.ts';
import { createXmcClient, type XmcClient } from '../xmc-client.ts';
import { xmcConfigSchema } from '../xmc-config.ts';

export const SIM_EDGE_KEY = 'sim-edge-delivery-token';

/** What the XM Cloud tests need of a running simulator. */
export type EdgeSimulator = SitecoreSimulator;

/** The Sitecore simulator, which serves the Edge surface beside SSC, with the simulator's Edge key. */
export function startEdgeSimulator(options: { items?: number; seed?: number } = {}): Promise<EdgeSimulator> {
  return startSitecoreSimulator({ ...options, edgeApiKey: SIM_EDGE_KEY });
}

export interface XmcSimulatorHarness {
  sim: EdgeSimulator;
  client: XmcClient;
  testKit: TestKit;
  close(): Promise<void>;
}

/** The adapter, configured as the README recommends (ratePerSecond 80), against the simulator over HTTP. */
export async function startXmcSimulatorHarness(options: { resilience?: Partial<ResilienceConfig>; config?: Record<string, unknown> } = {}): Promise<XmcSimulatorHarness> {
  const sim = await startEdgeSimulator();
  const config = xmcConfigSchema.parse({ type: 'sitecore-xmc', url: sim.url, credentials: { apiKey: SIM_EDGE_KEY }, site: 'Acme', ...options.config });
  const testKit = createTestKit({ name: 'xmc', baseUrl: sim.url, resilience: { ratePerSecond: 80, ...options.resilience } });
  const client = createXmcClient(config, testKit.kit);
  return {
    sim, client, testKit,
    async close() {
      testKit.close();
      await sim.close();
    },
  };
}
