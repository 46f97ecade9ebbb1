import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capabilitiesOf, type ContentItem, type Page } from '../../src/adapter-kit/index.ts';
import { expectConduitError } from '../../src/http/test-support/expect-conduit-error.ts';
import { FIXTURE, gid } from '../sitecore/simulator/edge/test-support/edge-fixture-source.ts';
import { startXmcHarness, TEST_CONTEXT_ID, type XmcHarness } from './test-support/xmc-harness.ts';

async function collect(fetchPage: (cursor?: string) => Promise<Page<ContentItem>>): Promise<Page<ContentItem>[]> {
  const pages: Page<ContentItem>[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    assert.ok(pages.length < 50, 'paging did not stop');
  } while (cursor !== undefined);
  return pages;
}

void describe('sitecore-xmc client against the Edge simulator', () => {
  let h: XmcHarness;
  before(async () => { h = await startXmcHarness(); });
  after(async () => { await h.close(); });

  void test('the client is read-only: no write part, capabilities match the manifest', () => {
    assert.equal(h.client.write, undefined);
    assert.deepEqual(capabilitiesOf(h.client), ['read', 'search', 'media', 'xray']);
    assert.equal(h.client.hasPaths, true);
  });

  void test('health is reachable', async () => {
    const health = await h.client.health();
    assert.equal(health.ok, true, health.message);
    assert.equal(health.status, 'reachable');
    assert.equal(typeof health.latencyMs, 'number');
  });

  void test('getContent by path and by id (any spelling) return the same published item, without __ fields', async () => {
    const byPath = await h.client.getContent({ path: '/sitecore/content/Home' });
    const byId = await h.client.getContent({ id: FIXTURE.home.replace(/-/g, '').toUpperCase() });
    assert.ok(byPath && byId);
    assert.equal(byPath.id, FIXTURE.home);
    assert.equal(byId.id, FIXTURE.home);
    assert.equal(byPath.parentId, FIXTURE.content);
    assert.deepEqual(byPath.type, { id: '76036f5e-cbce-46d1-af0a-4143f9b557aa', name: 'Sample Item' });
    assert.deepEqual(Object.keys(byPath.fields).sort(), ['Text', 'Title']);
    assert.equal(byPath.url, 'http://www.example.test/');
    const danish = await h.client.getContent({ path: '/sitecore/content/Home' }, { locale: 'da' });
    assert.equal(danish?.fields['Title'], 'Velkommen');
  });

  void test('missing, never-published and template items are null', async () => {
    assert.equal(await h.client.getContent({ id: gid(999_999) }), null);
    assert.equal(await h.client.getContent({ path: '/sitecore/content/Home/Hidden' }), null);
    assert.equal(await h.client.getContent({ id: FIXTURE.sampleTemplate }), null);
  });

  void test('listContent pages through children with Edge cursors, each child once', async () => {
    const pages = await collect((cursor) => h.client.listContent({ parent: { id: FIXTURE.news }, limit: 10, ...(cursor ? { cursor } : {}) }));
    assert.deepEqual(pages.map((p) => p.items.length), [10, 10, 5]);
    const items = pages.flatMap((p) => p.items);
    assert.equal(new Set(items.map((i) => i.id)).size, 25);
    assert.ok(items.every((i) => i.parentId === FIXTURE.news));
    assert.ok(pages.every((p) => p.total === 25));
    const root = await h.client.listContent({});
    assert.deepEqual(root.items.map((i) => i.name), ['Home']);
  });

  void test('a limit above Edge\'s 1000 is clamped, never sent as first > 1000', async () => {
    const page = await h.client.listContent({ parent: { path: '/sitecore/content/Home/News' }, limit: 5000 });
    assert.equal(page.items.length, 25);
    assert.equal(page.nextCursor, undefined);
  });

  void test('listing a parent that is not on Edge is ADP_NOT_FOUND', async () => {
    await expectConduitError(h.client.listContent({ parent: { path: '/sitecore/templates' } }), 'ADP_NOT_FOUND');
  });

  void test('search: text over name and Title, by type name or id, within a scope, paged', async () => {
    const search = h.client.search;
    assert.ok(search);
    const pages = await collect((cursor) => search.search({ text: 'article', limit: 10, ...(cursor ? { cursor } : {}) }));
    assert.equal(pages.flatMap((p) => p.items).length, 25);
    assert.equal(pages[0]?.total, 25);
    const byTypeName = await search.search({ type: 'Article', limit: 100 });
    assert.equal(byTypeName.items.length, 25);
    const byBaseTypeId = await search.search({ type: FIXTURE.seoTemplate, limit: 100 });
    assert.equal(byBaseTypeId.items.length, 25, '_templates includes base templates');
    const scoped = await search.search({ text: 'about', under: { path: '/sitecore/content/Home' } });
    assert.deepEqual(scoped.items.map((i) => i.name), ['About Us']);
    assert.deepEqual(await search.search({ type: 'No Such Template' }), { items: [], total: 0 });
  });

  void test('types are derived from the items Edge holds; a type has its fields', async () => {
    const all = await h.client.listTypes({ limit: 100 });
    assert.deepEqual(all.items.map((t) => t.name), ['Article', 'Folder', 'Main section', 'Sample Item']);
    const firstPage = await h.client.listTypes({ limit: 2 });
    assert.equal(firstPage.nextCursor, '2');
    const article = await h.client.getType('article');
    assert.ok(article);
    assert.deepEqual(article.fields.map((f) => f.name), ['Title', 'Body', 'Related', 'Image', 'Meta Title']);
    assert.deepEqual(article.baseTypes, [FIXTURE.seoTemplate]);
    const seo = await h.client.getType(FIXTURE.seoTemplate);
    assert.equal(seo?.name, '_Seo', 'a base template is found through the items that inherit it');
    assert.equal(await h.client.getType('conduit-no-such-type'), null);
  });

  void test('media: list the media library, read one media item, missing is null', async () => {
    const media = h.client.media;
    assert.ok(media);
    const folders = await media.listMedia({});
    assert.deepEqual(folders.items.map((m) => m.name), ['Images']);
    const hero = await media.getMedia({ id: FIXTURE.hero });
    assert.deepEqual(hero && { url: hero.url, mimeType: hero.mimeType, sizeBytes: hero.sizeBytes, alt: hero.alt, width: hero.width },
      { url: 'http://localhost/-/media/images/hero.jpg', mimeType: 'image/jpeg', sizeBytes: 345678, alt: 'Hero image', width: 1600 });
    assert.equal(await media.getMedia({ id: gid(424242) }), null);
  });

  void test('layout(site, routePath) returns the rendered route; an unknown route is null', async () => {
    const layout = await h.client.getLayout('/');
    assert.equal(layout?.itemId, FIXTURE.home);
    assert.match(JSON.stringify(layout?.rendered), /"componentName":"Hero"/);
    assert.equal(await h.client.getLayout('/nowhere'), null);
  });
});

void describe('sitecore-xmc credentials and endpoints', () => {
  void test('a context id is sent to the Edge Platform endpoint', async () => {
    const h = await startXmcHarness({ config: { credentials: { contextId: TEST_CONTEXT_ID } } });
    try {
      assert.equal((await h.client.getContent({ path: '/sitecore/content/Home' }))?.name, 'Home');
    } finally { await h.close(); }
  });

  void test('the CM preview endpoint works with an API key item id', async () => {
    const h = await startXmcHarness({ config: { endpoint: '/sitecore/api/graph/edge' } });
    try {
      assert.equal((await h.client.getContent({ path: '/sitecore/content/Home' }))?.name, 'Home');
    } finally { await h.close(); }
  });

  void test('a rejected key is ADP_AUTH_FAILED naming the credential key; health says auth_failed', async () => {
    const h = await startXmcHarness();
    try {
      h.setAcceptedKeys(['some-other-key']);
      const error = await expectConduitError(h.client.getContent({ path: '/sitecore/content/Home' }), 'ADP_AUTH_FAILED');
      assert.match(error.hint, /adapters\.xmc\.credentials\.apiKey/);
      assert.doesNotMatch(error.message + error.hint, /A6868D65/i, 'the key is never echoed');
      const health = await h.client.health();
      assert.deepEqual([health.ok, health.status], [false, 'auth_failed']);
    } finally { await h.close(); }
  });

  void test('a wrong context id names credentials.contextId', async () => {
    const h = await startXmcHarness({ config: { credentials: { contextId: 'wrong' } } });
    try {
      const error = await expectConduitError(h.client.getContent({ path: '/sitecore/content/Home' }), 'ADP_AUTH_FAILED');
      assert.match(error.hint, /credentials\.contextId/);
    } finally { await h.close(); }
  });
});
