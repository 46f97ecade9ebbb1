import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHttpServer, type HttpServerHandle } from '../../src/mcp/index.ts';
import { createMemoryAdapter } from '../../src/mcp/test-support/memory-adapter.ts';
import { createTestApp } from '../../src/mcp/test-support/test-app.ts';
import { hasCode } from '../../src/core/conduit-error.ts';
import { INITIALIZE, JSON_POST, modernToolCall, rawRequest } from './fixtures/http-request.ts';

const TOKEN = 'test-token-0123456789abcdef';

async function serve(http: Record<string, unknown> = {}, adapter = createMemoryAdapter()): Promise<HttpServerHandle> {
  const app = createTestApp({ adapters: { cms: adapter }, config: { server: { http } } });
  return startHttpServer({
    app, host: '127.0.0.1', port: 0,
    extraRoutes: (req, res) => {
      if (req.url !== '/health') return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return true;
    },
  });
}

void test('Host and Origin are checked before anything else', async () => {
  const server = await serve();
  const port = new URL(server.url).port;
  const evilHost = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, host: `evil.example.com:${port}` }, body: INITIALIZE });
  assert.equal(evilHost.status, 403);
  const evilOrigin = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, origin: 'http://evil.example.com' }, body: INITIALIZE });
  assert.equal(evilOrigin.status, 403);
  const evilHealth = await rawRequest(`${server.url}/health`, { headers: { host: 'evil.example.com' } });
  assert.equal(evilHealth.status, 403, 'ops routes sit behind the Host check too');
  const local = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, origin: `http://localhost:${port}` }, body: INITIALIZE });
  assert.equal(local.status, 200);
  assert.equal(local.headers['access-control-allow-origin'], `http://localhost:${port}`);
  await server.close();
});

void test('with tokens configured, /mcp and /sse need a valid bearer token; ops routes do not', async () => {
  const server = await serve({ auth: { tokens: [TOKEN] } });
  const none = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: JSON_POST, body: INITIALIZE });
  assert.equal(none.status, 401);
  assert.match(String(none.headers['www-authenticate']), /^Bearer/);
  const wrong = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, authorization: `Bearer ${TOKEN}x` }, body: INITIALIZE });
  assert.equal(wrong.status, 401);
  assert.match(String(wrong.headers['www-authenticate']), /invalid_token/);
  const sse = await rawRequest(`${server.url}/sse`);
  assert.equal(sse.status, 401);
  const right = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, authorization: `Bearer ${TOKEN}` }, body: INITIALIZE });
  assert.equal(right.status, 200);
  assert.equal((await rawRequest(`${server.url}/health`)).status, 200);
  await server.close();
});

void test('a body over maxBodyBytes is refused with 413, declared or streamed', async () => {
  const server = await serve();
  const big = Buffer.alloc(2 * 1024 * 1024, 'a');
  const declared = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: { ...JSON_POST, 'content-length': String(big.length) }, body: big });
  assert.equal(declared.status, 413);
  const streamed = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: JSON_POST, body: big, chunked: true });
  assert.equal(streamed.status, 413);
  await server.close();
});

void test('GET and DELETE /mcp without a session are 405; unknown routes 404', async () => {
  const server = await serve();
  assert.equal((await rawRequest(`${server.url}/mcp`, { headers: { accept: 'text/event-stream' } })).status, 405);
  assert.equal((await rawRequest(`${server.url}/mcp`, { method: 'DELETE' })).status, 405);
  assert.equal((await rawRequest(`${server.url}/nope`)).status, 404);
  const unknownSession = await rawRequest(`${server.url}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': 'nope' } });
  assert.equal(unknownSession.status, 404);
  await server.close();
});

void test('a non-loopback bind without auth is refused', async () => {
  const app = createTestApp({ adapters: { cms: createMemoryAdapter() } });
  await assert.rejects(startHttpServer({ app, host: '0.0.0.0', port: 0 }), (error: unknown) => hasCode(error, 'HTTP_BIND_UNSAFE'));
  await assert.rejects(startHttpServer({ app, host: '10.1.2.3', port: 0 }), (error: unknown) => hasCode(error, 'HTTP_BIND_UNSAFE'));
});

void test('a request that takes longer than requestTimeoutMs gets 504', async () => {
  const adapter = createMemoryAdapter();
  adapter.listContent = () => new Promise((resolve) => { setTimeout(() => resolve({ items: [] }), 1_500); });
  const server = await serve({ requestTimeoutMs: 200 }, adapter);
  const call = modernToolCall('content_list');
  const started = Date.now();
  const response = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: call.headers, body: call.body });
  assert.equal(response.status, 504);
  assert.ok(Date.now() - started < 1_200, 'answered at the deadline, not when the call finished');
  await server.close();
});

void test('close() ends open SSE streams and resolves promptly', async () => {
  const server = await serve();
  const stream = await fetch(`${server.url}/sse`, { headers: { accept: 'text/event-stream' } });
  assert.equal(stream.status, 200);
  const reader = stream.body?.getReader();
  assert.ok(reader);
  const first = await reader.read();
  assert.match(new TextDecoder().decode(first.value), /event: endpoint/);
  const started = Date.now();
  await server.close();
  let done = false;
  while (!done) done = (await reader.read()).done;
  assert.ok(Date.now() - started < 2_000, `closed in ${Date.now() - started} ms`);
});

void test('server.http.sessions: beyond max the least recently used 2025 session is closed (404) and a new SSE stream gets 503; idle sessions expire', async () => {
  const server = await serve({ sessions: { max: 2, idleTimeoutMs: 1_000 } });
  const open = async (): Promise<string> => {
    const init = await rawRequest(`${server.url}/mcp`, { method: 'POST', headers: JSON_POST, body: INITIALIZE });
    const id = init.headers['mcp-session-id'];
    assert.equal(typeof id, 'string');
    return String(id);
  };
  const list = (id: string) => rawRequest(`${server.url}/mcp`, {
    method: 'POST', headers: { ...JSON_POST, 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
  });
  const first = await open();
  const second = await open();
  assert.equal((await list(first)).status, 200, 'first is now the most recently used');
  await open();
  assert.equal((await list(second)).status, 404, 'the third session evicted the least recently used one');
  assert.equal((await list(first)).status, 200);

  const streams = [await fetch(`${server.url}/sse`, { headers: { accept: 'text/event-stream' } }), await fetch(`${server.url}/sse`, { headers: { accept: 'text/event-stream' } })];
  assert.deepEqual(streams.map((s) => s.status), [200, 200]);
  const third = await fetch(`${server.url}/sse`, { headers: { accept: 'text/event-stream' } });
  assert.equal(third.status, 503, 'an open stream is a live client: the new one is refused, none is cut');
  assert.equal(third.headers.get('retry-after'), '30');
  assert.match(await third.text(), /server\.http\.sessions\.max/);
  for (const s of streams) await s.body?.cancel();

  // The sweep runs every idleTimeoutMs (here 1 s): a session idle for longer is gone within two sweeps.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  assert.equal((await list(first)).status, 404, 'an idle session expired');
  await server.close();
});
