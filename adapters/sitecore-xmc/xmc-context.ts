import { ConduitError, type Clock, type ItemRef, type Logger } from '../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import type { EdgeGraphqlClient } from './edge-graphql-client.ts';
import { CHILDREN_QUERY, GET_ITEM_QUERY, HEALTH_QUERY } from './edge-queries.ts';
import { childrenDataSchema, getItemDataSchema, healthDataSchema, type EdgeItem, type EdgeResults } from './edge-response-schemas.ts';
import { canonicalEdgeId, edgePathArgument } from './xmc-mapping.ts';
import type { XmcConfig } from './xmc-config.ts';

/** What the adapter's parts share: the Edge client, config and a small path → id cache. */
export interface XmcContext {
  gql: EdgeGraphqlClient;
  config: XmcConfig;
  name: string;
  logger: Logger;
  clock: Clock;
  /** Canonical id of an item given by path or id, or null when it is not on Edge. */
  resolveId(ref: ItemRef, language: string, signal?: AbortSignal): Promise<string | null>;
  getItem(ref: ItemRef, language: string, options: { withJson: boolean }, signal?: AbortSignal): Promise<EdgeItem | null>;
  /** One page of children, or null when the parent is not on Edge. */
  children(parent: ItemRef, language: string, page: { first: number; after?: string; withJson?: boolean }, signal?: AbortSignal): Promise<EdgeResults | null>;
}

const MAX_CACHED_PATHS = 2_000;

export function describeRef(ref: ItemRef): string {
  return ref.path !== undefined ? `path "${ref.path}"` : `id "${ref.id}"`;
}

export function notOnEdge(ref: ItemRef, what: string, adapterName: string): ConduitError {
  return new ConduitError('ADP_NOT_FOUND', `The ${what} at ${describeRef(ref)} is not on Experience Edge (adapter "${adapterName}").`, {
    hint: 'Check the path or id. Edge only holds published content and no templates or system items; use the CM preview endpoint (/sitecore/api/graph/edge) for unpublished items.',
  });
}

/** Clamps a caller's page size to Edge's limit of 1000 items per query. */
export function edgePageSize(limit: number | undefined, fallback: number): number {
  return Math.min(1000, Math.max(1, Math.trunc(limit ?? fallback)));
}

export function createXmcContext(base: Omit<XmcContext, 'resolveId' | 'getItem' | 'children'>): XmcContext {
  const ids = new Map<string, string>();
  const ctx: XmcContext = {
    ...base,
    async resolveId(ref, language, signal) {
      if (ref.id !== undefined) {
        const id = normalizeGuid(ref.id);
        if (id !== null) return id;
      }
      const key = `${language}\n${(ref.path ?? '').toLowerCase()}`;
      const cached = ids.get(key);
      if (cached !== undefined) return cached;
      const { data } = await base.gql.query('resolveItem', HEALTH_QUERY, { path: edgePathArgument(ref), language }, healthDataSchema, signal);
      if (!data.item) return null;
      const id = canonicalEdgeId(data.item.id, 'an item id');
      if (ids.size >= MAX_CACHED_PATHS) ids.clear();
      ids.set(key, id);
      return id;
    },
    async getItem(ref, language, options, signal) {
      const variables = { path: edgePathArgument(ref), language, ownFields: false, withJson: options.withJson };
      const { data } = await base.gql.query('getItem', GET_ITEM_QUERY, variables, getItemDataSchema, signal);
      return data.item;
    },
    async children(parent, language, page, signal) {
      const variables = {
        path: edgePathArgument(parent), language, first: page.first, after: page.after ?? null,
        ownFields: false, withJson: page.withJson ?? false,
      };
      const { data } = await base.gql.query('listChildren', CHILDREN_QUERY, variables, childrenDataSchema, signal);
      return data.item ? data.item.children : null;
    },
  };
  return ctx;
}
