/**
 * Conduit's normalised content model. Every adapter maps its CMS's payloads to
 * these shapes; tools and X-Ray only ever see these.
 */

/** How a caller names an item: by id, or by path where the CMS has paths. */
export type ItemRef = { id: string; path?: undefined } | { path: string; id?: undefined };

export interface ContentTypeRef {
  id?: string;
  name?: string;
}

export interface ContentReference {
  /** Canonical id of the referenced item or media. */
  targetId?: string;
  /** A path reference (legacy internal links, path datasources). */
  targetPath?: string;
  /** link | media | datasource | rendering | multilist | droplink | base-template | workflow | other */
  kind: string;
  /** The field the reference came from. */
  field: string;
}

export interface ContentItem {
  id: string;
  name: string;
  path?: string;
  displayName?: string;
  type: ContentTypeRef;
  locale?: string;
  version?: number;
  parentId?: string;
  hasChildren?: boolean;
  /** Field values by field name, as the CMS holds them (strings for Sitecore). */
  fields: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  references?: ContentReference[];
  url?: string;
  /** The vendor payload, only when the caller asked for it (includeRaw). */
  raw?: unknown;
}

export interface ContentTypeField {
  name: string;
  type?: string;
  id?: string;
  section?: string;
  required?: boolean;
  shared?: boolean;
}

export interface ContentType {
  id: string;
  name: string;
  path?: string;
  baseTypes?: string[];
  fields: ContentTypeField[];
  raw?: unknown;
}

export interface MediaItem {
  id: string;
  name: string;
  path?: string;
  url?: string;
  mimeType?: string;
  sizeBytes?: number;
  alt?: string;
  width?: number;
  height?: number;
  updatedAt?: string;
  raw?: unknown;
}

/** One page of a listing; `nextCursor` is opaque to callers and absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  /** Total when the CMS reports one. SSC search totals include unreadable items. */
  total?: number;
}

export interface ReadOptions {
  locale?: string;
  /** Field projection: only these fields are returned. */
  fields?: string[];
  /** Keep the vendor payload on the result. */
  includeRaw?: boolean;
  /** Include system/standard fields (Sitecore `__` fields). */
  includeSystemFields?: boolean;
  version?: number;
}

export interface ListQuery extends ReadOptions {
  /** Parent to list children of; the adapter's root when absent. */
  parent?: ItemRef;
  cursor?: string;
  limit?: number;
}

export interface SearchQuery extends ReadOptions {
  text?: string;
  type?: string;
  /** Restrict to items under this path or id. */
  under?: ItemRef;
  cursor?: string;
  limit?: number;
}

export interface CreateInput {
  parent: ItemRef;
  name: string;
  type: string;
  fields: Record<string, string>;
  locale?: string;
}

export interface UpdateInput {
  ref: ItemRef;
  fields: Record<string, string>;
  locale?: string;
  version?: number;
}

export interface AdapterHealth {
  ok: boolean;
  /** reachable | auth_failed | unreachable | degraded */
  status: string;
  latencyMs?: number;
  /** CMS product version where it can be found. */
  version?: string;
  message?: string;
}
