import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScanStore } from '../scan-store.ts';
import type { PageCommit } from '../scan-store-types.ts';
import { collect, item, items, runningScan, task, withStore } from './contract-fixtures.ts';
import type { StoreTestTarget } from './test-databases.ts';

/** Commits `pages` through the normal lease → commit path. */
async function crawl(store: ScanStore, scanId: string, pages: PageCommit[]): Promise<void> {
  await store.addRootTasks(scanId, pages.map((_, i) => task(`p${i}`)));
  const leased = await store.leaseTasks(scanId, 'w', pages.length, 60_000);
  for (const [i, p] of pages.entries()) {
    const t = leased[i];
    if (t) await store.commitPage(scanId, t.key, 'w', p);
  }
}

export function readsContract(target: StoreTestTarget): void {
  void test('items stream in keyset batches: every item once, in id order, with filters', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    const all = items(1, 1234);
    const pages = Array.from({ length: 13 }, (_, i) => ({ items: all.slice(i * 100, i * 100 + 100) }));
    pages.push({ items: [item(5, { language: 'de' }), item(7, { language: 'de', templateId: 'tpl-folder' })] });
    await crawl(store, scan.id, pages);
    const streamed = await collect(store.iterateItems(scan.id, { batchSize: 100 }));
    assert.equal(streamed.all.length, 1236);
    assert.equal(streamed.batches, 13);
    const keys = streamed.all.map((i) => `${i.id}/${i.language}`);
    assert.equal(new Set(keys).size, 1236);
    assert.deepEqual(keys, [...keys].sort());
    const german = await collect(store.iterateItems(scan.id, { language: 'de', batchSize: 1 }));
    assert.deepEqual(german.all.map((i) => i.id), [item(5).id, item(7).id]);
    const folders = await collect(store.iterateItems(scan.id, { templateId: 'tpl-folder' }));
    assert.deepEqual(folders.all.map((i) => [i.id, i.language]), [[item(7).id, 'de']]);
    const lean = await collect(store.iterateItems(scan.id, { withoutFields: true, batchSize: 5000 }));
    assert.equal(lean.batches, 1);
    assert.ok(lean.all.every((i) => Object.keys(i.fields).length === 0));
    assert.deepEqual((await collect(store.iterateItems('other-scan'))).all, []);
  }));

  void test('items are found by id and by path, paths case-insensitively', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await crawl(store, scan.id, [{ items: [item(1), item(2), item(1, { language: 'de' })] }]);
    assert.deepEqual((await store.getItems(scan.id, [item(1).id, item(1).id, 'missing'])).map((i) => i.language), ['de', 'en']);
    const byPath = await store.getItemsByPath(scan.id, ['/SITECORE/content/home/ITEM 2', '/nowhere']);
    assert.deepEqual(byPath.map((i) => i.id), [item(2).id]);
    assert.deepEqual(await store.getItems(scan.id, []), []);
  }));

  void test('references stream in batches; dangling ones are those whose target is not in the scan', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    const refs = Array.from({ length: 25 }, (_, i) => ({ sourceId: item(i).id, field: 'Link', kind: 'link', targetId: item(i + 1).id }));
    refs.push({ sourceId: item(0).id, field: 'Image', kind: 'media', targetId: 'missing-media' });
    const byPath = [
      { sourceId: item(1).id, field: 'Link', kind: 'link', targetPath: '/sitecore/content/home/item 3' },
      { sourceId: item(1).id, field: 'Link', kind: 'link', targetPath: '/sitecore/content/Gone' },
    ];
    await crawl(store, scan.id, [{ items: items(0, 20), references: [...refs, ...byPath, ...refs.slice(0, 1)] }]);
    const streamed = await collect(store.iterateReferences(scan.id, { batchSize: 4 }));
    assert.equal(streamed.all.length, 28);
    assert.equal(streamed.batches, 7);
    assert.equal(new Set(streamed.all.map((r) => JSON.stringify(r))).size, 28);
    const dangling = await collect(store.iterateDanglingReferences(scan.id, { batchSize: 2 }));
    assert.deepEqual(dangling.all.map((r) => r.targetId || r.targetPath).sort(), [
      '/sitecore/content/Gone', 'missing-media', ...[20, 21, 22, 23, 24, 25].map((n) => item(n).id),
    ].sort());
  }));

  void test('child counts stream per parent, counting an item once across languages', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    const kids = (parent: string, from: number, n: number) => Array.from({ length: n }, (_, i) => item(from + i, { parentId: parent }));
    await crawl(store, scan.id, [{ items: [...kids('p-a', 1, 3), ...kids('p-b', 10, 5), item(10, { parentId: 'p-b', language: 'de' }), item(99, { parentId: undefined })] }]);
    const counts = await collect(store.iterateChildCounts(scan.id, { batchSize: 1 }));
    assert.deepEqual(counts.all, [{ parentId: 'p-a', children: 3 }, { parentId: 'p-b', children: 5 }]);
  }));
}
