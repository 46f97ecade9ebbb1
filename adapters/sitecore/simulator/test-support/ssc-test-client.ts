/** Test support: a minimal SSC client over real HTTP (tests only; the product uses the resilient client). */
export interface SscTestClient {
  cookie: string;
  get(path: string): Promise<Response>;
  json(path: string): Promise<unknown>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function login(url: string, credentials = { domain: 'sitecore', username: 'admin', password: 'b' }): Promise<Response> {
  return fetch(`${url}/sitecore/api/ssc/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials), signal: AbortSignal.timeout(5000),
  });
}

export async function sscClient(url: string): Promise<SscTestClient> {
  const res = await login(url);
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const send = (method: string, path: string, body?: unknown): Promise<Response> => fetch(`${url}${path}`, {
    method, headers: { cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }), signal: AbortSignal.timeout(5000),
  });
  return {
    cookie,
    get: (path) => send('GET', path),
    json: async (path) => {
      const res = await send('GET', path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    send,
  };
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

export function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}
