// Builds Conduit's real App (createApp) with sitecore-xp adapters pointed at Sitecore simulators,
// with short resilience settings so fault tests run in seconds. The read cache is off so every
// read reaches the simulator and can be counted there.
import assert from 'node:assert/strict';
import { adapterConfigSchema, createApp } from '../../../src/app.ts';
import type { App } from '../../../src/app-types.ts';
import { parseConfigObject } from '../../../src/config/load-config.ts';
import { silentLogger } from '../../../src/core/ports.ts';
import type { ResilienceConfig } from '../../../src/resilience/resilience-config.ts';
import type { SitecoreSimulator } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';

export const SIM_CREDENTIALS = { domain: 'sitecore', username: 'admin', password: 'b' };

/** Partial resilience settings; `backoff` and `breaker` may be partial too. */
export type ResilienceInput = Partial<Omit<ResilienceConfig, 'backoff' | 'breaker'>> & {
  backoff?: Partial<ResilienceConfig['backoff']>;
  breaker?: Partial<ResilienceConfig['breaker']>;
};

/** Fast settings: ms-scale backoff, a breaker that only opens on consecutive failures. */
export const FAST: ResilienceInput = {
  timeoutMs: 1_000,
  deadlineMs: 5_000,
  maxAttempts: 3,
  backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { consecutiveFailures: 10, failureRateThreshold: 0, halfOpenAfterMs: 200 },
};

function merge(over: ResilienceInput): ResilienceInput {
  return { ...FAST, ...over, backoff: { ...FAST.backoff, ...over.backoff }, breaker: { ...FAST.breaker, ...over.breaker } };
}

/** One sitecore-xp adapter per simulator, each with its own resilience settings, in one App. */
export async function startXpApp(adapters: Record<string, { sim: SitecoreSimulator; resilience?: ResilienceInput }>): Promise<App> {
  const config = await parseConfigObject({
    adapters: Object.fromEntries(Object.entries(adapters).map(([name, a]) => [name, {
      type: 'sitecore-xp', url: a.sim.url, credentials: SIM_CREDENTIALS, cache: { enabled: false }, resilience: merge(a.resilience ?? {}),
    }])),
    logging: { level: 'silent' },
  }, adapterConfigSchema);
  return createApp(config, { logger: silentLogger });
}

/** Ids of readable content items (below /sitecore/content), in tree order. */
export function readableContentIds(sim: SitecoreSimulator, count: number): string[] {
  const unreadable = new Set(sim.groundTruth().unreadable.map((u) => u.toLowerCase()));
  const ids = [...sim.tree.items.values()]
    .filter((item) => !unreadable.has(item.id.toLowerCase()) && sim.tree.pathOf(item).startsWith('/sitecore/content/'))
    .map((item) => item.id);
  assert.ok(ids.length >= count, `the simulator has ${ids.length} readable content items, ${count} wanted`);
  return ids.slice(0, count);
}

/** Requests the simulator answered (or dropped) on one route. */
export function routeCount(sim: SitecoreSimulator, route: string): number {
  return sim.stats().byRoute[route] ?? 0;
}

/** Wall time of `fn` in ms, with its outcome. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] ?? 0 : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
