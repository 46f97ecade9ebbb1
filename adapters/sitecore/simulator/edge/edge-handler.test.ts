import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { startEdgeTestServer, type EdgeTestServer } from './edge-test-server.ts';
import { edgeFixtureSource, FIXTURE, gid } from './test-support/edge-fixture-source.ts';

const KEY = '{A6868D65-D612-401F-A40A-CD5BA0857B81}';
const hex = (id: string): string => id.replace(/-/g, '').toUpperCase();

const envelope = z.object({ data: z.record(z.string(), z.unknown()).nullish(), errors: z.array(z.object({ message: z.string() }).loose()).optional() });

async function gql(server: EdgeTestServer, query: string, variables: Record<string, unknown> = {}, path = '/api/graphql/v1', headers: Record<string, string> = { sc_apikey: KEY }): Promise<{ status: number; headers: Headers; body: z.infer<typeof envelope> }> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, headers: res.headers, body: envelope.parse(await res.json()) };
}

/** Reads a nested value by path for assertions on loosely typed GraphQL data. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

const ITEM_QUERY = `query Item($path: String!, $language: String!) {
  item(path: $path, language: $language) {
    id name displayName path version hasChildren
    template { id name }
    url { path url siteName }
    language { name }
    fields(ownFields: false) { name value }
    updated: field(name: "__Updated") { value }
    title: field(name: "Title") { value }
  }
}`;

void describe('Edge GraphQL simulator', () => {
  let server: EdgeTestServer;
  before(async () => {
    server = await startEdgeTestServer({ source: edgeFixtureSource(), apiKeys: [KEY], contextIds: ['ctx-123'], rateLimitPerSecond: 0 });
  });
  after(async () => { await server.close(); });

  void test('item by path: N-format id, metadata, no standard fields', async () => {
    const { status, body } = await gql(server, ITEM_QUERY, { path: '/sitecore/content/Home', language: 'en' });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
    const item = at(body.data, 'item');
    assert.equal(at(item, 'id'), hex(FIXTURE.home));
    assert.equal(at(item, 'version'), 2);
    assert.equal(at(item, 'template', 'name'), 'Sample Item');
    assert.equal(at(item, 'url', 'path'), '/');
    assert.equal(at(item, 'url', 'siteName'), 'website');
    assert.equal(at(item, 'updated'), null);
    assert.equal(at(item, 'title', 'value'), 'Welcome');
    const names = z.array(z.object({ name: z.string() })).parse(at(item, 'fields')).map((f) => f.name);
    assert.deepEqual(names.sort(), ['Text', 'Title']);
  });

  void test('item(path:) accepts an id in any spelling', async () => {
    for (const spelling of [hex(FIXTURE.about).toLowerCase(), `{${FIXTURE.about.toUpperCase()}}`, FIXTURE.about]) {
      const { body } = await gql(server, 'query($p: String!) { item(path: $p, language: "en") { name id(format: "D") } }', { p: spelling });
      assert.equal(at(body.data, 'item', 'name'), 'About Us');
      assert.equal(at(body.data, 'item', 'id'), FIXTURE.about.toUpperCase());
    }
  });

  void test('children page with total, base64 offset cursors and default first of 10', async () => {
    const q = `query($p: String!, $after: String) { item(path: $p, language: "en") {
      children(after: $after) { total pageInfo { endCursor hasNext } results { name } } } }`;
    const seen: string[] = [];
    let cursor: string | null = null;
    const cursors: string[] = [];
    for (let page = 0; page < 5; page++) {
      const { body } = await gql(server, q, { p: '/sitecore/content/Home/News', after: cursor });
      const children = at(body.data, 'item', 'children');
      assert.equal(at(children, 'total'), 25);
      seen.push(...z.array(z.object({ name: z.string() })).parse(at(children, 'results')).map((r) => r.name));
      cursor = z.string().parse(at(children, 'pageInfo', 'endCursor'));
      cursors.push(cursor);
      if (at(children, 'pageInfo', 'hasNext') === false) break;
    }
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
    assert.deepEqual(cursors, ['MTA=', 'MjA=', 'MjU=']);
  });

  void test('first above 1000 is a field error on HTTP 200 with partial data', async () => {
    const { status, body } = await gql(server, `query($p: String!) {
      ok: item(path: $p, language: "en") { name }
      bad: item(path: $p, language: "en") { children(first: 1001) { total } } }`, { p: '/sitecore/content/Home' });
    assert.equal(status, 200);
    assert.equal(body.errors?.[0]?.message, "The 'first' value should not be greater than 1000");
    assert.equal(at(body.data, 'ok', 'name'), 'Home');
    assert.equal(at(body.data, 'bad'), null);
  });

  void test('children nested in children is rejected before execution', async () => {
    const { status, body } = await gql(server, `query { item(path: "/sitecore/content/Home", language: "en") {
      children(first: 5) { results { ...Kids } } } }
      fragment Kids on Item { children(first: 5) { total } }`);
    assert.equal(status, 200);
    assert.equal(body.data, undefined);
    assert.match(body.errors?.[0]?.message ?? '', /too complex/);
  });

  void test('more than 1000 entities per query is rejected', async () => {
    const { body } = await gql(server, `query { a: search(where: { name: "_language", value: "en" }, first: 1000) { total }
      b: item(path: "/sitecore/content/Home", language: "en") { children(first: 10) { total } } }`);
    assert.equal(body.data, undefined);
    assert.match(body.errors?.[0]?.message ?? '', /1000 entities/);
  });

  void test('search over _path, _templates and _language with paging', async () => {
    const q = `query($where: ItemSearchPredicateInput!, $first: Int, $after: String) {
      search(where: $where, first: $first, after: $after) { total pageInfo { endCursor hasNext } results { name } } }`;
    const where = { AND: [
      { name: '_path', value: hex(FIXTURE.home).toLowerCase(), operator: 'CONTAINS' },
      { name: '_templates', value: FIXTURE.seoTemplate, operator: 'CONTAINS' },
      { name: '_language', value: 'en', operator: 'EQ' },
    ] };
    const first = await gql(server, q, { where, first: 20 });
    assert.equal(at(first.body.data, 'search', 'total'), 25);
    assert.equal(at(first.body.data, 'search', 'pageInfo', 'hasNext'), true);
    const second = await gql(server, q, { where, first: 20, after: at(first.body.data, 'search', 'pageInfo', 'endCursor') });
    assert.equal(z.array(z.unknown()).parse(at(second.body.data, 'search', 'results')).length, 5);
    assert.equal(at(second.body.data, 'search', 'pageInfo', 'hasNext'), false);
  });

  void test('search on a custom field name starting with _ is an error', async () => {
    const { status, body } = await gql(server, 'query { search(where: { name: "_secret", value: "x" }) { total } }');
    assert.equal(status, 200);
    assert.match(body.errors?.[0]?.message ?? '', /NotSupportedFieldException/);
    assert.equal(at(body.data, 'search'), null);
  });

  void test('never-published items, templates and layout items are not on Edge', async () => {
    for (const path of ['/sitecore/content/Home/Hidden', '/sitecore/content/Home/Hidden/Hidden Child', '/sitecore/templates', FIXTURE.sampleTemplate, FIXTURE.heroRendering]) {
      const { body } = await gql(server, 'query($p: String!) { item(path: $p, language: "en") { id } }', { p: path });
      assert.equal(at(body.data, 'item'), null, path);
    }
    const { body } = await gql(server, 'query { item(path: "/sitecore/content/Home", language: "en") { children(first: 100) { results { name } } } }');
    const names = z.array(z.object({ name: z.string() })).parse(at(body.data, 'item', 'children', 'results')).map((r) => r.name);
    assert.deepEqual(names, ['About Us', 'News']);
  });

  void test('languages: versions per language, null when the language has no version', async () => {
    const da = await gql(server, ITEM_QUERY, { path: '/sitecore/content/Home', language: 'da' });
    assert.equal(at(da.body.data, 'item', 'displayName'), 'Hjem');
    const missing = await gql(server, ITEM_QUERY, { path: '/sitecore/content/Home/About Us', language: 'da' });
    assert.equal(at(missing.body.data, 'item'), null);
  });

  void test('ownFields excludes inherited fields; typed jsonValue for multilist and image', async () => {
    const q = `query($p: String!) { item(path: $p, language: "en") {
      own: fields(ownFields: true) { name }
      all: fields { name }
      related: field(name: "Related") { jsonValue ... on MultilistField { count targetItems { name } } }
      image: field(name: "Image") { jsonValue ... on ImageField { alt src } } } }`;
    const { body } = await gql(server, q, { p: '/sitecore/content/Home/News/Article 01' });
    const names = (key: string): string[] => z.array(z.object({ name: z.string() })).parse(at(body.data, 'item', key)).map((f) => f.name);
    assert.ok(!names('own').includes('Meta Title'));
    assert.ok(names('all').includes('Meta Title'));
    assert.equal(at(body.data, 'item', 'related', 'count'), 1);
    assert.equal(at(body.data, 'item', 'related', 'jsonValue', 0, 'id'), FIXTURE.about);
    assert.equal(at(body.data, 'item', 'image', 'alt'), 'Hero');
    assert.equal(at(body.data, 'item', 'image', 'src'), 'http://localhost/-/media/images/hero.jpg');
  });

  void test('layout(site, routePath) returns rendered Layout Service JSON with datasources', async () => {
    const q = 'query($r: String!) { layout(site: "website", routePath: $r, language: "en") { item { name rendered } } }';
    const home = await gql(server, q, { r: '/' });
    const main = at(home.body.data, 'layout', 'item', 'rendered', 'sitecore', 'route', 'placeholders', 'headless-main', 0);
    assert.equal(at(main, 'componentName'), 'Hero');
    assert.equal(at(main, 'dataSource'), `{${FIXTURE.about.toUpperCase()}}`);
    const about = await gql(server, q, { r: '/about-us' });
    assert.equal(at(about.body.data, 'layout', 'item', 'name'), 'About Us');
    assert.deepEqual(at(about.body.data, 'layout', 'item', 'rendered'), {});
    const missing = await gql(server, q, { r: '/no-such-page' });
    assert.equal(at(missing.body.data, 'layout', 'item'), null);
  });

  void test('syntax and validation errors are HTTP 200 with errors[]; malformed JSON is 400', async () => {
    const syntax = await gql(server, 'query { item(path: "/x" language: "en") { name ');
    assert.equal(syntax.status, 200);
    assert.match(syntax.body.errors?.[0]?.message ?? '', /Syntax Error/);
    const invalid = await gql(server, 'query { item(path: "/sitecore/content/Home", language: "en") { created } }');
    assert.equal(invalid.status, 200);
    assert.match(invalid.body.errors?.[0]?.message ?? '', /Cannot query field "created"/);
    const res = await fetch(`${server.url}/api/graphql/v1`, { method: 'POST', headers: { sc_apikey: KEY }, body: '{not json', signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 400);
    await res.arrayBuffer();
  });

  void test('sc_apikey: 401 without, 403 with an unknown key; preview path and context id endpoint', async () => {
    const q = 'query { item(path: "/sitecore/content/Home", language: "en") { name } }';
    assert.equal((await gql(server, q, {}, '/api/graphql/v1', {})).status, 401);
    assert.equal((await gql(server, q, {}, '/api/graphql/v1', { sc_apikey: gid(999) })).status, 403);
    const preview = await gql(server, q, {}, '/sitecore/api/graph/edge', { sc_apikey: 'a6868d65d612401fa40acd5ba0857b81' });
    assert.equal(at(preview.body.data, 'item', 'name'), 'Home');
    const ctx = await gql(server, q, {}, '/v1/content/api/graphql/v1?sitecoreContextId=ctx-123', {});
    assert.equal(at(ctx.body.data, 'item', 'name'), 'Home');
    assert.equal((await gql(server, q, {}, '/v1/content/api/graphql/v1?sitecoreContextId=nope', {})).status, 403);
  });
});

void describe('Edge rate limit', () => {
  void test('429 with X-Rate-Limit headers once the per-second budget is spent, then a new window', async () => {
    let now = 5_000;
    const server = await startEdgeTestServer({ source: edgeFixtureSource(), apiKeys: [KEY], rateLimitPerSecond: 3, now: () => now });
    try {
      const q = 'query { item(path: "/sitecore/content/Home", language: "en") { name } }';
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await gql(server, q);
        assert.equal(r.status, 200);
        remaining.push(r.headers.get('x-rate-limit-remaining') ?? '');
      }
      assert.deepEqual(remaining, ['2', '1', '0']);
      const limited = await gql(server, q);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('x-rate-limit-limit'), '3');
      assert.equal(limited.headers.get('x-rate-limit-remaining'), '0');
      assert.equal(limited.headers.get('x-rate-limit-reset'), '1');
      assert.equal(limited.headers.get('retry-after'), null);
      now += 1000;
      assert.equal((await gql(server, q)).status, 200);
    } finally {
      await server.close();
    }
  });
});
