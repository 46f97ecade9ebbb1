import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { DEFAULT_EDGE_API_KEY } from '../edge/edge-surface.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../sitecore-simulator.ts';
import { asRecord, sscClient } from '../test-support/ssc-test-client.ts';
import { AUTHORING_GRAPHQL_PATH } from './authoring-surface.ts';
import { AUTHORING_AUDIENCE, DEFAULT_AUTHORING_CLIENT } from './authoring-tokens.ts';

const SAMPLE_ITEM = '{76036F5E-CBCE-46D1-AF0A-4143F9B557AA}';
let sim: SitecoreSimulator;

before(async () => { sim = await startSitecoreSimulator({ items: 700 }); });
after(async () => { await sim.close(); });

async function requestToken(url: string, overrides: Record<string, string> = {}): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_AUTHORING_CLIENT.clientId, client_secret: DEFAULT_AUTHORING_CLIENT.clientSecret, audience: AUTHORING_AUDIENCE, ...overrides });
  return fetch(`${url}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form, signal: AbortSignal.timeout(5000) });
}

async function token(url: string): Promise<string> {
  const body = asRecord(await (await requestToken(url)).json());
  return String(body['access_token']);
}

async function gql(url: string, bearer: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${AUTHORING_GRAPHQL_PATH}`, {
    method: 'POST', body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(5000),
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
  });
  return { status: res.status, body: asRecord(await res.json()) };
}

async function edgeTitle(url: string, id: string): Promise<unknown> {
  const res = await fetch(`${url}/sitecore/api/graph/edge`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', sc_apikey: DEFAULT_EDGE_API_KEY }, signal: AbortSignal.timeout(5000),
    body: JSON.stringify({ query: 'query($p: String!) { item(path: $p, language: "en") { name field(name: "Title") { value } } }', variables: { p: id } }),
  });
  return asRecord(asRecord(await res.json())['data'])['item'];
}

void test('token endpoint: client credentials give a bearer token; a bad client is 401 with an OAuth error body', async () => {
  const ok = await requestToken(sim.url);
  assert.equal(ok.status, 200);
  const body = asRecord(await ok.json());
  assert.equal(body['token_type'], 'Bearer');
  assert.equal(body['expires_in'], 86400);
  assert.ok(typeof body['access_token'] === 'string' && body['access_token'].length >= 32);
  const bad = await requestToken(sim.url, { client_secret: 'wrong' });
  assert.equal(bad.status, 401);
  assert.deepEqual(await bad.json(), { error: 'access_denied', error_description: 'Unauthorized' });
  assert.equal((await requestToken(sim.url, { grant_type: 'password' })).status, 403);
  assert.equal((await requestToken(sim.url, { audience: 'https://elsewhere' })).status, 403);
});

void test('GraphQL without a valid bearer token is HTTP 200 with AUTH_NOT_AUTHENTICATED', async () => {
  for (const bearer of [undefined, 'not-a-token']) {
    const { status, body } = await gql(sim.url, bearer, '{ item(where: { path: "/sitecore/content/Home" }) { name } }');
    assert.equal(status, 200);
    const [error] = body['errors'] as Array<{ extensions?: { code?: string } }>;
    assert.equal(error?.extensions?.code, 'AUTH_NOT_AUTHENTICATED');
  }
});

void test('queries are validated against the schema and nesting deeper than 13 is rejected', async () => {
  const bearer = await token(sim.url);
  const unknown = await gql(sim.url, bearer, '{ item(where: { path: "/sitecore/content/Home" }) { noSuchField } }');
  assert.equal(unknown.status, 200);
  assert.match(JSON.stringify(unknown.body['errors']), /Cannot query field \\"noSuchField\\"/);
  const deep = `{ item(where: { path: "/sitecore/content/Home" }) { ${'parent { '.repeat(13)}name${' }'.repeat(13)} } }`;
  assert.match(JSON.stringify((await gql(sim.url, bearer, deep)).body['errors']), /maximum allowed depth/);
});

void test('create, update and delete go to the shared tree: SSC and Edge see each write', async () => {
  const bearer = await token(sim.url);
  const created = await gql(sim.url, bearer, `mutation($input: CreateItemInput!) { createItem(input: $input) {
    item { itemId name path version language { name } template { templateId(format: D) name } parent { itemId }
      fields(ownFields: true, excludeStandardFields: true) { nodes { name value } } } } }`, {
    input: { name: 'Authoring Item', templateId: SAMPLE_ITEM, parent: ITEM_IDS.home, language: 'en', fields: [{ name: 'Title', value: 'From authoring' }] },
  });
  assert.equal(created.body['errors'], undefined, JSON.stringify(created.body['errors']));
  const item = asRecord(asRecord(asRecord(created.body['data'])['createItem'])['item']);
  assert.match(String(item['itemId']), /^[0-9a-f]{32}$/);
  assert.equal(item['path'], '/sitecore/content/Home/Authoring Item');
  assert.deepEqual(item['template'], { templateId: '76036f5e-cbce-46d1-af0a-4143f9b557aa', name: 'Sample Item' });
  assert.deepEqual(item['parent'], { itemId: ITEM_IDS.home.replaceAll('-', '') });
  assert.ok((asRecord(item['fields'])['nodes'] as unknown[]).some((f) => JSON.stringify(f) === '{"name":"Title","value":"From authoring"}'));
  const id = String(item['itemId']);
  const ssc = await sscClient(sim.url);
  assert.equal(asRecord(await ssc.json(`/sitecore/api/ssc/item/${id}`))['Title'], 'From authoring');
  assert.deepEqual(await edgeTitle(sim.url, id), { name: 'Authoring Item', field: { value: 'From authoring' } });

  const updated = await gql(sim.url, bearer, 'mutation($i: UpdateItemInput!) { updateItem(input: $i) { item { itemId fields(excludeStandardFields: true) { nodes { name value } } } } }', {
    i: { itemId: id, language: 'en', fields: [{ name: 'Title', value: 'Changed' }] },
  });
  assert.equal(updated.body['errors'], undefined);
  assert.deepEqual(await edgeTitle(sim.url, id), { name: 'Authoring Item', field: { value: 'Changed' } });

  const deleted = await gql(sim.url, bearer, 'mutation($i: DeleteItemInput!) { deleteItem(input: $i) { successful } }', { i: { itemId: id } });
  assert.deepEqual(deleted.body['data'], { deleteItem: { successful: true } });
  assert.equal(await edgeTitle(sim.url, id), null);
  assert.equal((await ssc.get(`/sitecore/api/ssc/item/${id}`)).status, 404);
  const again = await gql(sim.url, bearer, 'mutation($i: DeleteItemInput!) { deleteItem(input: $i) { successful } }', { i: { itemId: id } });
  assert.match(JSON.stringify(again.body['errors']), /was not found/);
  const read = await gql(sim.url, bearer, 'query($w: ItemQueryInput!) { item(where: $w) { name } }', { w: { itemId: id } });
  assert.deepEqual(read.body['data'], { item: null });
});

void test('tokens expire after expires_in seconds', async () => {
  const short = await startSitecoreSimulator({ items: 650, authoringTokenTtlSeconds: 1 });
  try {
    const bearer = await token(short.url);
    const query = '{ item(where: { path: "/sitecore/content/Home" }) { name } }';
    assert.deepEqual((await gql(short.url, bearer, query)).body['data'], { item: { name: 'Home' } });
    await sleep(1_100);
    assert.match(JSON.stringify((await gql(short.url, bearer, query)).body['errors']), /AUTH_NOT_AUTHENTICATED/);
  } finally {
    await short.close();
  }
});
