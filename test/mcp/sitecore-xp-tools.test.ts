// The content tools end to end: a real MCP client, Conduit's real App (createApp),
// the Sitecore XP adapter, and the Sitecore simulator over HTTP on loopback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as HttpV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adapterConfigSchema, createApp } from '../../src/app.ts';
import type { App } from '../../src/app-types.ts';
import { parseConfigObject } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { startHttpServer } from '../../src/mcp/index.ts';
import { connectInMemory, structured, textOf, type Connected } from '../../src/mcp/test-support/connect-in-memory.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';

const HOME_ID = '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}';
const itemShape = z.object({ id: z.string(), name: z.string(), path: z.string(), fields: z.record(z.string(), z.unknown()) }).loose();
const listShape = z.object({ adapter: z.string(), items: z.array(itemShape), nextCursor: z.string().optional() }).loose();
const errorCode = (value: unknown): string => z.object({ error: z.object({ code: z.string() }).loose() }).parse(value).error.code;

let sim: SitecoreSimulator;
let app: App;
let conn: Connected;

before(async () => {
  sim = await startSitecoreSimulator({ items: 400, seed: 7 });
  const config = await parseConfigObject({
    adapters: { xp: { type: 'sitecore-xp', url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' }, resilience: { timeoutMs: 2_000, maxAttempts: 2, backoff: { initialDelayMs: 10, maxDelayMs: 20 } } } },
    logging: { level: 'silent' },
  }, adapterConfigSchema);
  app = await createApp(config, { logger: silentLogger });
  conn = await connectInMemory({ app });
});

after(async () => {
  await conn.close();
  await app.close();
  await sim.close();
});

void test('health_check reaches the simulated Sitecore', async () => {
  const health = z.object({ ok: z.literal(true), adapters: z.object({ xp: z.object({ status: z.string() }).loose() }) }).parse(structured(await conn.call('health_check')));
  assert.equal(health.adapters.xp.status, 'reachable');
});

void test('content_get reads Home by path and by id; a missing id is ADP_NOT_FOUND', async () => {
  const byPath = z.object({ item: itemShape }).loose().parse(structured(await conn.call('content_get', { path: '/sitecore/content/Home' })));
  assert.equal(byPath.item.name, 'Home');
  const byId = z.object({ item: itemShape }).loose().parse(structured(await conn.call('content_get', { id: byPath.item.id, fields: ['Title'] })));
  assert.equal(byId.item.path, '/sitecore/content/Home');
  assert.deepEqual(Object.keys(byId.item.fields), ['Title']);
  const missing = await conn.call('content_get', { id: '{4D2F0C3A-1B2C-4D5E-8F90-A1B2C3D4E5F6}' });
  assert.equal(missing.isError, true);
  assert.equal(errorCode(structured(missing)), 'ADP_NOT_FOUND');
  assert.match(textOf(missing), /\nHint: /);
});

void test('content_list walks the children of a section with opaque cursors', async () => {
  const parentPath = '/sitecore/content/Home';
  const expected = sim.tree.children(sim.tree.getByPath(parentPath) ?? assert.fail('no Home'), true).length;
  assert.ok(expected > 8, 'enough children for several pages');
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = listShape.parse(structured(await conn.call('content_list', { parentPath, limit: 4, fields: ['Title'], ...(cursor ? { cursor } : {}) })));
    for (const item of page.items) seen.add(item.id);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  assert.equal(seen.size, expected);
});

void test('content_search, schema and media tools answer from the adapter', async () => {
  const search = listShape.parse(structured(await conn.call('content_search', { text: 'press', limit: 5 })));
  assert.ok(search.items.length > 0);
  const types = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() }).loose()) }).loose()
    .parse(structured(await conn.call('schema_list', { limit: 10 })));
  assert.ok(types.items.length > 0);
  const first = types.items[0] ?? assert.fail('no types');
  const type = z.object({ type: z.object({ name: z.string() }).loose() }).loose().parse(structured(await conn.call('schema_get', { type: first.id })));
  assert.equal(type.type.name, first.name);
  const media = z.object({ items: z.array(z.object({ id: z.string() }).loose()) }).loose().parse(structured(await conn.call('media_list', { limit: 5 })));
  assert.ok(Array.isArray(media.items));
});

void test('content_create, content_update and content_delete change the simulated tree', async () => {
  const created = z.object({ item: itemShape }).loose().parse(structured(await conn.call('content_create', {
    parentPath: '/sitecore/content/Home', name: 'Conduit MCP Test', type: 'Sample/Sample Item', fields: { Title: 'Created over MCP' },
  })));
  assert.equal(sim.tree.getByPath('/sitecore/content/Home/Conduit MCP Test')?.id.toUpperCase(), created.item.id.replace(/[{}]/g, '').toUpperCase());
  const updated = z.object({ item: itemShape }).loose().parse(structured(await conn.call('content_update', { id: created.item.id, fields: { Title: 'Updated over MCP' } })));
  assert.equal(updated.item.fields['Title'], 'Updated over MCP');
  const deleted = await conn.call('content_delete', { id: created.item.id });
  assert.notEqual(deleted.isError, true, textOf(deleted));
  assert.equal(sim.tree.getByPath('/sitecore/content/Home/Conduit MCP Test'), undefined);
});

void test('an SDK v1 client over HTTP reads the same content, and a Sitecore outage is a retryable tool error', async () => {
  const server = await startHttpServer({ app, host: '127.0.0.1', port: 0 });
  const client = new ClientV1({ name: 'v1', version: '1.0.0' });
  await client.connect(new HttpV1(new URL(`${server.url}/mcp`)));
  const home = z.object({ structuredContent: z.object({ item: itemShape }).loose() }).loose().parse(await client.callTool({ name: 'content_get', arguments: { id: HOME_ID } }));
  assert.equal(home.structuredContent.item.name, 'Home');
  sim.setFaults({ routes: '^/sitecore/api/ssc/', errorRate: 1, errorStatus: 503 });
  const down = z.object({ isError: z.literal(true), structuredContent: z.object({ error: z.object({ code: z.string(), retryable: z.boolean() }).loose() }) }).loose()
    .parse(await client.callTool({ name: 'content_get', arguments: { id: '{00000000-0000-0000-0000-00000000ABCD}' } }));
  sim.setFaults({});
  assert.ok(down.structuredContent.error.retryable, JSON.stringify(down.structuredContent.error));
  await client.close();
  await server.close();
});
