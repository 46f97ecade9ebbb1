import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType } from '@modelcontextprotocol/server';

/**
 * The Web `Request` the SDK's handler takes, for a Node request whose body
 * this process already read: the same URL and headers the SDK's
 * `toWebRequest` builds, the body only when given (a parsed body travels
 * beside the request instead, so nothing is cloned or read twice), and a
 * signal that aborts when the client goes away.
 */
export function webRequestOf(req: IncomingMessage, signal: AbortSignal, body?: string): Request {
  // A plain record, not a Headers: Request copies its init into a Headers of its own, so building one here
  // would validate every header twice.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const host = req.headers.host ?? 'localhost';
  return new Request(`http://${host}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, signal, ...(body ? { body } : {}) });
}

/**
 * Writes the SDK's `Response` to Node. A JSON answer is a complete value, so
 * it goes out in one write with a Content-Length instead of being pumped
 * through a web stream as chunked encoding; anything else (an SSE stream)
 * is streamed with backpressure until it ends or the client leaves.
 */
export async function writeWebResponse(res: ServerResponse, response: Response, gone: AbortSignal): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body === null) {
    res.writeHead(response.status, headers).end();
    return;
  }
  if (isJsonContentType(response.headers.get('content-type'))) {
    const text = await response.text();
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(response.status, headers).end(text);
    return;
  }
  res.writeHead(response.status, headers);
  let drained: (() => void) | undefined;
  const onDrain = (): void => {
    drained?.();
    drained = undefined;
  };
  res.on('drain', onDrain);
  const closed = new Promise<void>((resolve) => {
    if (gone.aborted) resolve();
    else gone.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    for await (const chunk of response.body) {
      if (gone.aborted) break;
      if (!res.write(chunk)) await Promise.race([new Promise<void>((resolve) => { drained = resolve; }), closed]);
    }
  } catch {
    // The stream failed or the client left: end what was sent, as the SDK's node adapter does.
  } finally {
    res.off('drain', onDrain);
  }
  res.end();
}

/** The JSON-RPC error body the SDK's node adapter answers with, for the failures this side handles itself. */
export function rpcErrorResponse(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }).end(body);
}
