// content_create / content_update / content_delete end to end for XM Cloud with authoring credentials:
// a real MCP client (SDK v2 in memory), Conduit's real App, the sitecore-xmc adapter writing through the
// simulator's Authoring and Management API (OAuth token endpoint + GraphQL) and reading back through CM
// preview, all over HTTP on loopback. Then mcp.readOnly with the same config hides and refuses the writes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { adapterConfigSchema, createApp } from '../../src/app.ts';
import type { App } from '../../src/app-types.ts';
import { parseConfigObject } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { withConnectedApp, structured, textOf, type Connected } from '../../src/mcp/test-support/connect-in-memory.ts';
import { DEFAULT_AUTHORING_CLIENT } from '../../adapters/sitecore/simulator/authoring/authoring-tokens.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';

const EDGE_KEY = 'conduit-test-edge-key';
const WRITE_TOOLS = ['content_create', 'content_update', 'content_delete'];
const itemShape = z.object({ id: z.string(), name: z.string(), path: z.string(), fields: z.record(z.string(), z.unknown()) }).loose();
const oneItem = z.object({ item: itemShape }).loose();
const errorCode = (value: unknown): string => z.object({ error: z.object({ code: z.string() }).loose() }).parse(value).error.code;
const bare = (id: string): string => id.replace(/[{}-]/g, '').toLowerCase();

let sim: SitecoreSimulator;

async function appWith(mcp: Record<string, unknown> = {}): Promise<App> {
  const xmc = {
    type: 'sitecore-xmc', url: sim.url, endpoint: '/sitecore/api/graph/edge', credentials: { apiKey: EDGE_KEY },
    authoring: { clientId: DEFAULT_AUTHORING_CLIENT.clientId, clientSecret: DEFAULT_AUTHORING_CLIENT.clientSecret, tokenUrl: `${sim.url}/oauth/token` },
    resilience: { timeoutMs: 2_000, maxAttempts: 2, backoff: { initialDelayMs: 10, maxDelayMs: 20 } },
  };
  const config = await parseConfigObject({ adapters: { xmc }, mcp, logging: { level: 'silent' } }, adapterConfigSchema);
  return createApp(config, { logger: silentLogger });
}

function withConn(mcp: Record<string, unknown>, body: (conn: Connected) => Promise<void>): Promise<void> {
  return withConnectedApp(() => appWith(mcp), body);
}

before(async () => { sim = await startSitecoreSimulator({ items: 400, seed: 7, edgeApiKey: EDGE_KEY }); });
after(async () => { await sim.close(); });

void test('with authoring credentials the write tools are offered and change the simulated XM Cloud through the Authoring API', async () => {
  await withConn({}, async (conn) => {
    const names = (await conn.client.listTools()).tools.map((t) => t.name);
    for (const w of WRITE_TOOLS) assert.ok(names.includes(w), `${w} offered`);
    sim.resetStats();
    const created = oneItem.parse(structured(await conn.call('content_create', {
      parentPath: '/sitecore/content/Home', name: 'Conduit XMC MCP Test', type: 'Sample/Sample Item', fields: { Title: 'Created over MCP' },
    })));
    const inTree = sim.tree.getByPath('/sitecore/content/Home/Conduit XMC MCP Test') ?? assert.fail('not created in the tree');
    assert.equal(bare(created.item.id), bare(inTree.id));
    assert.equal(created.item.fields['Title'], 'Created over MCP');
    assert.equal(sim.stats().byRoute['authoring-token'], 1);
    assert.ok((sim.stats().byRoute['authoring-graphql'] ?? 0) >= 2, 'lookups and the mutation went to the authoring endpoint');
    assert.equal(sim.stats().byRoute['create'], undefined, 'nothing went through SSC');

    const read = oneItem.parse(structured(await conn.call('content_get', { id: created.item.id })));
    assert.equal(read.item.path, '/sitecore/content/Home/Conduit XMC MCP Test', 'read back through Edge (CM preview)');
    const updated = oneItem.parse(structured(await conn.call('content_update', { id: created.item.id, fields: { Title: 'Updated over MCP' } })));
    assert.equal(updated.item.fields['Title'], 'Updated over MCP');
    assert.equal(sim.tree.fieldValue(inTree, 'Title', 'en'), 'Updated over MCP');
    const deleted = await conn.call('content_delete', { id: created.item.id });
    assert.notEqual(deleted.isError, true, textOf(deleted));
    assert.equal(sim.tree.getByPath('/sitecore/content/Home/Conduit XMC MCP Test'), undefined);
    const gone = await conn.call('content_get', { id: created.item.id });
    assert.equal(errorCode(structured(gone)), 'ADP_NOT_FOUND');
  });
});

void test('mcp.readOnly hides and refuses the write tools even with authoring credentials; reads still work', async () => {
  await withConn({ readOnly: true }, async (conn) => {
    const names = (await conn.client.listTools()).tools.map((t) => t.name);
    for (const w of WRITE_TOOLS) assert.ok(!names.includes(w), `${w} hidden`);
    sim.resetStats();
    const refused = await conn.call('content_create', { parentPath: '/sitecore/content/Home', name: 'Read Only Probe', type: 'Sample/Sample Item', fields: {} });
    assert.equal(errorCode(structured(refused)), 'TOOL_READ_ONLY');
    assert.deepEqual(sim.stats().byRoute, {}, 'no request reached the simulator');
    assert.equal(oneItem.parse(structured(await conn.call('content_get', { path: '/sitecore/content/Home' }))).item.name, 'Home');
  });
});
