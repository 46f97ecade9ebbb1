import type { AdapterClient } from '../../adapter-kit/adapter-types.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { ContentItem, ContentType, ItemRef, ListQuery, MediaItem, Page, ReadOptions } from '../../core/content-model.ts';

/**
 * A small in-memory CMS implementing the AdapterClient contract (tree with
 * paths, offset cursors, search, media, writes), for testing the MCP layer
 * end to end before a real adapter is available. It is a fixture CMS, not a
 * mock: every tool call goes through the real content service to it.
 */
export interface MemoryAdapterOptions {
  items?: number;
  /** Value length of the `Body` field of generated items. */
  bodyChars?: number;
  pageSize?: number;
  write?: boolean;
}

export interface MemoryAdapter extends AdapterClient {
  items: Map<string, ContentItem>;
}

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const items = new Map<string, ContentItem>();
  const pageSize = options.pageSize ?? 20;
  const root: ContentItem = { id: 'root', name: 'content', path: '/content', type: { id: 't-folder', name: 'Folder' }, fields: {}, hasChildren: true };
  items.set(root.id, root);
  for (let i = 1; i <= (options.items ?? 30); i++) {
    const id = `item-${String(i).padStart(3, '0')}`;
    items.set(id, {
      id, name: `Page ${i}`, path: `/content/page-${i}`, parentId: 'root', type: { id: 't-page', name: 'Page' },
      fields: { Title: `Title of page ${i}`, Body: `Body ${i} `.padEnd(options.bodyChars ?? 40, 'x') }, hasChildren: false,
    });
  }
  const types: ContentType[] = [
    { id: 't-folder', name: 'Folder', fields: [] },
    { id: 't-page', name: 'Page', fields: [{ name: 'Title', type: 'Single-Line Text' }, { name: 'Body', type: 'Rich Text' }] },
  ];
  const media: MediaItem[] = [{ id: 'm-1', name: 'logo', path: '/media/logo', mimeType: 'image/png', sizeBytes: 1234, url: 'http://127.0.0.1/media/logo.png' }];

  const find = (ref: ItemRef): ContentItem | undefined => (ref.id !== undefined ? items.get(ref.id) : [...items.values()].find((i) => i.path === ref.path));
  const project = (item: ContentItem, read: ReadOptions): ContentItem => (read.fields
    ? { ...item, fields: Object.fromEntries(Object.entries(item.fields).filter(([k]) => read.fields?.includes(k))) }
    : item);
  const page = <T>(all: T[], query: { cursor?: string; limit?: number }): Page<T> => {
    const start = query.cursor === undefined ? 0 : Number(query.cursor);
    if (!Number.isInteger(start) || start < 0) throw new ConduitError('ADP_REQUEST_REJECTED', `Bad cursor "${query.cursor ?? ''}".`);
    const end = start + (query.limit ?? pageSize);
    return { items: all.slice(start, end), total: all.length, ...(end < all.length ? { nextCursor: String(end) } : {}) };
  };
  const children = (query: ListQuery): ContentItem[] => {
    const parent = query.parent ? find(query.parent) : root;
    if (!parent) throw new ConduitError('ADP_NOT_FOUND', 'No such parent.');
    return [...items.values()].filter((i) => i.parentId === parent.id).map((i) => project(i, query));
  };

  const client: MemoryAdapter = {
    items,
    hasPaths: true,
    health: async () => ({ ok: true, status: 'reachable', latencyMs: 1, version: 'memory-1' }),
    getContent: async (ref, read = {}) => { const item = find(ref); return item ? project(item, read) : null; },
    listContent: async (query) => page(children(query), query),
    listTypes: async (query) => page(types, query),
    getType: async (idOrName) => types.find((t) => t.id === idOrName || t.name === idOrName) ?? null,
    search: {
      search: async (query) => page([...items.values()].filter((i) => i.id !== 'root'
        && (query.text === undefined || JSON.stringify(i.fields).toLowerCase().includes(query.text.toLowerCase()) || i.name.toLowerCase().includes(query.text.toLowerCase()))
        && (query.type === undefined || i.type.name === query.type || i.type.id === query.type)).map((i) => project(i, query)), query),
    },
    media: { listMedia: async (query) => page(media, query), getMedia: async (ref) => media.find((m) => m.id === ref.id || m.path === ref.path) ?? null },
  };
  if (options.write !== false) client.write = memoryWrites(items, find);
  return client;
}

function memoryWrites(items: Map<string, ContentItem>, find: (ref: ItemRef) => ContentItem | undefined): NonNullable<AdapterClient['write']> {
  let next = 1;
  return {
    async create(input) {
      const parent = find(input.parent);
      if (!parent) throw new ConduitError('ADP_NOT_FOUND', 'No such parent.');
      const id = `new-${next++}`;
      const item: ContentItem = { id, name: input.name, path: `${parent.path ?? ''}/${input.name}`, parentId: parent.id, type: { id: input.type }, fields: { ...input.fields } };
      items.set(id, item);
      return item;
    },
    async update(input) {
      const item = find(input.ref);
      if (!item) throw new ConduitError('ADP_NOT_FOUND', 'No such item.');
      const updated = { ...item, fields: { ...item.fields, ...input.fields } };
      items.set(item.id, updated);
      return updated;
    },
    async delete(ref) {
      const item = find(ref);
      if (!item) throw new ConduitError('ADP_NOT_FOUND', 'No such item.');
      items.delete(item.id);
    },
  };
}
