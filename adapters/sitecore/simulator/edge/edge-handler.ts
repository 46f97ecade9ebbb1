import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { z } from 'zod';
import type { EdgeContentSource } from './edge-content-source.ts';
import { executeEdge } from './edge-executor.ts';
import { edgeCanonicalId } from './edge-ids.ts';
import { createPublishedView } from './edge-published-view.ts';
import { checkEdgeLimits } from './edge-query-limits.ts';
import { createEdgeRateLimiter } from './edge-rate-limiter.ts';
import { edgeSchema } from './edge-schema.ts';

/** Delivery, CM preview, and Edge Platform (context id) endpoints. */
export const EDGE_PATHS = ['/api/graphql/v1', '/sitecore/api/graph/edge', '/v1/content/api/graphql/v1'] as const;
const CONTEXT_ID_PATH = '/v1/content/api/graphql/v1';
const MAX_BODY_BYTES = 1024 * 1024;

export interface EdgeHandlerOptions {
  /** The tree to serve; a function is called per request so tests may mutate the tree. */
  source: EdgeContentSource | (() => EdgeContentSource);
  /** Accepted `sc_apikey` values (GUID-shaped keys match in any spelling); a function is read per request. */
  apiKeys: readonly string[] | (() => readonly string[]);
  /** Accepted `sitecoreContextId` values for the Edge Platform endpoint; a function is read per request. */
  contextIds?: readonly string[] | (() => readonly string[]);
  /** Uncached requests per second before 429 (Edge: 80); 0 disables. */
  rateLimitPerSecond?: number;
  /** Send Retry-After with 429 (not documented for Edge; off by default). */
  retryAfterOn429?: boolean;
  now?: () => number;
  /** Called once per `children` page served, with the parent's canonical id. */
  onChildrenFetch?: (id: string) => void;
}

/** Answers Edge requests; resolves false when the path is not an Edge path so the caller routes it elsewhere. */
export type EdgeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const bodySchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

function sameKey(a: string, b: string): boolean {
  const ga = edgeCanonicalId(a);
  return ga !== undefined ? ga === edgeCanonicalId(b) : a === b;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** 401 without credentials, 403 with unknown ones (the exact Edge statuses are NOT verified). */
function listOf(value: readonly string[] | (() => readonly string[]) | undefined): readonly string[] {
  return typeof value === 'function' ? value() : value ?? [];
}

function authStatus(url: URL, headers: IncomingHttpHeaders, options: EdgeHandlerOptions): 200 | 401 | 403 {
  if (url.pathname.startsWith(CONTEXT_ID_PATH)) {
    const contextId = url.searchParams.get('sitecoreContextId');
    if (!contextId) return 401;
    return listOf(options.contextIds).some((k) => sameKey(k, contextId)) ? 200 : 403;
  }
  const header = headers['sc_apikey'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return 401;
  return listOf(options.apiKeys).some((k) => sameKey(k, key)) ? 200 : 403;
}

function graphqlErrors(errors: readonly GraphQLError[]): ExecutionResult {
  return { errors };
}

async function runGraphql(text: string, source: EdgeContentSource, options: EdgeHandlerOptions): Promise<{ status: number; body: unknown }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return { status: 400, body: { errors: [{ message: `The request body is not valid JSON: ${cause instanceof Error ? cause.message : 'parse error'}` }] } };
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { errors: [{ message: 'The request must be JSON with a non-empty "query" string.' }] } };
  const { query, operationName } = parsed.data;
  const variables = parsed.data.variables ?? {};
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { status: 200, body: graphqlErrors([error]) };
    throw error;
  }
  // Edge answers every GraphQL-level problem with HTTP 200 and errors[] (reference §2.5).
  const validationErrors = validate(edgeSchema(), document);
  if (validationErrors.length > 0) return { status: 200, body: graphqlErrors(validationErrors) };
  const limitErrors = checkEdgeLimits(document, operationName ?? undefined, variables);
  if (limitErrors.length > 0) return { status: 200, body: graphqlErrors(limitErrors) };
  const result = await executeEdge({
    document, variables, operationName: operationName ?? undefined,
    context: { view: createPublishedView(source), scheme: 'http', ...(options.onChildrenFetch ? { onChildrenFetch: options.onChildrenFetch } : {}) },
  });
  return { status: 200, body: result };
}

/** The transport-neutral request the endpoint needs (node:http or the simulator's SimRequest). */
export interface EdgeHttpRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The body text, or undefined when it is too large. */
  body(): Promise<string | undefined>;
}

export interface EdgeEndpoint {
  /** Whether a path is one of the Edge endpoints. */
  matches(pathname: string): boolean;
  serve(req: EdgeHttpRequest, res: ServerResponse): Promise<void>;
}

export function isEdgePath(pathname: string): boolean {
  return EDGE_PATHS.some((p) => p === pathname || `${p}/` === pathname);
}

/** The Edge endpoint: rate limit, method, key, then GraphQL. */
export function createEdgeEndpoint(options: EdgeHandlerOptions): EdgeEndpoint {
  const limiter = createEdgeRateLimiter({
    perSecond: options.rateLimitPerSecond ?? 80, now: options.now, retryAfter: options.retryAfterOn429,
  });
  const sourceOf = (): EdgeContentSource => (typeof options.source === 'function' ? options.source() : options.source);
  return {
    matches: isEdgePath,
    async serve(req, res) {
      const rate = limiter.take();
      if (!rate.allowed) {
        send(res, 429, { errors: [{ message: 'Too many requests: the rate limit of uncached requests was exceeded.' }] }, rate.headers);
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, { errors: [{ message: `Method ${req.method} is not allowed; use POST.` }] }, { ...rate.headers, Allow: 'POST' });
        return;
      }
      const auth = authStatus(req.url, req.headers, options);
      if (auth !== 200) {
        const message = auth === 401 ? 'Unauthorized: no API key was provided.' : 'Forbidden: the API key is not valid.';
        send(res, auth, { errors: [{ message }] }, rate.headers);
        return;
      }
      const text = await req.body();
      if (text === undefined) {
        send(res, 413, { errors: [{ message: 'The request body is too large.' }] }, rate.headers);
        return;
      }
      const outcome = await runGraphql(text, sourceOf(), options);
      send(res, outcome.status, outcome.body, rate.headers);
    },
  };
}

/** A node:http handler for the Edge endpoints; resolves false for other paths. */
export function createEdgeHandler(options: EdgeHandlerOptions): EdgeHandler {
  const endpoint = createEdgeEndpoint(options);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!endpoint.matches(url.pathname)) return false;
    await endpoint.serve({ method: (req.method ?? 'GET').toUpperCase(), url, headers: req.headers, body: () => readBody(req) }, res);
    return true;
  };
}
