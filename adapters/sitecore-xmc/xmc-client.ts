import {
  ConduitError, hasCode, type AdapterClient, type AdapterHealth, type AdapterKit, type HttpClient, type ItemRef, type MediaPart, type WritePart,
} from '../../src/adapter-kit/index.ts';
import { createAuthoringGraphqlClient } from './authoring-graphql-client.ts';
import { createAuthoringTokens } from './authoring-token.ts';
import { createEdgeGraphqlClient } from './edge-graphql-client.ts';
import { HEALTH_QUERY, LAYOUT_QUERY } from './edge-queries.ts';
import { healthDataSchema, layoutDataSchema } from './edge-response-schemas.ts';
import { authoringEndpointUrl, type XmcConfig } from './xmc-config.ts';
import { getContent, listContent, searchContent, toPage } from './xmc-content.ts';
import { createXmcContext, edgePageSize, notOnEdge, type XmcContext } from './xmc-context.ts';
import { canonicalEdgeId, edgeItemToMedia } from './xmc-mapping.ts';
import { createTypeCatalog, type TypeCatalog } from './xmc-type-catalog.ts';
import { createXmcWritePart } from './xmc-write.ts';
import { createXmcXraySource } from './xmc-xray-source.ts';

export interface XmcLayout {
  /** Canonical id of the route item. */
  itemId: string;
  path: string;
  /** Layout Service JSON as Edge returns it in `rendered`. */
  rendered: unknown;
}

/** The XM Cloud client: the common parts plus Edge's layout query; `write` only with authoring credentials. */
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

/** kit.http when `url` shares the origin of `url`; otherwise the kit's client for that other origin. */
function httpOn(kit: AdapterKit, config: XmcConfig, url: URL, key: string): HttpClient {
  if (url.origin === new URL(config.url).origin) return kit.http;
  if (!kit.httpFor) {
    throw new ConduitError('CFG_INVALID_VALUE', `adapters.${kit.name}.${key} is on another host than adapters.${kit.name}.url, and this host cannot reach other hosts.`, {
      hint: `Run the adapter under conduit serve, or put adapters.${kit.name}.${key} on ${new URL(config.url).origin}.`,
    });
  }
  return kit.httpFor(url.origin);
}

/** The write part over the Authoring and Management API; undefined without authoring credentials (read-only). */
function writePart(config: XmcConfig, kit: AdapterKit, types: TypeCatalog): WritePart | undefined {
  const authoring = config.authoring;
  const endpoint = authoringEndpointUrl(config);
  if (!authoring || !endpoint) return undefined;
  const tokens = createAuthoringTokens({
    http: httpOn(kit, config, new URL(authoring.tokenUrl), 'authoring.tokenUrl'), authoring, adapterName: kit.name,
    clock: kit.clock, logger: kit.logger, signal: kit.signal,
  });
  const gql = createAuthoringGraphqlClient({
    http: httpOn(kit, config, endpoint, 'authoring.endpoint'), endpoint: endpoint.href, tokens, adapterName: kit.name, logger: kit.logger, signal: kit.signal,
  });
  return createXmcWritePart({ gql, adapterName: kit.name, language: config.language, logger: kit.logger, templateIdForName: (name) => types.idForName(name) });
}

export function createXmcClient(config: XmcConfig, kit: AdapterKit): XmcClient {
  const gql = createEdgeGraphqlClient({ http: kit.http, config, adapterName: kit.name, logger: kit.logger, signal: kit.signal });
  const ctx = createXmcContext({ gql, config, name: kit.name, logger: kit.logger, clock: kit.clock });
  const types = createTypeCatalog(ctx);
  const write = writePart(config, kit, types);
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
    ...(write ? { write } : {}),
  };
}
