import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adapterConfigSchema, createApp, type AppOverrides } from '../../../src/app.ts';
import type { App } from '../../../src/app-types.ts';
import type { ConduitConfig } from '../../../src/config/config-schema.ts';
import { parseConfigObject } from '../../../src/config/load-config.ts';
import { silentLogger } from '../../../src/core/ports.ts';
import type { SimTree } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { ITEM_IDS } from '../../../adapters/sitecore/shared/index.ts';

export const CONTENT_ROOT = '/sitecore/content';

export interface XrayTestConfig {
  simUrl: string;
  /** storage.sqlite file (default: a new temp dir) or a postgres URL. */
  sqlite?: string;
  postgres?: string;
  maxConcurrent?: number;
  ratePerSecond?: number;
  password?: string;
  /** logging.level of the config (default silent). */
  logLevel?: string;
}

export function tempDir(prefix = 'conduit-xray-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The raw config object (also written as YAML for child processes). */
export function xrayConfigObject(c: XrayTestConfig): Record<string, unknown> {
  return {
    adapters: {
      sim: {
        type: 'sitecore-xp', url: c.simUrl,
        credentials: { domain: 'sitecore', username: 'admin', password: c.password ?? 'b' },
        resilience: {
          maxConcurrent: c.maxConcurrent ?? 4, ratePerSecond: c.ratePerSecond ?? 0,
          timeoutMs: 5_000, deadlineMs: 10_000, maxAttempts: 2, backoff: { initialDelayMs: 50, maxDelayMs: 200 },
          breaker: { halfOpenAfterMs: 500 },
        },
      },
    },
    storage: { sqlite: c.sqlite ?? join(tempDir(), 'conduit.db'), ...(c.postgres ? { postgres: c.postgres } : {}) },
    logging: { level: c.logLevel ?? 'silent' },
  };
}

export function xrayConfig(c: XrayTestConfig): Promise<ConduitConfig> {
  return parseConfigObject(xrayConfigObject(c), adapterConfigSchema);
}

export async function xrayApp(c: XrayTestConfig, overrides: AppOverrides = {}): Promise<App> {
  return createApp(await xrayConfig(c), { logger: silentLogger, xray: { settings: { leaseMs: 2_000, progressMs: 200, outageMs: 1_500 } }, ...overrides });
}

/** Ids of the items an SSC tree walk from `rootPath` reaches: readable items below readable parents. */
export function reachableIds(tree: SimTree, rootPath = CONTENT_ROOT): Set<string> {
  const root = tree.getByPath(rootPath);
  if (!root) throw new Error(`no ${rootPath} in the simulated tree`);
  const out = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    out.add(item.id);
    stack.push(...tree.children(item, true));
  }
  return out;
}

/** Children requests each parent needs once: ceil(readable children / page size), for parents with readable children. */
export function expectedChildrenFetches(tree: SimTree, pageSize: number, rootPath = CONTENT_ROOT): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of reachableIds(tree, rootPath)) {
    const item = tree.get(id);
    const n = item ? tree.children(item, true).length : 0;
    if (n > 0) out.set(id, Math.ceil(n / pageSize));
  }
  return out;
}

/**
 * Children fetches beyond what one uninterrupted crawl needs (pages fetched more than once). Creating the scan
 * reads /sitecore/system/Languages once for the report's scope note: that read is no page of the crawl.
 */
export function refetchedPages(fetches: Record<string, number>, expected: Map<string, number>): number {
  let extra = 0;
  for (const [id, n] of Object.entries(fetches)) extra += Math.max(0, n - (expected.get(id) ?? 0) - (id === ITEM_IDS.languages ? 1 : 0));
  return extra;
}
