import type { z } from 'zod';
import type { Clock, Logger } from '../core/ports.ts';
import type {
  AdapterHealth, ContentItem, ContentType, CreateInput, ItemRef, ListQuery, MediaItem, Page,
  ReadOptions, SearchQuery, UpdateInput,
} from '../core/content-model.ts';
import type { HttpClient } from './http-types.ts';
import type { XraySource } from './xray-source-types.ts';

export type Capability = 'read' | 'search' | 'media' | 'write' | 'xray';

/** What an adapter gets from the host. Adapters never read the environment or call global fetch. */
export interface AdapterKit {
  /** Resilient client bound to the adapter's base URL and policies. */
  http: HttpClient;
  logger: Logger;
  clock: Clock;
  /** Aborted when the adapter is being closed. */
  signal: AbortSignal;
  /** The adapter's configured name (the key under `adapters:`). */
  name: string;
  /**
   * A resilient client for another origin the adapter's own config names (e.g.
   * an OAuth token host, or a CM host next to a delivery host): same policies,
   * its own breaker, closed with the adapter. `http` stays bound to `url`.
   * Optional so hand-built kits (benchmarks) need not provide it.
   */
  httpFor?(baseUrl: string): HttpClient;
}

export interface SearchPart {
  search(query: SearchQuery): Promise<Page<ContentItem>>;
}

export interface MediaPart {
  listMedia(query: ListQuery): Promise<Page<MediaItem>>;
  /** null only for a deliberate not-found. */
  getMedia(ref: ItemRef, options?: ReadOptions): Promise<MediaItem | null>;
}

export interface WritePart {
  create(input: CreateInput): Promise<ContentItem>;
  update(input: UpdateInput): Promise<ContentItem>;
  /** Resolves when deleted; throws ADP_NOT_FOUND when there was nothing to delete. */
  delete(ref: ItemRef): Promise<void>;
}

/**
 * A running adapter. Optional abilities are optional parts: support is visible
 * in the type, and no base class throws "not supported" at runtime.
 */
export interface AdapterClient {
  health(): Promise<AdapterHealth>;
  /** null only when the CMS says the item does not exist. */
  getContent(ref: ItemRef, options?: ReadOptions): Promise<ContentItem | null>;
  listContent(query: ListQuery): Promise<Page<ContentItem>>;
  listTypes(query: { cursor?: string; limit?: number }): Promise<Page<ContentType>>;
  /** null only when the CMS says the type does not exist. */
  getType(idOrName: string): Promise<ContentType | null>;
  /** Whether items have paths (Sitecore) so tools may accept `path`. */
  readonly hasPaths: boolean;
  search?: SearchPart;
  media?: MediaPart;
  write?: WritePart;
  xray?: XraySource;
  close?(): Promise<void>;
}

/** What an adapter module's default export is. */
export interface AdapterManifest<Config = unknown> {
  /** The `type` in config, e.g. "sitecore-xp". */
  id: string;
  displayName: string;
  /** zod schema of the adapter's config block (url, credentials, per-type keys). */
  configSchema: z.ZodType<Config>;
  /** What the adapter can do with this config (XM Cloud writes need client credentials). */
  capabilities(config: Config): Capability[];
  create(config: Config, kit: AdapterKit): AdapterClient;
}

export function capabilitiesOf(client: AdapterClient): Capability[] {
  const caps: Capability[] = ['read'];
  if (client.search) caps.push('search');
  if (client.media) caps.push('media');
  if (client.write) caps.push('write');
  if (client.xray) caps.push('xray');
  return caps;
}
