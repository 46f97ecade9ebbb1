import type { IncomingMessage } from 'node:http';
import type { SimQuery, SimRequest } from './sim-route.ts';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

export function caseInsensitiveQuery(params: URLSearchParams): SimQuery {
  const map = new Map<string, string[]>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    const list = map.get(k);
    if (list) list.push(value);
    else map.set(k, [value]);
  }
  return {
    get: (name) => map.get(name.toLowerCase())?.[0],
    getAll: (name) => map.get(name.toLowerCase()) ?? [],
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    // A malformed escape is passed through as is; the route answers 404 for it.
    if (error instanceof URIError) return segment;
    throw error;
  }
}

export function toSimRequest(req: IncomingMessage, url: URL, match: RegExpExecArray): SimRequest {
  let body: Promise<string> | undefined;
  return {
    method: req.method ?? 'GET',
    url,
    rawPath: url.pathname,
    params: match.slice(1).map((g) => decode(g ?? '')),
    query: caseInsensitiveQuery(url.searchParams),
    headers: req.headers,
    cookies: parseCookies(req.headers.cookie),
    body: () => (body ??= readBody(req)),
  };
}
