import { LRUCache } from 'lru-cache';
import type { CacheConfig } from '../config/config-schema.ts';
import type { Metrics } from '../ops/metrics.ts';

interface Entry { value: unknown; itemIds: string[]; kind: 'item' | 'listing' | 'schema' }

/**
 * Read-through LRU with TTL for one adapter. Entries remember which item ids
 * they contain, so a write invalidates exactly the gets that hold the item and
 * every listing (a create or delete changes what a listing shows).
 */
export class ReadCache {
  private readonly cache: LRUCache<string, Entry> | undefined;
  private readonly adapter: string;
  private readonly metrics: Metrics;

  constructor(adapter: string, config: CacheConfig, metrics: Metrics) {
    this.adapter = adapter;
    this.metrics = metrics;
    this.cache = config.enabled && config.ttlMs > 0
      ? new LRUCache<string, Entry>({ max: config.maxEntries, ttl: config.ttlMs, ttlAutopurge: false })
      : undefined;
  }

  async through<T>(operation: string, key: unknown, kind: Entry['kind'], load: () => Promise<T>, idsOf: (value: T) => string[]): Promise<T> {
    if (!this.cache) return load();
    const cacheKey = `${operation}:${JSON.stringify(key)}`;
    const hit = this.cache.get(cacheKey);
    if (hit) {
      this.metrics.cacheHitTotal.inc({ adapter: this.adapter, operation });
      // Values are stored by this class only, under keys that encode the operation.
      return hit.value as T;
    }
    this.metrics.cacheMissTotal.inc({ adapter: this.adapter, operation });
    const value = await load();
    this.cache.set(cacheKey, { value, itemIds: idsOf(value), kind });
    return value;
  }

  /** After a write: drop every listing, and any entry holding one of these ids or paths. */
  invalidate(idsOrPaths: readonly string[]): void {
    if (!this.cache) return;
    const wanted = new Set(idsOrPaths.map((s) => s.toLowerCase()));
    for (const [key, entry] of this.cache.entries()) {
      if (entry.kind === 'listing' || entry.itemIds.some((id) => wanted.has(id.toLowerCase()))) this.cache.delete(key);
    }
  }

  clear(): void {
    this.cache?.clear();
  }
}
