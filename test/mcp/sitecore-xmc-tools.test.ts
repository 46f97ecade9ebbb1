// The content tools end to end for XM Cloud: real MCP clients (SDK v2 in memory, SDK v1 over HTTP),
// Conduit's real App (createApp), the sitecore-xmc adapter, and the Sitecore simulator's Experience
// Edge surface over HTTP on loopback. Then read-only mode for both Sitecore adapters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as HttpV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adapterConfigSchema, createApp } from '../../src/app.ts';
import type { App } from '../../src/app-types.ts';
import { parseConfigObject } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { startHttpServer } from '../../src/mcp/index.ts';
import { connectInMemory, withConnectedApp, structured, textOf, type Connected } from '../../src/mcp/test-support/connect-in-memory.ts';
import { startSitecoreSimulator, type SimItem, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';

const EDGE_KEY = 'conduit-test-edge-key';
const WRITE_TOOLS = ['content_create', 'content_update', 'content_delete'];
const itemShape = z.object({ id: z.string(), name: z.string(), path: z.string(), fields: z.record(z.string(), z.unknown()) }).loose();
const listShape = z.object({ adapter: z.string(), items: z.array(itemShape), nextCursor: z.string().optional() }).loose();
const oneItem = z.object({ item: itemShape }).loose();
const errorCode = (value: unknown): string => z.object({ error: z.object({ code: z.string() }).loose() }).parse(value).error.code;
const bare = (id: string): string => id.replace(/[{}-]/g, '').toLowerCase();

let sim: SitecoreSimulator;

/** The App for a set of adapter blocks (xp and/or xmc against the one simulator), with mcp options. */
async function appWith(adapters: Array<'xp' | 'xmc'>, mcp: Record<string, unknown> = {}, apiKey = EDGE_KEY): Promise<App> {
  const resilience = { timeoutMs: 2_000, maxAttempts: 2, backoff: { initialDelayMs: 10, maxDelayMs: 20 } };
  const blocks: Record<string, unknown> = {
    xp: { type: 'sitecore-xp', url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' }, resilience },
    xmc: { type: 'sitecore-xmc', url: sim.url, credentials: { apiKey }, resilience },
  };
  const config = await parseConfigObject({
    adapters: Object.fromEntries(adapters.map((name) => [name, blocks[name]])), mcp, logging: { level: 'silent' },
  }, adapterConfigSchema);
  return createApp(config, { logger: silentLogger });
}

/** Published in "en", as Edge serves it: an en version and not __Never publish. */
function published(item: SimItem): boolean {
  return item.langs['en'] !== undefined && sim.tree.fieldValue(item, '__Never publish', 'en') !== '1';
}

async function toolNames(conn: Connected): Promise<string[]> {
  return (await conn.client.listTools()).tools.map((t) => t.name);
}

before(async () => {
  sim = await startSitecoreSimulator({ items: 400, seed: 7, edgeApiKey: EDGE_KEY });
});

after(async () => {
  await sim.close();
});

void describe('content tools against sitecore-xmc (Experience Edge)', () => {
  let app: App;
  let conn: Connected;
  before(async () => {
    app = await appWith(['xmc']);
    conn = await connectInMemory({ app });
  });
  after(async () => {
    await conn.close();
    await app.close();
  });

  void test('health_check reaches the simulated Edge; every answer came from the Edge GraphQL route', async () => {
    sim.resetStats();
    const health = z.object({ adapters: z.object({ xmc: z.object({ status: z.string() }).loose() }) }).loose().parse(structured(await conn.call('health_check')));
    assert.equal(health.adapters.xmc.status, 'reachable');
    assert.ok((sim.stats().byRoute['edge-graphql'] ?? 0) >= 1);
    assert.deepEqual(Object.keys(sim.stats().byRoute), ['edge-graphql']);
  });

  void test('content_get reads Home by path and by id; a missing path is ADP_NOT_FOUND', async () => {
    const home = sim.tree.getByPath('/sitecore/content/Home') ?? assert.fail('no Home');
    const byPath = oneItem.parse(structured(await conn.call('content_get', { path: '/sitecore/content/Home' })));
    assert.equal(bare(byPath.item.id), bare(home.id));
    assert.equal(byPath.item.name, 'Home');
    const byId = oneItem.parse(structured(await conn.call('content_get', { id: byPath.item.id, fields: ['Title'] })));
    assert.equal(byId.item.path, '/sitecore/content/Home');
    assert.deepEqual(Object.keys(byId.item.fields), ['Title']);
    assert.equal(byId.item.fields['Title'], sim.tree.fieldValue(home, 'Title', 'en'));
    const missing = await conn.call('content_get', { path: '/sitecore/content/Home/No Such Item' });
    assert.equal(missing.isError, true);
    assert.equal(errorCode(structured(missing)), 'ADP_NOT_FOUND');
    assert.match(textOf(missing), /\nHint: /);
  });

  void test('content_list walks the published children of Home with opaque cursors', async () => {
    const home = sim.tree.getByPath('/sitecore/content/Home') ?? assert.fail('no Home');
    const expected = new Set(sim.tree.children(home).filter(published).map((c) => bare(c.id)));
    assert.ok(expected.size > 8, 'enough children for several pages');
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = listShape.parse(structured(await conn.call('content_list', { parentPath: '/sitecore/content/Home', limit: 4, ...(cursor ? { cursor } : {}) })));
      assert.ok(result.items.length <= 4);
      seen.push(...result.items.map((i) => bare(i.id)));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    assert.equal(seen.length, expected.size, 'no item twice');
    assert.deepEqual(new Set(seen), expected);
  });

  void test('content_search finds items by name or Title, all published and below the root', async () => {
    const found = listShape.parse(structured(await conn.call('content_search', { text: 'press', limit: 10, fields: ['Title'] })));
    assert.ok(found.items.length > 0);
    for (const item of found.items) {
      assert.match(`${item.name} ${String(item.fields['Title'] ?? '')}`, /press/i);
      assert.ok(item.path.startsWith('/sitecore/content/'), item.path);
      assert.ok(published(sim.tree.get(item.id) ?? assert.fail(`${item.id} is not in the tree`)));
    }
  });

  void test('schema_list / schema_get and media_list / media_get answer from Edge', async () => {
    const types = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() }).loose()) }).loose().parse(structured(await conn.call('schema_list', { limit: 50 })));
    const first = types.items[0] ?? assert.fail('no types');
    const type = z.object({ type: z.object({ name: z.string() }).loose() }).loose().parse(structured(await conn.call('schema_get', { type: first.id })));
    assert.equal(type.type.name, first.name);
    const jpeg = [...sim.tree.items.values()].find((i) => sim.tree.pathOf(i).startsWith('/sitecore/media library/') && i.shared['Mime Type'] === 'image/jpeg' && published(i));
    assert.ok(jpeg, 'a published jpeg');
    const folder = sim.tree.get(jpeg.parentId ?? '') ?? assert.fail('no media folder');
    const listing = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() }).loose()) }).loose()
      .parse(structured(await conn.call('media_list', { folderPath: sim.tree.pathOf(folder), limit: 100 })));
    assert.deepEqual(new Set(listing.items.map((m) => bare(m.id))), new Set(sim.tree.children(folder).filter(published).map((c) => bare(c.id))));
    assert.ok(listing.items.some((m) => bare(m.id) === bare(jpeg.id)));
    const mediaShape = z.object({ media: z.object({ id: z.string(), mimeType: z.string(), sizeBytes: z.number() }).loose() }).loose();
    const got = mediaShape.parse(structured(await conn.call('media_get', { id: jpeg.id })));
    assert.equal(bare(got.media.id), bare(jpeg.id));
    assert.equal(got.media.mimeType, 'image/jpeg');
    assert.equal(got.media.sizeBytes, Number(jpeg.shared['Size']));
  });

  void test('an SDK v1 client over streamable HTTP reads the same item', async () => {
    const server = await startHttpServer({ app, host: '127.0.0.1', port: 0 });
    const client = new ClientV1({ name: 'v1', version: '1.0.0' });
    try {
      await client.connect(new HttpV1(new URL(`${server.url}/mcp`)));
      const home = z.object({ structuredContent: oneItem }).loose().parse(await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } }));
      assert.equal(home.structuredContent.item.name, 'Home');
    } finally {
      await client.close();
      await server.close();
    }
  });

  void test('a wrong Edge key is ADP_AUTH_FAILED naming the credentials key', async () => {
    const wrong = await appWith(['xmc'], {}, 'not-the-key');
    const c = await connectInMemory({ app: wrong });
    try {
      const denied = await c.call('content_get', { path: '/sitecore/content/Home' });
      assert.equal(errorCode(structured(denied)), 'ADP_AUTH_FAILED');
      assert.match(textOf(denied), /credentials\.apiKey/);
    } finally {
      await c.close();
      await wrong.close();
    }
  });
});

void describe('write tools and read-only mode', () => {
  const createArgs = (adapter: string): Record<string, unknown> => ({
    adapter, parentPath: '/sitecore/content/Home', name: 'Read Only Probe', type: 'Sample/Sample Item', fields: { Title: 'x' },
  });
  const writeCalls = (adapter: string): Array<[string, Record<string, unknown>]> => [
    ['content_create', createArgs(adapter)],
    ['content_update', { adapter, path: '/sitecore/content/Home', fields: { Title: 'changed' } }],
    ['content_delete', { adapter, path: '/sitecore/content/Home' }],
  ];

  /** Calls each write tool on `adapter` and returns the error codes; none may reach the simulator. */
  async function refusals(conn: Connected, adapter: string): Promise<string[]> {
    sim.resetStats();
    const codes: string[] = [];
    for (const [name, args] of writeCalls(adapter)) {
      const result = await conn.call(name, args);
      assert.equal(result.isError, true, `${name} was refused`);
      codes.push(errorCode(structured(result)));
    }
    assert.deepEqual(sim.stats().byRoute, {}, 'no request reached the simulator');
    return codes;
  }

  function withConn(adapters: Array<'xp' | 'xmc'>, mcp: Record<string, unknown>, body: (conn: Connected) => Promise<void>): Promise<void> {
    return withConnectedApp(() => appWith(adapters, mcp), body);
  }

  void test('sitecore-xmc alone: write tools are hidden (no write capability) and refused with TOOL_UNAVAILABLE', async () => {
    await withConn(['xmc'], {}, async (conn) => {
      const names = await toolNames(conn);
      assert.ok(names.includes('content_get'));
      for (const w of WRITE_TOOLS) assert.ok(!names.includes(w), `${w} hidden`);
      assert.deepEqual(await refusals(conn, 'xmc'), ['TOOL_UNAVAILABLE', 'TOOL_UNAVAILABLE', 'TOOL_UNAVAILABLE']);
    });
    await withConn(['xmc'], { readOnly: true }, async (conn) => {
      for (const w of WRITE_TOOLS) assert.ok(!(await toolNames(conn)).includes(w));
      assert.deepEqual(await refusals(conn, 'xmc'), ['TOOL_UNAVAILABLE', 'TOOL_UNAVAILABLE', 'TOOL_UNAVAILABLE']);
    });
  });

  void test('sitecore-xp and sitecore-xmc together: writes offered (xp can write), and an xmc write is ADP_CAPABILITY_MISSING', async () => {
    await withConn(['xp', 'xmc'], {}, async (conn) => {
      const names = await toolNames(conn);
      for (const w of WRITE_TOOLS) assert.ok(names.includes(w), `${w} offered`);
      const refused = await conn.call('content_create', createArgs('xmc'));
      assert.equal(errorCode(structured(refused)), 'ADP_CAPABILITY_MISSING');
    });
  });

  void test('mcp.readOnly: write tools hidden and refused with TOOL_READ_ONLY for sitecore-xp and sitecore-xmc; reads still work', async () => {
    for (const adapters of [['xp'], ['xp', 'xmc']] as Array<Array<'xp' | 'xmc'>>) {
      await withConn(adapters, { readOnly: true }, async (conn) => {
        const tools = (await conn.client.listTools()).tools;
        for (const w of WRITE_TOOLS) assert.ok(!tools.some((t) => t.name === w), `${w} hidden with ${adapters.join('+')}`);
        assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true), 'every listed tool is read-only');
        for (const adapter of adapters) {
          assert.deepEqual(await refusals(conn, adapter), ['TOOL_READ_ONLY', 'TOOL_READ_ONLY', 'TOOL_READ_ONLY'], `${adapter} writes`);
          const home = oneItem.parse(structured(await conn.call('content_get', { adapter, path: '/sitecore/content/Home' })));
          assert.equal(home.item.name, 'Home');
        }
      });
    }
    assert.equal(sim.tree.getByPath('/sitecore/content/Home/Read Only Probe'), undefined);
    assert.notEqual(sim.tree.getByPath('/sitecore/content/Home'), undefined);
  });
});
