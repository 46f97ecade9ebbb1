import type { AdapterClient } from '../adapter-kit/adapter-types.ts';
import type { AdapterHost } from '../adapter-host/adapter-host.ts';
import { ConduitError, quoted, toSafeError } from '../core/conduit-error.ts';
import type { ContentItem, ItemRef, Page } from '../core/content-model.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { ContentService } from './content-service-types.ts';
import { ReadCache } from './read-cache.ts';

const itemKeys = (item: ContentItem): string[] => [item.id, ...(item.path ? [item.path] : [])];
const pageKeys = (page: Page<ContentItem>): string[] => page.items.flatMap(itemKeys);

/** Content operations across adapters: capability checks, read-through cache, write invalidation. */
export function createContentService(host: AdapterHost, metrics: Metrics): ContentService {
  const caches = new Map(host.list().map((h) => [h.name, new ReadCache(h.name, h.config.cache, metrics)]));

  function resolveAdapter(adapter: string | undefined): string {
    if (adapter !== undefined) return host.hosted(adapter).name;
    const all = host.list();
    const only = all[0];
    if (all.length === 1 && only) return only.name;
    if (all.length === 0) throw new ConduitError('ADP_UNKNOWN', 'No adapters are configured.', { hint: 'Add one under `adapters:` in the config (`conduit config generate`).' });
    throw new ConduitError('ADP_AMBIGUOUS', `Several adapters are configured (${all.map((a) => a.name).join(', ')}); say which one.`, {
      hint: `Pass adapter: one of ${all.map((a) => a.name).join(', ')}.`,
    });
  }

  function use(adapter: string | undefined): { name: string; client: AdapterClient; cache: ReadCache } {
    const name = resolveAdapter(adapter);
    const cache = caches.get(name);
    if (!cache) throw new ConduitError('ADP_UNKNOWN', `No adapter named ${quoted(name)} is configured.`);
    return { name, client: host.client(name), cache };
  }

  function need<P>(part: P | undefined, name: string, ability: string): P {
    if (part === undefined) {
      throw new ConduitError('ADP_CAPABILITY_MISSING', `Adapter "${name}" does not support ${ability}.`);
    }
    return part;
  }

  function notFound(name: string, ref: ItemRef | string): ConduitError {
    const what = typeof ref === 'string' ? ref : ref.id ?? ref.path;
    return new ConduitError('ADP_NOT_FOUND', `Adapter "${name}" has no item ${quoted(what ?? '')}.`);
  }

  return {
    adapters: () => host.list().map((h) => ({
      name: h.name, type: h.type, capabilities: h.capabilities, hasPaths: h.client?.hasPaths ?? false, loaded: h.client !== undefined,
    })),
    resolveAdapter,
    async get(adapter, ref, options = {}) {
      const { name, client, cache } = use(adapter);
      const item = await cache.through('get', [ref, options], 'item', () => client.getContent(ref, options), (i) => (i ? itemKeys(i) : []));
      if (!item) throw notFound(name, ref);
      return item;
    },
    async list(adapter, query) {
      const { client, cache } = use(adapter);
      return cache.through('list', query, 'listing', () => client.listContent(query), pageKeys);
    },
    async search(adapter, query) {
      const { name, client, cache } = use(adapter);
      const search = need(client.search, name, 'search');
      return cache.through('search', query, 'listing', () => search.search(query), pageKeys);
    },
    async create(adapter, input) {
      const { name, client, cache } = use(adapter);
      const created = await need(client.write, name, 'writes').create(input);
      cache.invalidate(itemKeys(created));
      return created;
    },
    async update(adapter, input) {
      const { name, client, cache } = use(adapter);
      const updated = await need(client.write, name, 'writes').update(input);
      cache.invalidate([...itemKeys(updated), ...(input.ref.id ? [input.ref.id] : []), ...(input.ref.path ? [input.ref.path] : [])]);
      return updated;
    },
    async delete(adapter, ref) {
      const { name, client, cache } = use(adapter);
      await need(client.write, name, 'writes').delete(ref);
      // The caller named the item by one spelling (id or path); entries may hold the other,
      // and descendants go with it. Deletes are rare: drop the adapter's cache.
      cache.clear();
    },
    async listMedia(adapter, query) {
      const { name, client, cache } = use(adapter);
      const media = need(client.media, name, 'media');
      return cache.through('listMedia', query, 'listing', () => media.listMedia(query), (p) => p.items.map((m) => m.id));
    },
    async getMedia(adapter, ref, options = {}) {
      const { name, client, cache } = use(adapter);
      const media = need(client.media, name, 'media');
      const item = await cache.through('getMedia', [ref, options], 'item', () => media.getMedia(ref, options), (m) => (m ? [m.id] : []));
      if (!item) throw notFound(name, ref);
      return item;
    },
    async listTypes(adapter, query) {
      const { client, cache } = use(adapter);
      return cache.through('listTypes', query, 'schema', () => client.listTypes(query), (p) => p.items.map((t) => t.id));
    },
    async getType(adapter, idOrName) {
      const { name, client, cache } = use(adapter);
      const type = await cache.through('getType', idOrName, 'schema', () => client.getType(idOrName), (t) => (t ? [t.id] : []));
      if (!type) throw notFound(name, idOrName);
      return type;
    },
    async health(adapter) {
      const names = adapter === undefined ? host.list().map((h) => h.name) : [resolveAdapter(adapter)];
      const entries = await Promise.all(names.map(async (name) => {
        const hosted = host.hosted(name);
        if (!hosted.client) return [name, { ok: false, status: 'load_failed', message: hosted.error?.message }] as const;
        const health = await hosted.client.health().catch((error: unknown) => {
          const safe = toSafeError(error);
          return { ok: false, status: safe.code === 'ADP_AUTH_FAILED' ? 'auth_failed' : 'unreachable', message: `[${safe.code}] ${safe.message}` };
        });
        return [name, health] as const;
      }));
      return Object.fromEntries(entries);
    },
  };
}
