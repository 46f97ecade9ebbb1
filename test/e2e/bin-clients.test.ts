// Acceptance (issue 2, item 1): real SDK clients drive bin/conduit.js end to end — stdio as a spawned
// process, Streamable HTTP and legacy SSE — with the content tools proven against the Sitecore XP
// adapter and its simulator. Nothing here is mocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SSEClientTransport as SseV1 } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport as HttpV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioV2 } from '@modelcontextprotocol/client/stdio';
import { CONDUIT_BIN } from '../support/run-cli.ts';
import { startSimulatorAndServer, type SimulatorAndServer } from '../support/spawn-serve.ts';

const ALL_TOOLS = ['content_create', 'content_delete', 'content_get', 'content_list', 'content_search', 'content_update',
  'health_check', 'media_get', 'media_list', 'schema_get', 'schema_list'];

interface AnyTool { name: string; title?: string; inputSchema: unknown; outputSchema?: unknown; annotations?: Record<string, unknown> }

function assertToolList(tools: AnyTool[]): void {
  const names = tools.map((t) => t.name).filter((n) => !n.startsWith('xray_')).sort();
  assert.deepEqual(names, ALL_TOOLS);
  for (const tool of tools) {
    assert.ok(tool.title, `${tool.name} has a title`);
    assert.equal(Reflect.get(tool.inputSchema as object, 'type'), 'object', `${tool.name} input schema`);
    assert.equal(Reflect.get(tool.outputSchema as object, 'type'), 'object', `${tool.name} output schema`);
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']) {
      assert.equal(typeof tool.annotations?.[hint], 'boolean', `${tool.name} ${hint}`);
    }
  }
}

function assertHome(result: unknown): void {
  assert.notEqual(Reflect.get(result as object, 'isError'), true, JSON.stringify(result));
  const item: unknown = Reflect.get(Reflect.get(result as object, 'structuredContent') as object, 'item');
  assert.equal(Reflect.get(item as object, 'path'), '/sitecore/content/Home');
  assert.equal(Reflect.get(item as object, 'id'), '110d559f-dea5-42ea-9c1c-8a5df7e70ef9');
}

/** Pin the 2026-07-28 era: by default the v2 client starts with a 2025 handshake. */
const MODERN = { versionNegotiation: { mode: { pin: '2026-07-28' } } } as const;

let fixture: SimulatorAndServer;
let config: SimulatorAndServer['config'];
let http: SimulatorAndServer['http'];

test.before(async () => {
  fixture = await startSimulatorAndServer(800);
  ({ config, http } = fixture);
});

test.after(() => fixture.stop());

test('SDK v1 client (2025 era) over stdio, spawning bin/conduit.js', async () => {
  const client = new ClientV1({ name: 'e2e-v1-stdio', version: '1.0.0' });
  await client.connect(new StdioV1({ command: process.execPath, args: [CONDUIT_BIN, 'serve', '--config', config.path], env: { ...process.env, ...config.env } as Record<string, string>, stderr: 'ignore' }));
  try {
    assertToolList((await client.listTools()).tools);
    assertHome(await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
    const byId = await client.callTool({ name: 'content_get', arguments: { id: '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}' } });
    assertHome(byId);
  } finally {
    await client.close();
  }
});

test('SDK v2 client (2026-07-28) over stdio, spawning bin/conduit.js', async () => {
  const client = new ClientV2({ name: 'e2e-v2-stdio', version: '1.0.0' }, MODERN);
  await client.connect(new StdioV2({ command: process.execPath, args: [CONDUIT_BIN, 'serve', '--config', config.path], env: { ...process.env, ...config.env } as Record<string, string>, stderr: 'ignore' }));
  try {
    assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
    assertToolList((await client.listTools()).tools);
    assertHome(await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
  } finally {
    await client.close();
  }
});

test('SDK v1 and v2 clients over Streamable HTTP', async () => {
  const v1 = new ClientV1({ name: 'e2e-v1-http', version: '1.0.0' });
  await v1.connect(new HttpV1(new URL(`${http.url}/mcp`)));
  assertToolList((await v1.listTools()).tools);
  assertHome(await v1.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
  await v1.close();
  const v2 = new ClientV2({ name: 'e2e-v2-http', version: '1.0.0' }, MODERN);
  await v2.connect(new HttpV2(new URL(`${http.url}/mcp`)));
  assert.equal(v2.getNegotiatedProtocolVersion(), '2026-07-28');
  assertToolList((await v2.listTools()).tools);
  assertHome(await v2.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
  await v2.close();
});

test('SDK v1 client over legacy HTTP+SSE', async () => {
  const client = new ClientV1({ name: 'e2e-v1-sse', version: '1.0.0' });
  await client.connect(new SseV1(new URL(`${http.url}/sse`)));
  try {
    assertToolList((await client.listTools()).tools);
    assertHome(await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
  } finally {
    await client.close();
  }
});
