// `conduit serve --http --workers 2` with real clients: 2025 sessions (with a server-to-client
// sampling round trip), legacy SSE and 2026-07-28 stateless clients, all at once, so their
// connections land on both workers and the stateful ones must be forwarded to the session worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { z } from 'zod';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport as SseV1 } from '@modelcontextprotocol/sdk/client/sse.js';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { samplingSessionRoundTrip } from '../support/sampling-session.ts';
import { spawnServeHttp, writeSimulatorConfig } from '../support/spawn-serve.ts';

const HOME = { name: 'content_get', arguments: { path: '/sitecore/content/Home' } };
const itemName = z.object({ structuredContent: z.object({ item: z.object({ name: z.string() }).loose() }).loose() }).loose();

interface AnyClient {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
}

/** GET on a fresh connection each time, so the kernel hands it to either worker. */
function fetchFresh(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function exercise(client: AnyClient): Promise<void> {
  const names = (await client.listTools()).tools.map((t) => t.name);
  assert.ok(names.includes('content_get'), names.join(', '));
  for (let i = 0; i < 3; i++) assert.equal(itemName.parse(await client.callTool(HOME)).structuredContent.item.name, 'Home');
}

function sessionClient(url: string): Promise<void> {
  return samplingSessionRoundTrip(`${url}/mcp`, exercise);
}

async function sseClient(url: string): Promise<void> {
  const client = new ClientV1({ name: 'v1-sse', version: '1.0.0' });
  await client.connect(new SseV1(new URL(`${url}/sse`)));
  await exercise(client);
  await client.close();
}

async function modernClient(url: string): Promise<void> {
  const client = new ClientV2({ name: 'v2', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new HttpV2(new URL(`${url}/mcp`)));
  assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
  await exercise(client);
  await client.close();
}

void test('serve --workers 2: sessions, legacy SSE and stateless clients all work across both workers, and SIGTERM stops them all', async () => {
  const sim = await startSitecoreSimulator({ items: 50 });
  const config = writeSimulatorConfig(sim.url);
  const serve = await spawnServeHttp(['--config', config.path, '--workers', '2', '--conformance'], config.env);
  try {
    // The session worker starts first; wait until the second worker listens too.
    const deadline = Date.now() + 20_000;
    while (!/"worker":1,/.test(serve.stderr()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(serve.stderr(), /"worker":0,"workers":2/);
    assert.match(serve.stderr(), /"worker":1,"workers":2/);
    await Promise.all([
      ...Array.from({ length: 4 }, () => sessionClient(serve.url)),
      ...Array.from({ length: 2 }, () => sseClient(serve.url)),
      ...Array.from({ length: 4 }, () => modernClient(serve.url)),
    ]);
    // Whichever worker answers /metrics, it reports the whole cluster: 10 clients × 3 content_get calls.
    for (let i = 0; i < 4; i++) {
      assert.match(await fetchFresh(`${serve.url}/metrics`), /^conduit_request_total\{tool="content_get",outcome="ok"\} 30$/m);
    }
    // A session id the session worker never issued is refused the same way from any worker.
    for (let i = 0; i < 4; i++) {
      const stale = await fetch(`${serve.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': 'no-such-session', 'mcp-protocol-version': '2025-11-25' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
      });
      assert.equal(stale.status, 404);
      await stale.body?.cancel();
    }
  } finally {
    serve.child.kill('SIGTERM');
    const code = await serve.exited;
    await sim.close();
    assert.equal(code, 0, serve.stderr());
  }
  assert.equal(serve.stderr().match(/"msg":"shutdown complete"/g)?.length, 2, serve.stderr());
});
