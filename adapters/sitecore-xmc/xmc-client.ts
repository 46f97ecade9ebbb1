import {
  ConduitError, hasCode, type AdapterClient, type AdapterHealth, type AdapterKit, type ItemRef, type MediaPart,
} from '../../src/adapter-kit/index.ts';
import { createEdgeGraphqlClient } from './edge-graphql-client.ts';
import { HEALTH_QUERY, LAYOUT_QUERY } from './edge-queries.ts';
import { healthDataSchema, layoutDataSchema } from './edge-response-schemas.ts';
import { edgeEndpoint, type XmcConfig } from './xmc-config.ts';
import { getContent, listContent, searchContent, toPage } from './xmc-content.ts';
import { createXmcContext, edgePageSize, notOnEdge, type XmcContext } from './xmc-context.ts';
import { canonicalEdgeId, edgeItemToMedia } from './xmc-mapping.ts';
import { createTypeCatalog } from './xmc-type-catalog.ts';
import { createXmcXraySource } from './xmc-xray-source.ts';

export interface XmcLayout {
  /** Canonical id of the route item. */
  itemId: string;
  path: string;
  /** Layout Service JSON as Edge returns it in `rendered`. */
  rendered: unknown;
}

/** The XM Cloud client: the common parts plus Edge's layout query. Read-only by design (no `write`). */
export interface XmcClient extends AdapterClient {
  /** `layout(site, routePath, language)`; null when the route is not published. */
  getLayout(routePath: string, options?: { site?: string; locale?: string }): Promise<XmcLayout | null>;
}

async function health(ctx: XmcContext): Promise<AdapterHealth> {
  const started = ctx.clock.now();
  try {
    const { data } = await ctx.gql.query('health', HEALTH_QUERY, { path: ctx.config.rootPath, language: ctx.config.language }, healthDataSchema);
    const latencyMs = ctx.clock.now() - started;
    if (!data.item) {
      return { ok: false, status: 'degraded', latencyMs, message: `Edge answered, but ${ctx.config.rootPath} is not published in language "${ctx.config.language}".` };
    }
    return { ok: true, status: 'reachable', latencyMs };
  } catch (error) {
    const latencyMs = ctx.clock.now() - started;
    const message = error instanceof ConduitError ? error.message : 'unexpected error';
    if (hasCode(error, 'ADP_AUTH_FAILED')) return { ok: false, status: 'auth_failed', latencyMs, message };
    if (hasCode(error, 'ADP_UNAVAILABLE') || hasCode(error, 'ADP_TIMEOUT') || hasCode(error, 'ADP_CIRCUIT_OPEN')) {
      return { ok: false, status: 'unreachable', latencyMs, message };
    }
    return { ok: false, status: 'degraded', latencyMs, message };
  }
}

function mediaPart(ctx: XmcContext): MediaPart {
  return {
    async listMedia(query) {
      const parent: ItemRef = query.parent ?? { path: ctx.config.mediaRootPath };
      const results = await ctx.children(parent, query.locale ?? ctx.config.language, {
        first: edgePageSize(query.limit, 50), ...(query.cursor ? { after: query.cursor } : {}), withJson: false,
      });
      if (!results) throw notOnEdge(parent, 'media folder', ctx.name);
      return toPage(results, (item) => edgeItemToMedia(item, query));
    },
    async getMedia(ref, options = {}) {
      const item = await ctx.getItem(ref, options.locale ?? ctx.config.language, { withJson: false });
      return item ? edgeItemToMedia(item, options) : null;
    },
  };
}

async function getLayout(ctx: XmcContext, routePath: string, options: { site?: string; locale?: string }): Promise<XmcLayout | null> {
  const site = options.site ?? ctx.config.site;
  if (site === undefined) {
    throw new ConduitError('ADP_REQUEST_REJECTED', `Adapter "${ctx.name}" needs a site name for layout queries.`, {
      hint: `Set adapters.${ctx.name}.site to the XM Cloud site name.`,
    });
  }
  const variables = { site, routePath, language: options.locale ?? ctx.config.language };
  const { data } = await ctx.gql.query('getLayout', LAYOUT_QUERY, variables, layoutDataSchema);
  const item = data.layout?.item;
  if (!item) return null;
  return { itemId: canonicalEdgeId(item.id, 'a route item id'), path: item.path, rendered: item.rendered };
}

export function createXmcClient(config: XmcConfig, kit: AdapterKit): XmcClient {
  const gql = createEdgeGraphqlClient({ http: kit.http, config, adapterName: kit.name, logger: kit.logger, signal: kit.signal });
  const ctx = createXmcContext({ gql, config, name: kit.name, logger: kit.logger, clock: kit.clock });
  const types = createTypeCatalog(ctx);
  if (config.authoring) {
    kit.logger.warn({ endpoint: edgeEndpoint(config) }, 'authoring credentials are configured, but writes through the Authoring API are not implemented: the adapter is read-only');
  }
  return {
    hasPaths: true,
    health: () => health(ctx),
    getContent: (ref, options) => getContent(ctx, ref, options),
    listContent: (query) => listContent(ctx, query),
    listTypes: (query) => types.list(query),
    getType: (idOrName) => types.get(idOrName),
    search: { search: (query) => searchContent(ctx, { templateIdForName: (name) => types.idForName(name) }, query) },
    media: mediaPart(ctx),
    xray: createXmcXraySource(ctx),
    getLayout: (routePath, options = {}) => getLayout(ctx, routePath, options),
  };
}
