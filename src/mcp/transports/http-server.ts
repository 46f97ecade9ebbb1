import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { App } from '../../app-types.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { buildServer } from '../build-server.ts';
import { allowedHostnames, assertSafeBind, checkBearer, checkHostAndOrigin, type GuardConfig, type GuardVerdict } from './http-guards.ts';
import { LegacySseSessions } from './legacy-sse.ts';
import { createMcpEndpoint, isModernPost } from './mcp-endpoint.ts';
import { applyCors, withDeadline } from './http-exchange.ts';
import { rpcErrorResponse } from './node-exchange.ts';
import { forwardToOwner, type StatefulTraffic } from './session-proxy.ts';

export interface HttpServerOptions {
  app: App;
  /** Defaults to server.http.host / server.http.port from the config. */
  host?: string;
  port?: number;
  /**
   * Routes served before the MCP endpoints, e.g. the lead's /health, /ready
   * and /metrics. They sit behind the Host/Origin checks but not behind bearer
   * auth (orchestrators probe them without credentials). Return true when handled.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Listen on a non-loopback address without auth tokens (only behind a trusted proxy). */
  forceUnsafeBind?: boolean;
  /** Also serve the conformance suite's fixtures (testing only). */
  conformance?: boolean;
  toolsPageSize?: number;
  /** serve --workers: which process serves 2025 sessions and legacy SSE (see session-proxy.ts). One process serves everything. */
  stateful?: StatefulTraffic;
}

export interface HttpServerHandle {
  /** Base URL, e.g. http://127.0.0.1:3000 (the MCP endpoint is `${url}/mcp`). */
  url: string;
  /** Graceful: stops accepting, ends SSE streams and sessions, closes idle then remaining sockets. */
  close(): Promise<void>;
}

/** How long close() waits for busy connections before cutting them. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Conduit's HTTP front door: Streamable HTTP at /mcp (2025 sessions and
 * 2026-07-28 stateless), legacy HTTP+SSE at /sse + /messages, and the
 * caller's extra routes. Host/Origin validation runs first on every request.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServerHandle> {
  const { app } = options;
  const http = app.config.server.http;
  const host = options.host ?? http.host;
  const guard: GuardConfig = { host, allowedHosts: http.allowedHosts, allowedOrigins: http.allowedOrigins, tokens: http.auth.tokens };
  assertSafeBind(host, guard.tokens, options.forceUnsafeBind === true);
  const hostnames = allowedHostnames(guard);
  const onerror = (error: Error): void => {
    // The SDK reports the requests it refuses (bad headers, unknown session) here too: those are the client's problem.
    if (error.message.startsWith('Rejected inbound request')) app.logger.debug({ reason: error.message, transport: 'http' }, 'MCP request rejected');
    else app.logger.warn({ err: error, transport: 'http' }, 'MCP HTTP error');
  };
  const ctx = { app, conformance: options.conformance === true, ...(options.toolsPageSize ? { toolsPageSize: options.toolsPageSize } : {}) };
  const endpoint = createMcpEndpoint(ctx, http.maxBodyBytes, onerror, http.sessions);
  const sse = http.legacySse ? new LegacySseSessions({ factory: () => buildServer(ctx), messagesPath: '/messages', maxBodyBytes: http.maxBodyBytes, maxSessions: http.sessions.max, onerror }) : undefined;

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = firstFailure(checkHostAndOrigin(req, guard, hostnames));
    if (verdict) return refuse(res, verdict);
    applyCors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (options.extraRoutes?.(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://conduit.invalid');
    const route = url.pathname === '/mcp' ? 'mcp' : sse && url.pathname === '/sse' ? 'sse' : sse && url.pathname === '/messages' ? 'messages' : undefined;
    if (!route) return refuse(res, { ok: false, status: 404, message: `No route ${url.pathname}; MCP is served at /mcp.` });
    const auth = firstFailure(checkBearer(req, guard.tokens));
    if (auth) return refuse(res, auth);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > http.maxBodyBytes) {
      return refuse(res, { ok: false, status: 413, message: `Request body over ${http.maxBodyBytes} bytes (server.http.maxBodyBytes).`, headers: { connection: 'close' } });
    }
    const stateful = options.stateful;
    if (stateful?.role === 'forward' && (route !== 'mcp' || !isModernPost(req))) return forwardToOwner(req, res, await stateful.ownerPort());
    if (route === 'mcp') return withDeadline(req, res, http.requestTimeoutMs, () => endpoint.handle(req, res));
    if (route === 'sse' && req.method === 'GET') return sse?.open(res);
    if (route === 'messages' && req.method === 'POST') return withDeadline(req, res, http.requestTimeoutMs, async () => sse?.post(req, res, url.searchParams.get('sessionId')));
    return refuse(res, { ok: false, status: 405, message: `${req.method ?? '?'} is not allowed on ${url.pathname}.`, headers: { allow: route === 'sse' ? 'GET' : 'POST' } });
  };

  // POSTs carry calls; shutdown waits for their responses before ending sessions, so a call
  // that finished while draining still reaches its client. GET streams never end on their own.
  const busy = new Set<ServerResponse>();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'POST') {
      busy.add(res);
      res.once('close', () => busy.delete(res));
    }
    serve(req, res).catch((error: unknown) => {
      app.logger.error({ err: error, path: req.url }, 'HTTP request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal error"}');
      else res.destroy();
    });
  };
  const bounded = (): Server => {
    const created = createServer(handler);
    created.requestTimeout = http.requestTimeoutMs;
    created.headersTimeout = Math.min(http.requestTimeoutMs, 60_000);
    return created;
  };
  const server = bounded();
  await listen(server, host, options.port ?? http.port);
  // The session worker also listens on a loopback port of its own (exclusive: not shared through the
  // cluster), where the other workers forward stateful requests; the same guards apply there.
  const internal = options.stateful?.role === 'owner' ? bounded() : undefined;
  if (internal && options.stateful?.role === 'owner') {
    await listen(internal, '127.0.0.1', 0, true);
    options.stateful.onPrivatePort(portOf(internal));
  }
  const closeSessions = async (): Promise<void> => { await Promise.allSettled([endpoint.close(), sse?.close()]); };
  return {
    url: baseUrl(server, host),
    close: async () => {
      await Promise.all([shutdown(server, busy, closeSessions), internal ? shutdown(internal, busy, async () => undefined) : undefined]);
    },
  };
}

function firstFailure(verdict: GuardVerdict): Exclude<GuardVerdict, { ok: true }> | undefined {
  return verdict.ok ? undefined : verdict;
}

function refuse(res: ServerResponse, verdict: Exclude<GuardVerdict, { ok: true }>): void {
  rpcErrorResponse(res, verdict.status, -32000, verdict.message, verdict.headers);
}

async function listen(server: Server, host: string, port: number, exclusive = false): Promise<void> {
  server.listen({ port, host, exclusive });
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]: unknown[]) => { throw error; })]);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
    throw new ConduitError('HTTP_LISTEN_FAILED', `Cannot listen on ${host}:${port} (${code}).`, { cause: error });
  }
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function baseUrl(server: Server, host: string): string {
  const port = portOf(server);
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

async function shutdown(server: Server, busy: ReadonlySet<ServerResponse>, closeSessions: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => { server.close(() => resolve()); });
  server.closeIdleConnections();
  const deadline = Date.now() + CLOSE_GRACE_MS;
  while (busy.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  await closeSessions();
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
  await closed;
  clearTimeout(timer);
}
