import type { AdapterClient, XraySource } from '../../../src/adapter-kit/index.ts';
import { silentLogger } from '../../../src/core/ports.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import type { ScanRecord } from '../../../src/store/scan-store-types.ts';
import { createAnalysisHooks } from '../../../src/xray/analysis/analysis-hooks.ts';
import type { AnalysisResult } from '../../../src/xray/analysis/run-analysis.ts';
import type { XrayConfig } from '../../../src/xray/analysis/xray-config-schema.ts';
import { createScanService, type ScanService } from '../../../src/xray/scan-service.ts';
import { createSitecoreXpClient } from '../../../adapters/sitecore-xp/sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from '../../../adapters/sitecore-xp/sitecore-xp-config.ts';
import { startSitecoreSimulator, type SitecoreSimulator, type SitecoreSimulatorOptions } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { fixedClock, openTempStore, type TempStore } from './temp-store.ts';

export interface ScanOutcome {
  scan: ScanRecord;
  analysis: AnalysisResult;
}

export interface SitecoreRig {
  sim: SitecoreSimulator;
  client: AdapterClient;
  temp: TempStore;
  clock: ReturnType<typeof fixedClock>;
  service: ScanService;
  /** Scans the instance with the real engine (root /sitecore by default), which probes and analyzes at the end. */
  scan(root?: string, languages?: 'all' | string[]): Promise<ScanOutcome>;
  close(): Promise<void>;
}

export interface RigOptions extends SitecoreSimulatorOptions {
  config?: XrayConfig;
  /** Another source for the adapter (the XM Cloud one); default: the sitecore-xp client's. */
  source?(sim: SitecoreSimulator, kit: TestKit): XraySource;
  adapter?: string;
  /** Extra keys of the sitecore-xp adapter's config (e.g. xrayLanguages). */
  xp?: Record<string, unknown>;
  /** Extra resilience settings for the adapter's HTTP client (Edge: ratePerSecond 80). */
  resilience?: Parameters<typeof createTestKit>[0]['resilience'];
}

/**
 * The simulator, an adapter against it over HTTP, the real scan engine with
 * the analysis hook, and a temp SQLite store whose clock is the simulator's
 * "now" (so stale content is measured as the ground truth measures it).
 */
export async function sitecoreRig(options: RigOptions = {}): Promise<SitecoreRig> {
  const { config, source: makeSource, adapter = 'xp', resilience, xp, ...simOptions } = options;
  const sim = await startSitecoreSimulator({ items: 2000, seed: 1, ...simOptions });
  const clock = fixedClock(Date.parse(sim.groundTruth().now));
  const temp = await openTempStore(clock);
  const testKit = createTestKit({ name: adapter, baseUrl: sim.url, resilience: { timeoutMs: 20_000, deadlineMs: 60_000, ...resilience } });
  const xpConfig = sitecoreXpConfigSchema.parse({ url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' }, ...xp });
  const client = createSitecoreXpClient(xpConfig, testKit.kit, { xrayPageSize: 200 });
  const source = makeSource ? makeSource(sim, testKit) : client.xray;
  if (!source) throw new Error('no X-Ray source');
  const analyses = new Map<string, AnalysisResult>();
  const service = createScanService({
    store: () => Promise.resolve(temp.store),
    source: () => ({ source, concurrency: 8 }),
    logger: silentLogger, clock,
    hooks: createAnalysisHooks({ ...(config ? { config } : {}), onAnalyzed: (r) => analyses.set(r.scanId, r) }),
  });
  return {
    sim, client, temp, clock, service,
    async scan(root = '/sitecore', languages) {
      const { run } = await service.start({ adapter, root, ...(languages ? { languages } : {}) });
      const result = await run.done;
      const analysis = analyses.get(run.scanId);
      if (result.scan.status !== 'completed' || !analysis) throw new Error(`scan ${run.scanId} ended ${result.outcome}/${result.scan.status}: ${result.error?.message ?? ''}`);
      return { scan: result.scan, analysis };
    },
    async close() {
      await service.close();
      testKit.close();
      await temp.close();
      await sim.close();
    },
  };
}
