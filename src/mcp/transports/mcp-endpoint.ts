import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMcpHandler, isJsonContentType, isLegacyRequest, type McpRequestContext, type ServerNotifier } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { buildServer, type McpContext } from '../build-server.ts';
import { LegacySessions } from './legacy-sessions.ts';
import { readBody } from './node-body.ts';
import { rpcErrorResponse, webRequestOf, writeWebResponse } from './node-exchange.ts';

/** server.http.sessions: how many stateful sessions may be open, and how long one may sit idle. */
export interface SessionLimits { max: number; idleTimeoutMs: number }

export interface McpEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/**
 * The /mcp endpoint. The SDK's classifier (`isLegacyRequest`) sends 2025-era
 * traffic (an initialize handshake, session requests) to the session-based
 * transport, and 2026-07-28 per-request traffic to the SDK's stateless
 * handler, which refuses anything legacy on its own leg. Both legs build
 * their servers from the same factory.
 */
export function createMcpEndpoint(ctx: McpContext, maxBodyBytes: number, onerror: (error: Error) => void, sessions: SessionLimits): McpEndpoint {
  const notifier: { current?: ServerNotifier } = {};
  const modern = createMcpHandler(
    (request) => buildServer(ctx, { ...(notifier.current ? { notify: notifier.current } : {}), ...singleToolCall(request) }).server,
    { legacy: 'reject', maxRequestBodySize: maxBodyBytes, onerror },
  );
  notifier.current = modern.notify;
  const legacy = new LegacySessions({ factory: () => buildServer(ctx), maxBodyBytes, onerror, maxSessions: sessions.max, idleTimeoutMs: sessions.idleTimeoutMs });
  const route = async (request: Request): Promise<Response> => {
    if (request.method === 'POST' && !isJsonContentType(request.headers.get('content-type'))) {
      return Response.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Unsupported Media Type: POST bodies must be application/json.' }, id: null }, { status: 415 });
    }
    // 2026-era POSTs without a session never get here: they take the fast path below.
    return (await isLegacyRequest(request, undefined, { maxRequestBodySize: maxBodyBytes })) ? legacy.handle(request) : modern.fetch(request);
  };
  const general = toNodeHandler({ fetch: route }, { maxRequestBodySize: maxBodyBytes, onerror });

  // Fast path for the bulk of the traffic: a 2026-era POST goes straight to the stateless handler with
  // its body read and parsed once here, and its JSON answer written in one go (see node-exchange.ts).
  const serveModern = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const gone = new AbortController();
    let finished = false;
    res.once('close', () => { if (!finished) gone.abort(); });
    try {
      const body = await readBody(req, maxBodyBytes);
      if (!body.ok) return rpcErrorResponse(res, 413, -32000, `Payload Too Large: Request body must not exceed ${maxBodyBytes} bytes`, { connection: 'close' });
      const parsed = parseOrUndefined(body.text);
      // A body that is not JSON goes to the SDK as it came, so the answer is the SDK's own parse error.
      const request = webRequestOf(req, gone.signal, parsed === undefined ? body.text : undefined);
      const response = await modern.fetch(request, parsed === undefined ? undefined : { parsedBody: parsed });
      await writeWebResponse(res, response, gone.signal);
    } catch (error) {
      onerror(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) rpcErrorResponse(res, 500, -32603, 'Internal server error');
      else res.end();
    } finally {
      finished = true;
    }
  };
  return {
    handle: (req, res) => (isModernPost(req) ? serveModern(req, res) : general(req, res)),
    async close() {
      await Promise.allSettled([modern.close(), legacy.close()]);
    },
  };
}

/** Protocol revisions served statelessly (2026-07-28 and later share the per-request envelope). */
function isModernRevision(version: string | null | undefined): boolean {
  return typeof version === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(version) && version >= '2026-07-28';
}

/**
 * The same test on the Node request: a stateless 2026-era JSON POST, served by
 * the fast path (and by any worker under serve --workers). A non-JSON POST
 * takes the general path and its 415.
 */
export function isModernPost(req: IncomingMessage): boolean {
  const { headers } = req;
  return req.method === 'POST' && headers['mcp-session-id'] === undefined && isModernRevision(headers['mcp-protocol-version'] as string | undefined)
    && isJsonContentType(headers['content-type'] ?? null);
}

function parseOrUndefined(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A stateless request that is a single tools/call names its tool in the Mcp-Name header. */
function singleToolCall(request: McpRequestContext): { onlyTool?: string } {
  const headers = request.requestInfo?.headers;
  if (request.era !== 'modern' || headers?.get('mcp-method') !== 'tools/call') return {};
  const name = headers.get('mcp-name');
  return name ? { onlyTool: name } : {};
}
