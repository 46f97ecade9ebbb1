import type { AdapterClient } from '../../../src/adapter-kit/index.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import type { ScanRecord } from '../../../src/store/scan-store-types.ts';
import { createSitecoreXpClient } from '../../../adapters/sitecore-xp/sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from '../../../adapters/sitecore-xp/sitecore-xp-config.ts';
import { startSitecoreSimulator, type SitecoreSimulator, type SitecoreSimulatorOptions } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { crawlIntoStore } from './crawl-into-store.ts';
import { probeSitecoreTargets } from './probe-sitecore-targets.ts';
import { fixedClock, openTempStore, type TempStore } from './temp-store.ts';

export interface SitecoreRig {
  sim: SitecoreSimulator;
  client: AdapterClient;
  temp: TempStore;
  clock: ReturnType<typeof fixedClock>;
  /** Crawls the whole instance (/sitecore) into the store, probes unresolved targets, returns the completed scan. */
  scan(): Promise<ScanRecord>;
  close(): Promise<void>;
}

/** A simulator, the sitecore-xp adapter against it over HTTP, and a temp SQLite store whose clock is the simulator's "now". */
export async function sitecoreRig(options: SitecoreSimulatorOptions = {}): Promise<SitecoreRig> {
  const sim = await startSitecoreSimulator({ items: 2000, seed: 1, ...options });
  const clock = fixedClock(Date.parse(sim.groundTruth().now));
  const temp = await openTempStore(clock);
  const testKit: TestKit = createTestKit({ name: 'xp', baseUrl: sim.url, resilience: { timeoutMs: 20_000, deadlineMs: 60_000 } });
  const config = sitecoreXpConfigSchema.parse({ url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' } });
  const client = createSitecoreXpClient(config, testKit.kit, { xrayPageSize: 200 });
  return {
    sim, client, temp, clock,
    async scan() {
      const source = client.xray;
      if (!source) throw new Error('sitecore-xp has no X-Ray source');
      const scan = await crawlIntoStore(temp.store, source, { adapter: 'xp', root: '/sitecore', concurrency: 8 });
      await probeSitecoreTargets(temp.store, scan.id, client);
      return scan;
    },
    async close() {
      testKit.close();
      await temp.close();
      await sim.close();
    },
  };
}
