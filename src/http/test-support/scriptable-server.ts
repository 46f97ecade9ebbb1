import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export interface ScriptStep {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  body?: string | object;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (until the client gives up or the server closes). */
  hang?: boolean;
  /** Drop the connection without an answer (a network error for the client). */
  destroy?: boolean;
  /** Send the status, headers and half the body, then stall (a slow body, not a slow header). */
  stallBody?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** The client's port: the same port means the same (kept-alive) connection. */
  remotePort: number | undefined;
  /** performance.now() when the client closed the connection before an answer, if it did. */
  abandonedAt?: number;
}

export type Responder = (request: RecordedRequest, index: number) => ScriptStep;

export interface ScriptableServer {
  url: string;
  readonly requests: readonly RecordedRequest[];
  count(): number;
  /** Steps answered in order, one per request, before the default responder. */
  script(...steps: ScriptStep[]): void;
  /** What requests get once the script is used up (default: 200 with a JSON echo). */
  setDefault(step: ScriptStep | Responder): void;
  reset(): void;
  close(): Promise<void>;
}

const echo: Responder = (req) => ({ status: 200, body: { ok: true, method: req.method, path: req.path, query: req.query, body: req.body } });

/** A real HTTP server on 127.0.0.1 (port 0) whose answers tests script: statuses, delays, hangs, dropped sockets. */
export async function startScriptableServer(): Promise<ScriptableServer> {
  const requests: RecordedRequest[] = [];
  let queue: ScriptStep[] = [];
  let fallback: Responder = echo;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = record(req, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      res.on('close', () => { if (!res.writableFinished) recorded.abandonedAt = performance.now(); });
      const step = queue.shift() ?? fallback(recorded, requests.length - 1);
      if (step.hang) return;
      if (step.destroy) { res.socket?.destroy(); return; }
      const timer = setTimeout(() => { timers.delete(timer); answer(res, step); }, step.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = listeningPort(server.address());

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: () => requests.length,
    script: (...steps) => { queue.push(...steps); },
    setDefault: (step) => { fallback = typeof step === 'function' ? step : () => step; },
    reset: () => { requests.length = 0; queue = []; fallback = echo; },
    close: () => new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

function listeningPort(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('scriptable server is not listening on TCP');
  return address.port;
}

function record(req: IncomingMessage, body: string): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return {
    method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers, body, at: performance.now(),
    remotePort: req.socket.remotePort,
  };
}

function answer(res: ServerResponse, step: ScriptStep): void {
  if (res.destroyed) return;
  const isJson = step.body !== undefined && typeof step.body !== 'string';
  const text = step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  res.writeHead(step.status ?? 200, { ...(isJson ? { 'content-type': 'application/json' } : {}), ...step.headers });
  if (step.stallBody) res.write(text.slice(0, Math.floor(text.length / 2)));
  else res.end(text);
}

/** A small seeded PRNG (mulberry32) so "30% errors" is the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
