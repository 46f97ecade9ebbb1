import type { SimRoute, SimulatorSurface } from '../server/sim-route.ts';
import { createEdgeEndpoint, type EdgeHandlerOptions } from './edge-handler.ts';
import { simTreeEdgeSource } from './sim-tree-edge-source.ts';

/** The key (and context id) the simulator's Edge surface accepts when `edgeApiKey` is not set. */
export const DEFAULT_EDGE_API_KEY = 'conduit-simulator-edge-key';

/** The Edge endpoint paths, as one route pattern. */
export const EDGE_ROUTE_PATTERN = /^\/(?:api\/graphql\/v1|sitecore\/api\/graph\/edge|v1\/content\/api\/graphql\/v1)\/?$/;

export type EdgeSurfaceOverrides = Partial<Pick<EdgeHandlerOptions, 'rateLimitPerSecond' | 'retryAfterOn429' | 'now'>>;

/**
 * The simulator surface for Experience Edge GraphQL: delivery
 * (/api/graphql/v1), CM preview (/sitecore/api/graph/edge) and Edge Platform
 * (/v1/content/api/graphql/v1?sitecoreContextId=) over the generated tree,
 * with Edge's 80 requests/s limit. `edgeApiKey` (or DEFAULT_EDGE_API_KEY) is
 * accepted as `sc_apikey` and as context id. The simulator's fault injection
 * runs before these routes like before any other.
 */
export function edgeSurfaceWith(overrides: EdgeSurfaceOverrides = {}): SimulatorSurface {
  return {
    id: 'edge',
    routes(env): SimRoute[] {
      const key = env.options.edgeApiKey ?? DEFAULT_EDGE_API_KEY;
      const endpoint = createEdgeEndpoint({
        source: simTreeEdgeSource(env.tree), apiKeys: [key], contextIds: [key],
        rateLimitPerSecond: overrides.rateLimitPerSecond ?? 80,
        onChildrenFetch: (id) => env.countChildrenFetch(id),
        ...(overrides.retryAfterOn429 === undefined ? {} : { retryAfterOn429: overrides.retryAfterOn429 }),
        ...(overrides.now ? { now: overrides.now } : {}),
      });
      return [{
        name: 'edge-graphql',
        methods: ['POST', 'GET'],
        pattern: EDGE_ROUTE_PATTERN,
        handle: (req, res) => endpoint.serve({ method: req.method, url: req.url, headers: req.headers, body: () => req.body() }, res),
      }];
    },
  };
}

/** Register this in SIMULATOR_SURFACES (surfaces.ts). */
export const edgeSurface: SimulatorSurface = edgeSurfaceWith();
