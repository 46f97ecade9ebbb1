import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { rpcErrorResponse } from './node-exchange.ts';

/**
 * Where stateful HTTP traffic is served when `conduit serve --workers N` runs
 * several processes behind one port. The kernel spreads connections over the
 * workers, but 2025-era sessions (Mcp-Session-Id) and legacy SSE sessions
 * live in the memory of the process that opened them, so one worker (the
 * session worker) serves all of them, and every other worker forwards such
 * requests to it over a private loopback port. Stateless 2026-07-28 calls are
 * answered by whichever worker received them.
 */
export type StatefulTraffic =
  | { role: 'owner'; onPrivatePort(port: number): void }
  | { role: 'forward'; ownerPort(): Promise<number> };

/** Headers that belong to one hop, not to the exchange (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade']);

const agent = new Agent({ keepAlive: true });

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/**
 * Forwards one request to the session worker and streams its answer back
 * (SSE streams included) until either side ends. The request keeps its
 * original Host and Authorization headers, so the session worker applies the
 * same guards; a client that leaves closes the forwarded exchange too.
 */
export function forwardToOwner(req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  return new Promise((resolve) => {
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: endToEnd(req.headers), agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
      answer.once('end', () => resolve());
      answer.once('error', () => {
        res.destroy();
        resolve();
      });
    });
    upstream.once('error', () => {
      if (!res.headersSent) {
        rpcErrorResponse(res, 502, -32000, 'The session worker did not answer; retry.');
      } else {
        res.destroy();
      }
      resolve();
    });
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}
