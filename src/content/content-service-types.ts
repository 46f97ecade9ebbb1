import type {
  AdapterHealth, ContentItem, ContentType, CreateInput, ItemRef, ListQuery, MediaItem, Page,
  ReadOptions, SearchQuery, UpdateInput,
} from '../core/content-model.ts';
import type { Capability } from '../adapter-kit/adapter-types.ts';

export interface AdapterInfo {
  name: string;
  type: string;
  capabilities: Capability[];
  hasPaths: boolean;
  /** false when the adapter module failed to load or start (ADP_LOAD_FAILED); its tools error. */
  loaded: boolean;
}

/**
 * Content operations across the configured adapters, with capability checks,
 * read-through caching and write invalidation. Tool handlers and CLI commands
 * call this; they never touch an adapter directly. `adapter` may be undefined
 * when exactly one adapter is configured (otherwise ADP_AMBIGUOUS).
 * Cursors in and out are the adapter's own; the MCP layer wraps them.
 */
export interface ContentService {
  adapters(): AdapterInfo[];
  /** The adapter name a call will use; throws ADP_UNKNOWN / ADP_AMBIGUOUS. */
  resolveAdapter(adapter: string | undefined): string;
  get(adapter: string | undefined, ref: ItemRef, options?: ReadOptions): Promise<ContentItem>;
  list(adapter: string | undefined, query: ListQuery): Promise<Page<ContentItem>>;
  search(adapter: string | undefined, query: SearchQuery): Promise<Page<ContentItem>>;
  create(adapter: string | undefined, input: CreateInput): Promise<ContentItem>;
  update(adapter: string | undefined, input: UpdateInput): Promise<ContentItem>;
  delete(adapter: string | undefined, ref: ItemRef): Promise<void>;
  listMedia(adapter: string | undefined, query: ListQuery): Promise<Page<MediaItem>>;
  getMedia(adapter: string | undefined, ref: ItemRef, options?: ReadOptions): Promise<MediaItem>;
  listTypes(adapter: string | undefined, query: { cursor?: string; limit?: number }): Promise<Page<ContentType>>;
  getType(adapter: string | undefined, idOrName: string): Promise<ContentType>;
  health(adapter: string | undefined): Promise<Record<string, AdapterHealth>>;
}
