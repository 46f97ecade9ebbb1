import { z } from 'zod';

/** Delivery endpoint on edge.sitecorecloud.io (and the simulator). */
export const EDGE_DELIVERY_ENDPOINT = '/api/graphql/v1';
/** CM preview endpoint (unpublished content, key = API Key item ID). */
export const EDGE_PREVIEW_ENDPOINT = '/sitecore/api/graph/edge';
/** Edge Platform endpoint addressed with a context ID. */
export const EDGE_CONTEXT_ENDPOINT = '/v1/content/api/graphql/v1';

/** Authoring and Management GraphQL API on the CM host. */
export const AUTHORING_ENDPOINT = '/sitecore/api/authoring/graphql/v1';
export const AUTHORING_AUDIENCE = 'https://api.sitecorecloud.io';

const credentialsSchema = z.union([
  z.strictObject({
    /** `sc_apikey`: an Edge delivery token from the Deploy portal, or an API Key item ID for CM preview. */
    apiKey: z.string().min(1, 'credentials.apiKey must not be empty (take it from ${ENV_VAR})'),
  }),
  z.strictObject({
    /** Sitecore context ID, sent as `?sitecoreContextId=` to the Edge Platform endpoint. */
    contextId: z.string().min(1, 'credentials.contextId must not be empty'),
  }),
], { error: 'credentials must be { apiKey } or { contextId }' });

/**
 * The `adapters.<name>` block for `type: sitecore-xmc`. Strict, so a misspelt
 * key is reported; the common keys are declared only so they pass (the config
 * layer validates them with its own schema).
 */
export const xmcConfigSchema = z.strictObject({
  type: z.literal('sitecore-xmc').optional(),
  /** Edge host (https://edge.sitecorecloud.io), Edge Platform host, or the CM host for preview. No path. */
  url: z.url({ protocol: /^https?$/ }),
  credentials: credentialsSchema,
  /** GraphQL path; defaults to /api/graphql/v1 (apiKey) or /v1/content/api/graphql/v1 (contextId). */
  endpoint: z.string().regex(/^\//, 'endpoint must start with /').optional(),
  language: z.string().min(1).default('en'),
  /** Default parent for listings, default search scope and X-Ray root. */
  rootPath: z.string().regex(/^\/sitecore(\/|$)/, 'rootPath must start with /sitecore').default('/sitecore/content'),
  mediaRootPath: z.string().regex(/^\/sitecore(\/|$)/).default('/sitecore/media library'),
  /** Site name for layout(site:…) queries. */
  site: z.string().min(1).optional(),
  /** Items per children/search page when crawling (Edge allows at most 1000 per query). */
  pageSize: z.number().int().min(1).max(1000).default(100),
  /** Custom fields matched (besides the item name) by free-text search. */
  searchFields: z.array(z.string().regex(/^[^_]/, 'custom search fields must not start with _')).default(['Title']),
  /**
   * Authoring and Management API client credentials (an XM Cloud Deploy
   * automation client). When set, the adapter writes through
   * `<CM host>/sitecore/api/authoring/graphql/v1` with an OAuth token from
   * tokenUrl; without it the adapter is read-only (no `write` capability).
   */
  authoring: z.strictObject({
    clientId: z.string().min(1, 'authoring.clientId must not be empty (take it from ${ENV_VAR})'),
    clientSecret: z.string().min(1, 'authoring.clientSecret must not be empty (take it from ${ENV_VAR})'),
    tokenUrl: z.url({ protocol: /^https?$/ }).default('https://auth.sitecorecloud.io/oauth/token'),
    /** OAuth audience of the token request (Sitecore documents https://api.sitecorecloud.io). */
    audience: z.string().min(1).default(AUTHORING_AUDIENCE),
    /** A path on `url` (when `url` is the CM host) or the full URL of the CM's authoring endpoint. */
    endpoint: z.union([z.string().regex(/^\//, 'authoring.endpoint must be a path starting with / or a full URL'), z.url({ protocol: /^https?$/ })])
      .default(AUTHORING_ENDPOINT),
  }).optional(),
  resilience: z.unknown().optional(),
  cache: z.unknown().optional(),
  maxCallsPerSecond: z.unknown().optional(),
  tls: z.unknown().optional(),
});

export type XmcConfig = z.infer<typeof xmcConfigSchema>;

/** The GraphQL path the adapter posts to. */
export function edgeEndpoint(config: XmcConfig): string {
  if (config.endpoint !== undefined) return config.endpoint;
  return 'contextId' in config.credentials ? EDGE_CONTEXT_ENDPOINT : EDGE_DELIVERY_ENDPOINT;
}

/** The absolute URL of the Authoring and Management endpoint (a path is taken relative to `url`). */
export function authoringEndpointUrl(config: XmcConfig): URL | undefined {
  if (!config.authoring) return undefined;
  return new URL(config.authoring.endpoint, config.url);
}
