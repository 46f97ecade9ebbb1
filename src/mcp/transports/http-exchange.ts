import type { IncomingMessage, ServerResponse } from 'node:http';
import { rpcErrorResponse } from './node-exchange.ts';

/**
 * CORS for browser clients whose Origin passed the origin check: reflect the
 * origin, expose the MCP session headers, and answer preflights.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'mcp-session-id, mcp-protocol-version, www-authenticate');
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? 'content-type, authorization, mcp-session-id, mcp-protocol-version, last-event-id');
    res.setHeader('access-control-max-age', '600');
  }
}

/**
 * Bounds a POST exchange by server.http.requestTimeoutMs: when the answer is
 * not complete in time the client gets 504 (or, mid-stream, a closed
 * connection). Stream-opening GETs are not bounded: they are meant to stay open.
 */
export async function withDeadline(req: IncomingMessage, res: ServerResponse, timeoutMs: number, exchange: () => Promise<void>): Promise<void> {
  if (req.method !== 'POST') return exchange();
  const timer = setTimeout(() => {
    if (res.writableEnded) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    rpcErrorResponse(res, 504, -32001, `Request timed out after ${timeoutMs} ms (server.http.requestTimeoutMs).`, { connection: 'close' });
  }, timeoutMs);
  try {
    await exchange();
  } finally {
    clearTimeout(timer);
  }
}
