// sitecore-xp specifics against the Sitecore simulator over real HTTP: request costs, search totals, X-Ray crawl, session expiry.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import { createSitecoreXpClient } from './sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from './sitecore-xp-config.ts';
import { crawlAll, xpSimRig as rig, xrayOf, type XpSimRig as Rig } from './test-support/sim-rig.ts';

void describe('sitecore-xp against the simulator', () => {
  let r: Rig;
  before(async () => { r = await rig(); });
  after(async () => { await r.close(); });

  void test('health: reachable; the simulator serves no sitecore.version.xml, so the version is unknown', async () => {
    const health = await r.client.health();
    assert.equal(health.status, 'reachable');
    assert.equal(health.version, undefined);
    assert.match(health.message ?? '', /version unknown .*404/);
  });

  void test('paging a listing fetches the children once: later pages read the kept list, consistent while the folder changes', async () => {
    const home = '/sitecore/content/Home';
    const parent = r.sim.tree.getByPath(home);
    assert.ok(parent);
    const expected = r.sim.tree.children(parent, true).map((c) => c.id);
    const pageThrough = async (ref: { id: string } | { path: string }, beforePage2?: () => void): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await r.client.listContent({ parent: ref, limit: 4, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.id));
        if (seen.length === page.items.length) beforePage2?.();
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    r.sim.resetStats();
    assert.deepEqual(await pageThrough({ id: parent.id }), expected);
    assert.equal(r.sim.stats().childrenFetches[parent.id], 1, `${Math.ceil(expected.length / 4)} pages, one children request`);

    // By path: one lookup and one children request for all the pages.
    r.sim.resetStats();
    const model = r.sim.tree.get(expected[0] ?? '');
    assert.ok(model);
    const addedId = 'aaaaaaaa-0000-4000-8000-000000000001';
    const addMidway = (): void => {
      r.sim.tree.add({ id: addedId, name: 'Added While Paging', parentId: parent.id, templateId: model.templateId, shared: { ...model.shared }, langs: structuredClone(model.langs) });
    };
    assert.deepEqual(await pageThrough({ path: home }, addMidway), expected, 'the session reads the list it started with');
    assert.equal(r.sim.stats().total, 2);
    const fresh = await pageThrough({ path: home });
    assert.ok(fresh.includes(addedId), 'a new listing fetches again and sees the change');
    r.sim.tree.remove(r.sim.tree.get(addedId)!);

    // A cursor whose snapshot is gone (expired, or another process under --workers) fetches the list again.
    r.sim.resetStats();
    const page = await r.client.listContent({ parent: { id: parent.id }, limit: 4, cursor: 'o4.0123456789abcdef' });
    assert.deepEqual(page.items.map((i) => i.id), expected.slice(4, 8));
    assert.equal(r.sim.stats().childrenFetches[parent.id], 1);

    await assert.rejects(r.client.listContent({ parent: { id: parent.id }, cursor: 'p1' }), { code: 'TOOL_CURSOR_INVALID' });
    const projected = await r.client.listContent({ parent: { id: parent.id }, limit: 2, fields: ['Title'] });
    assert.ok(projected.items.every((i) => Object.keys(i.fields).join() === 'Title' && i.name && i.parentId === parent.id));
    await assert.rejects(r.client.listContent({ parent: { id: '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6' } }), { code: 'ADP_NOT_FOUND' });
  });

  void test('search: TotalCount includes unreadable items, paging asks exactly TotalPage pages', async () => {
    const search = r.client.search;
    assert.ok(search);
    const hits = [...r.sim.tree.items.values()].filter((i) => i.langs['en'] && i.name.toLowerCase().includes('press'));
    const hidden = hits[0];
    assert.ok(hidden && hits.length > 6);
    hidden.readable = false;
    try {
      r.sim.resetStats();
      const seen: string[] = [];
      let cursor: string | undefined;
      let total: number | undefined;
      do {
        const page = await search.search({ text: 'press', limit: 4, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.id));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(total, hits.length);
      assert.equal(seen.length, hits.length - 1);
      assert.equal(seen.includes(hidden.id), false);
      assert.equal(r.sim.stats().byRoute['search'], Math.ceil(hits.length / 4));
    } finally {
      hidden.readable = true;
    }
    const byType = await search.search({ type: 'Sample Item', under: { path: '/sitecore/content' }, limit: 50 });
    assert.ok(byType.items.length > 0 && byType.items.every((i) => i.type.name === 'Sample Item' && i.path?.startsWith('/sitecore/content/')));
    await assert.rejects(search.search({}), { code: 'TOOL_INVALID_ARGS' });
  });

  void test('X-Ray crawls every readable item once, in pages, with deterministic keys and all raw fields but empty standard ones', async () => {
    const source = xrayOf(r.client);
    assert.equal(source.supportedCategories.length, 13);
    r.sim.resetStats();
    const first = await crawlAll(source, '/sitecore');
    const fetches = Object.values(r.sim.stats().childrenFetches);
    assert.ok(fetches.length > 0 && fetches.every((n) => n === 1), 'each parent\'s children are fetched once; its later pages come from that answer');
    assert.equal(first.requests, 1 + fetches.length, 'the root item, then one request per parent; cached pages cost none');
    const expected = [...r.sim.tree.items.values()].filter((i) => i.readable && r.sim.tree.ancestorsOf(i).every((a) => a.readable)).map((i) => i.id);
    const ids = first.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'an item was yielded twice');
    assert.deepEqual([...ids].sort(), [...expected].sort());
    assert.ok(first.keys.some((k) => /^children:.*:50$/.test(k)), 'a big parent was split into pages');
    const again = await crawlAll(source, '/sitecore');
    assert.deepEqual(again.keys, first.keys);
    const home = first.items.find((i) => i.path === '/sitecore/content/Home');
    assert.ok(home);
    assert.ok('__Updated' in home.fields && '__Created' in home.fields);
    assert.deepEqual(first.items.flatMap((i) => Object.entries(i.fields).filter(([k, v]) => k.startsWith('__') && v === '')), [], 'empty standard fields are dropped');
    for (const field of ['__Security', '__Renderings', '__Final Renderings', '__Workflow state']) {
      assert.ok(first.items.some((i) => (i.fields[field] ?? '') !== ''), `some item carries ${field}`);
    }
    assert.match(home.updatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
  });

  void test('X-Ray: a replayed task gives the same page; depth counts from the root; fetchFull and bad roots', async () => {
    const source = xrayOf(r.client);
    const [root] = await source.rootTasks('/sitecore/content');
    assert.ok(root);
    assert.equal(root.depth, 0);
    const rootPage = await source.crawl(root);
    const childTask = rootPage.next[0];
    assert.ok(childTask);
    assert.equal(childTask.depth, 1);
    const once = await source.crawl(childTask);
    const twice = await source.crawl(childTask);
    assert.deepEqual(twice, once);
    assert.ok(once.next.every((t) => t.depth === 2 || (t.depth === 1 && t.key.startsWith(`children:${childTask.cursor.split(':')[1]}:`))));
    const full = await source.fetchFull?.([once.items[0]?.id ?? '', '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6']);
    assert.equal(full?.length, 1);
    await assert.rejects(source.rootTasks('/sitecore/nowhere'), { code: 'ADP_NOT_FOUND' });
    await assert.rejects(source.rootTasks('4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6'), { code: 'ADP_NOT_FOUND' });
    await assert.rejects(source.crawl({ key: 'x', cursor: 'page:7', depth: 0 }), { code: 'TOOL_CURSOR_INVALID' });
  });

  void test('X-Ray: a later page of a big parent whose children are not cached is fetched, and the pages after it are not', async () => {
    const source = xrayOf(r.client);
    const big = [...r.sim.tree.items.values()].find((i) => r.sim.tree.children(i, true).length > 100 && r.sim.tree.ancestorsOf(i).every((a) => a.readable));
    assert.ok(big, 'the simulated tree has a parent with more than two pages of children');
    const children = r.sim.tree.children(big, true).map((c) => c.id);
    r.sim.resetStats();
    // What a worker that did not crawl the first page (another process, or this one after a restart) starts from.
    const second = await source.crawl({ key: `children:${big.id}:50`, cursor: `children:${big.id}:50`, depth: 3 });
    const third = await source.crawl({ key: `children:${big.id}:100`, cursor: `children:${big.id}:100`, depth: 3 });
    assert.deepEqual(second.items.map((i) => i.id), children.slice(50, 100));
    assert.deepEqual(third.items.map((i) => i.id), children.slice(100, 150));
    assert.deepEqual([second.requests, third.requests], [1, 0]);
    assert.equal(r.sim.stats().childrenFetches[big.id], 1);
  });

  void test('writes by template name and parent id; update by path; system fields on request', async () => {
    const write = r.client.write;
    assert.ok(write);
    const created = await write.create({ parent: { id: '110d559f-dea5-42ea-9c1c-8a5df7e70ef9' }, name: 'Made By Test', type: 'Sample Item', fields: { Title: 'One' } });
    assert.equal(created.path, '/sitecore/content/Home/Made By Test');
    const updated = await write.update({ ref: { path: '/sitecore/content/Home/Made By Test' }, fields: { Text: '<p>two</p>' } });
    assert.equal(updated.fields['Text'], '<p>two</p>');
    const withSystem = await r.client.getContent({ id: created.id }, { includeSystemFields: true });
    assert.ok(withSystem?.createdAt && withSystem.updatedAt);
    await assert.rejects(write.create({ parent: { path: '/sitecore/content/Home' }, name: 'x', type: 'No Such Template', fields: {} }), { code: 'ADP_NOT_FOUND' });
    await write.delete({ path: '/sitecore/content/Home/Made By Test' });
    assert.equal(await r.client.getContent({ id: created.id }), null);
  });
});

void test('an expired session is renewed by one new login (.ASPXAUTH instance)', async () => {
  const r = await rig({ sessionTtlMs: 150, cookieName: '.ASPXAUTH' });
  try {
    assert.equal((await r.client.getContent({ path: '/sitecore/content/Home' }))?.name, 'Home');
    await sleep(200);
    assert.equal((await r.client.getContent({ path: '/sitecore/content/Home' }))?.name, 'Home');
    assert.equal(r.sim.stats().byRoute['login'], 2);
  } finally { await r.close(); }
});

void test('wrong credentials against the simulator: ADP_AUTH_FAILED from health and reads', async () => {
  const r = await rig({ credentials: { domain: 'sitecore', username: 'admin', password: 'right-one' } });
  try {
    const wrong = createSitecoreXpClient(sitecoreXpConfigSchema.parse({ url: r.sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'wrong-one' } }), r.testKit.kit);
    const error = await wrong.getContent({ path: '/sitecore/content/Home' }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ConduitError && error.code === 'ADP_AUTH_FAILED');
    assert.equal((await wrong.health()).status, 'auth_failed');
    assert.equal(JSON.stringify(error.toJSON()).includes('wrong-one'), false);
  } finally { await r.close(); }
});
