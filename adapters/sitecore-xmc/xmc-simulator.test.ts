import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrawlTask, XraySource } from '../../src/adapter-kit/index.ts';
import type { SimItem, SimTree } from '../sitecore/simulator/sitecore-simulator.ts';
import { startXmcSimulatorHarness, type XmcSimulatorHarness } from './test-support/xmc-simulator-harness.ts';

/** Published in "en" as Edge would hold it, computed from the tree directly (not through the Edge code). */
function expectedPublished(tree: SimTree, rootPath: string): Set<string> {
  const out = new Set<string>();
  const root = tree.getByPath(rootPath);
  const visit = (item: SimItem): void => {
    if (item.langs['en'] === undefined || tree.fieldValue(item, '__Never publish', 'en') === '1') return;
    out.add(item.id);
    for (const child of tree.children(item)) visit(child);
  };
  if (root) visit(root);
  return out;
}

async function crawlAll(source: XraySource, root: string): Promise<{ ids: string[]; keys: Set<string>; requests: number; fields: number }> {
  const queue: CrawlTask[] = await source.rootTasks(root);
  const ids: string[] = [];
  const keys = new Set<string>();
  let requests = 1;
  let fields = 0;
  for (let task = queue.shift(); task; task = queue.shift()) {
    assert.ok(!keys.has(task.key), `task ${task.key} queued twice`);
    keys.add(task.key);
    const page = await source.crawl(task);
    requests += page.requests;
    for (const item of page.items) {
      ids.push(item.id);
      fields += Object.keys(item.fields).length;
      assert.ok(Object.keys(item.fields).every((f) => !f.startsWith('__')), `${item.path} has a standard field`);
    }
    queue.push(...page.next);
  }
  return { ids, keys, requests, fields };
}

void describe('sitecore-xmc X-Ray over the generated 2,000-item instance', () => {
  let h: XmcSimulatorHarness;
  before(async () => { h = await startXmcSimulatorHarness(); });
  after(async () => { await h.close(); });

  void test('the crawl reads every published content item once, within Edge\'s 80 req/s', async (t) => {
    const xray = h.client.xray;
    assert.ok(xray);
    h.sim.resetStats();
    const started = performance.now();
    const crawl = await crawlAll(xray, '/sitecore/content');
    const ms = performance.now() - started;
    const expected = expectedPublished(h.sim.tree, '/sitecore/content');
    assert.equal(crawl.ids.length, expected.size, 'every published item, once');
    assert.deepEqual(new Set(crawl.ids), expected);
    const served = h.sim.stats().byRoute['edge-graphql'] ?? 0;
    assert.equal(served, crawl.requests, 'no request was retried: the client stayed under the 80 req/s limit (no 429)');
    const refetched = Object.entries(h.sim.stats().childrenFetches).filter(([, n]) => n > 50);
    assert.deepEqual(refetched, []);
    t.diagnostic(`crawled ${crawl.ids.length} items (${crawl.fields} field values) in ${crawl.requests} Edge requests, ${Math.round(ms)} ms, ${(crawl.requests / (ms / 1000)).toFixed(1)} req/s`);
  });

  void test('the media library crawls too, and media items carry size and MIME type', async () => {
    const xray = h.client.xray;
    const media = h.client.media;
    assert.ok(xray && media);
    const crawl = await crawlAll(xray, '/sitecore/media library');
    assert.equal(crawl.ids.length, expectedPublished(h.sim.tree, '/sitecore/media library').size);
    const jpeg = h.sim.tree.getByPath('/sitecore/media library/Project/Acme/Images/Products/Set 01/products-0001');
    assert.ok(jpeg);
    const item = await media.getMedia({ id: jpeg.id });
    assert.equal(item?.mimeType, 'image/jpeg');
    assert.equal(item?.sizeBytes, Number(jpeg.shared['Size']));
    assert.match(item?.url ?? '', /\/-\/media\/project\/acme\/images\/products\/set-01\/products-0001\.jpg$/);
  });

  void test('layout of a generated page resolves through the site start item', async () => {
    const layout = await h.client.getLayout('/');
    assert.equal(layout?.path, '/sitecore/content/Home');
    assert.match(JSON.stringify(layout?.rendered), /"placeholders":\{"/);
  });

  void test('a scan rooted at an item published in more languages says it reads one; one published in en alone says nothing', async () => {
    const xray = h.client.xray;
    assert.ok(xray?.scopeNotes);
    const [note, ...more] = await xray.scopeNotes('/sitecore/content/Home');
    assert.equal(more.length, 0);
    assert.match(note ?? '', /^This scan reads en; its root is also published in de-DE\. An Experience Edge scan reads one language .*xrayLanguages: all/);
    const englishOnly = [...h.sim.tree.items.values()].find((i) => i.langs['en'] && !i.langs['de-DE'] && h.sim.tree.pathOf(i).startsWith('/sitecore/content/Home/'));
    assert.ok(englishOnly);
    assert.deepEqual(await xray.scopeNotes(h.sim.tree.pathOf(englishOnly)), []);
  });
});
