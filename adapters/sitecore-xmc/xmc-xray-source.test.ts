import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError, type CrawlTask, type XrayItem, type XraySource } from '../../src/adapter-kit/index.ts';
import { FIXTURE } from '../sitecore/simulator/edge/test-support/edge-fixture-source.ts';
import { startXmcHarness, type XmcHarness } from './test-support/xmc-harness.ts';
import { XMC_XRAY_CATEGORIES, XMC_XRAY_UNSUPPORTED } from './xmc-xray-source.ts';

interface Crawl { items: (XrayItem & { depth: number })[]; keys: string[]; requests: number }

/** Runs a scan the way the engine does: a queue of tasks, breadth-first. */
async function crawlAll(source: XraySource, root?: string): Promise<Crawl> {
  const queue: CrawlTask[] = await source.rootTasks(root);
  const out: Crawl = { items: [], keys: [], requests: 0 };
  while (queue.length > 0) {
    const task = queue.shift();
    if (!task) break;
    out.keys.push(task.key);
    const page = await source.crawl(task);
    out.requests += page.requests;
    out.items.push(...page.items.map((i) => ({ ...i, depth: task.depth })));
    queue.push(...page.next);
  }
  return out;
}

void describe('sitecore-xmc X-Ray source', () => {
  let h: XmcHarness;
  before(async () => { h = await startXmcHarness({ config: { pageSize: 10 } }); });
  after(async () => { await h.close(); });

  void test('categories: what Edge can see, and a reason for each one it cannot', () => {
    const xray = h.client.xray;
    assert.ok(xray);
    assert.deepEqual([...xray.supportedCategories].sort(), [...XMC_XRAY_CATEGORIES].sort());
    for (const missing of ['security', 'stale-content', 'unused-template', 'unused-rendering', 'orphan'] as const) {
      assert.ok(!xray.supportedCategories.includes(missing));
      assert.ok(XMC_XRAY_UNSUPPORTED[missing]);
    }
    assert.equal(XMC_XRAY_CATEGORIES.length + Object.keys(XMC_XRAY_UNSUPPORTED).length, 13);
  });

  void test('a scan visits every published item once, one tree level per query, with depths and parents', async () => {
    const xray = h.client.xray;
    assert.ok(xray);
    const crawl = await crawlAll(xray);
    const byName = new Map(crawl.items.map((i) => [i.name, i]));
    assert.equal(crawl.items.length, 1 + 1 + 2 + FIXTURE.articleCount, 'content, Home, About Us, News, 25 articles');
    assert.equal(new Set(crawl.items.map((i) => i.id)).size, crawl.items.length);
    assert.equal(new Set(crawl.keys).size, crawl.keys.length, 'task keys are unique');
    assert.equal(byName.get('content')?.depth, 0);
    assert.equal(byName.get('Home')?.depth, 1);
    assert.equal(byName.get('Article 25')?.depth, 3);
    assert.equal(byName.get('Article 25')?.parentId, FIXTURE.news);
    assert.ok(!byName.has('Hidden'), 'never-published items are not on Edge');
    assert.ok(crawl.items.every((i) => Object.keys(i.fields).every((f) => !f.startsWith('__'))));
    assert.equal(byName.get('Article 01')?.fields['Related'], `{${FIXTURE.about.toUpperCase()}}`);
    // root item + children of content, Home, News (3 pages of 10) = 6 requests
    assert.equal(crawl.requests, 6);
  });

  void test('replaying a task after a crash yields the same items and the same task keys', async () => {
    const xray = h.client.xray;
    assert.ok(xray);
    const [root] = await xray.rootTasks('/sitecore/content/Home/News');
    assert.ok(root);
    const first = await xray.crawl(root);
    const childrenTask = first.next[0];
    assert.ok(childrenTask);
    const a = await xray.crawl(childrenTask);
    const b = await xray.crawl(childrenTask);
    assert.deepEqual(b, a);
    assert.deepEqual(a.next.map((t) => t.key), [`children:${FIXTURE.news}@MTA=`]);
  });

  void test('a root that is not on Edge is ADP_NOT_FOUND; a foreign cursor is rejected', async () => {
    const xray = h.client.xray;
    assert.ok(xray);
    await assert.rejects(xray.rootTasks('/sitecore/templates'), /not on Experience Edge/);
    await assert.rejects(xray.crawl({ key: 'x', cursor: '{"k":"bogus"}', depth: 0 }), /did not write/);
  });

  void test('a scan of other languages than the adapter\'s is refused, not quietly scanned in one', async () => {
    const xray = h.client.xray;
    assert.ok(xray);
    for (const languages of ['all', ['de-DE'], ['en', 'de-DE']] as const) {
      await assert.rejects(xray.rootTasks(undefined, undefined, { languages: languages === 'all' ? languages : [...languages] }),
        (e: unknown) => e instanceof ConduitError && e.code === 'TOOL_INVALID_ARGS' && /scans one language, en/.test(e.message));
    }
    assert.equal((await xray.rootTasks(undefined, undefined, { languages: ['EN'] })).length, 1);
  });
});
