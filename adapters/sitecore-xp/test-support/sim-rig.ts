import assert from 'node:assert/strict';
import type { AdapterClient, CrawlTask, XrayItem, XraySource } from '../../../src/adapter-kit/index.ts';
import { createTestKit, type TestKit } from '../../../src/http/test-support/test-kit.ts';
import { startSitecoreSimulator, type SitecoreSimulator, type SitecoreSimulatorOptions } from '../../sitecore/simulator/sitecore-simulator.ts';
import { createSitecoreXpClient } from '../sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from '../sitecore-xp-config.ts';

export interface XpSimRig { sim: SitecoreSimulator; testKit: TestKit; client: AdapterClient; close(): Promise<void> }

/** A 400-item simulator and a sitecore-xp client on it over real HTTP; `config` adds adapter config keys. */
export async function xpSimRig(options: SitecoreSimulatorOptions = {}, xrayPageSize = 50, config: Record<string, unknown> = {}): Promise<XpSimRig> {
  const sim = await startSitecoreSimulator({ items: 400, seed: 1, ...options });
  const testKit = createTestKit({ name: 'xp', baseUrl: sim.url });
  const parsed = sitecoreXpConfigSchema.parse({ url: sim.url, credentials: options.credentials ?? { domain: 'sitecore', username: 'admin', password: 'b' }, ...config });
  const client = createSitecoreXpClient(parsed, testKit.kit, { xrayPageSize });
  return { sim, testKit, client, async close() { testKit.close(); await sim.close(); } };
}

export function xrayOf(client: AdapterClient): XraySource {
  assert.ok(client.xray);
  return client.xray;
}

/** A minimal crawl engine: breadth-first over tasks, deduplicating by key, as the X-Ray engine does. */
export async function crawlAll(source: XraySource, root: string): Promise<{ items: XrayItem[]; keys: string[]; requests: number }> {
  const queue: CrawlTask[] = await source.rootTasks(root);
  const seen = new Set<string>();
  const items: XrayItem[] = [];
  let requests = 0;
  while (queue.length > 0) {
    const task = queue.shift();
    if (!task || seen.has(task.key)) continue;
    seen.add(task.key);
    const page = await source.crawl(task);
    items.push(...page.items);
    requests += page.requests;
    queue.push(...page.next);
  }
  return { items, keys: [...seen], requests };
}
