import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { SimTree } from '../tree/sim-tree.ts';
import { startEdgeTestServer, type EdgeTestServer } from './edge-test-server.ts';
import { simTreeEdgeSource } from './sim-tree-edge-source.ts';
import { gid } from './test-support/edge-fixture-source.ts';

const KEY = 'token';
const ROOT = '11111111-1111-1111-1111-111111111111';
const CONTENT = '0de95ae4-41ab-4d01-9eb0-67441b7c2450';
const HOME = '110d559f-dea5-42ea-9c1c-8a5df7e70ef9';
const PAGE_TEMPLATE = gid(500);
const BASE_TEMPLATE = gid(501);
const STANDARD_VALUES = gid(502);
const PAGE = gid(503);

function buildTree(): SimTree {
  const tree = new SimTree({ id: ROOT, name: 'sitecore', templateId: gid(510) });
  tree.defineTemplate({ id: BASE_TEMPLATE, name: '_Base', baseIds: [], fields: [{ name: 'Title', type: 'Single-Line Text', shared: false, unversioned: false }] });
  tree.defineTemplate({
    id: PAGE_TEMPLATE, name: 'Page', baseIds: [BASE_TEMPLATE], standardValuesId: STANDARD_VALUES,
    fields: [{ name: 'Body', type: 'Rich Text', shared: false, unversioned: false }, { name: 'Code', type: 'Single-Line Text', shared: true, unversioned: false }],
  });
  tree.add({ id: CONTENT, name: 'content', parentId: ROOT, templateId: gid(511), langs: { en: { version: 1, fields: {} } } });
  tree.add({ id: HOME, name: 'Home', parentId: CONTENT, templateId: PAGE_TEMPLATE, shared: { Code: 'H1' }, langs: { en: { version: 2, fields: { Title: 'Home', '__Updated': '20240101T000000Z' } } } });
  tree.add({ id: PAGE, name: 'Our Team', parentId: HOME, templateId: PAGE_TEMPLATE, langs: { en: { version: 1, fields: { Title: 'Team' } }, 'de-DE': { version: 1, fields: { Title: 'Mannschaft' } } } });
  // Standard values live under the template in a real instance; here under the root, outside the published roots.
  tree.add({
    id: STANDARD_VALUES, name: '__Standard Values', parentId: ROOT, templateId: PAGE_TEMPLATE,
    shared: { '__Renderings': `<r><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}"><r id="{${gid(520).toUpperCase()}}" ph="main" uid="{${gid(521).toUpperCase()}}" /></d></r>` },
    langs: { en: { version: 1, fields: { Body: '<p>default body</p>' } } },
  });
  return tree;
}

async function gql(server: EdgeTestServer, query: string): Promise<unknown> {
  const res = await fetch(`${server.url}/api/graphql/v1`, {
    method: 'POST', headers: { sc_apikey: KEY, 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(5000),
  });
  return z.object({ data: z.unknown() }).parse(await res.json()).data;
}

void describe('the generated SimTree served as Edge', () => {
  let tree: SimTree;
  let server: EdgeTestServer;
  before(async () => {
    tree = buildTree();
    server = await startEdgeTestServer({ source: simTreeEdgeSource(tree), apiKeys: [KEY], rateLimitPerSecond: 0 });
  });
  after(async () => { await server.close(); });

  void test('published values: own, shared, and standard values; no __ fields; layout from standard values', async () => {
    const data = await gql(server, `{ item(path: "/sitecore/content/Home/Our Team", language: "en") {
      fields { name value } own: fields(ownFields: true) { name } rendered url { path siteName } } }`);
    const item = z.object({ item: z.object({
      fields: z.array(z.object({ name: z.string(), value: z.string() })), own: z.array(z.object({ name: z.string() })),
      rendered: z.unknown(), url: z.object({ path: z.string(), siteName: z.string() }),
    }) }).parse(data).item;
    assert.deepEqual(Object.fromEntries(item.fields.map((f) => [f.name, f.value])), { Body: '<p>default body</p>', Code: '', Title: 'Team' });
    assert.deepEqual(item.own.map((f) => f.name), ['Body', 'Code']);
    assert.match(JSON.stringify(item.rendered), /"main":\[\{/);
    assert.deepEqual(item.url, { path: '/our-team', siteName: 'Acme' });
  });

  void test('languages and edits to the tree show on the next request', async () => {
    const de = await gql(server, '{ item(path: "/sitecore/content/Home/Our Team", language: "de-DE") { title: field(name: "Title") { value } } }');
    assert.equal(JSON.stringify(de), '{"item":{"title":{"value":"Mannschaft"}}}');
    const page = tree.get(PAGE);
    assert.ok(page);
    tree.rename(page, 'People');
    const renamed = await gql(server, `{ item(path: "${PAGE}", language: "en") { path } }`);
    assert.equal(JSON.stringify(renamed), '{"item":{"path":"/sitecore/content/Home/People"}}');
    const standardValues = await gql(server, `{ item(path: "${STANDARD_VALUES}", language: "en") { id } }`);
    assert.equal(JSON.stringify(standardValues), '{"item":null}');
  });
});
