import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../../core/conduit-error.ts';
import type { PageCommit } from '../scan-store-types.ts';
import { collect, item, items, runningScan, task, tasks, withStore } from './contract-fixtures.ts';
import type { StoreTestTarget } from './test-databases.ts';

function page(from: number): PageCommit {
  return {
    items: items(from, 10),
    references: [
      { sourceId: item(from).id, sourceLanguage: 'en', field: 'Body', kind: 'link', targetId: item(from + 1).id },
      { sourceId: item(from).id, sourceLanguage: 'en', field: 'Body', kind: 'link', targetPath: '/sitecore/content/Missing' },
    ],
    nextTasks: [task('child-a', 1), task('child-b', 1)],
    requests: 3,
  };
}

export function commitPageContract(target: StoreTestTarget): void {
  void test('a committed page stores items, references and new tasks, marks the task done and moves the checkpoint', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'w1', 1, 60_000);
    clock.advance(500);
    const result = await store.commitPage(scan.id, 'root', 'w1', page(1));
    assert.deepEqual(result, { outcome: 'committed', newTasks: 2 });
    assert.deepEqual(await store.counts(scan.id), { items: 10, references: 2, findings: 0, tasks: { pending: 2, leased: 0, done: 1, failed: 0, total: 3 } });
    const after = await store.getScan(scan.id);
    assert.deepEqual(
      { pages: after?.pagesCommitted, items: after?.itemsCrawled, refs: after?.referencesCrawled, requests: after?.requests, checkpoint: after?.lastCommitAt },
      { pages: 1, items: 10, refs: 2, requests: 3, checkpoint: clock.now() },
    );
    const [stored] = await store.getItems(scan.id, [item(3).id]);
    assert.deepEqual(stored, {
      id: item(3).id, language: 'en', version: 1, parentId: item(3).parentId, path: item(3).path, name: 'Item 3', templateId: 'tpl-page',
      templateName: 'Page', createdAt: Date.parse('2025-01-02T03:04:05.000Z'), updatedAt: Date.parse('2026-01-02T03:04:05.000Z'),
      depth: 0, hasChildren: true, fields: { Title: 'Title 3', Body: '<p>Body of item 3</p>' },
    });
    const children = await store.leaseTasks(scan.id, 'w1', 5, 60_000);
    assert.deepEqual(children.map((t) => [t.key, t.depth]), [['child-a', 1], ['child-b', 1]]);
    await store.commitPage(scan.id, 'child-a', 'w1', { items: [item(100, { path: '/x' })] });
    assert.equal((await store.getItems(scan.id, [item(100).id]))[0]?.depth, 1, 'items take the depth of the task that found them');
  }));

  void test('replaying a committed page changes nothing', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'w1', 1, 60_000);
    await store.commitPage(scan.id, 'root', 'w1', page(1));
    const before = { scan: await store.getScan(scan.id), counts: await store.counts(scan.id), items: await collect(store.iterateItems(scan.id)) };
    const replay = await store.commitPage(scan.id, 'root', 'w1', { ...page(1), items: items(1, 12), requests: 99 });
    assert.deepEqual(replay, { outcome: 'duplicate', newTasks: 0 });
    assert.deepEqual({ scan: await store.getScan(scan.id), counts: await store.counts(scan.id), items: await collect(store.iterateItems(scan.id)) }, before);
  }));

  void test('a worker whose lease expired may still commit first; the new owner\'s commit is then a no-op', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'slow', 1, 1_000);
    clock.advance(2_000);
    assert.equal((await store.leaseTasks(scan.id, 'fast', 1, 60_000)).length, 1);
    assert.deepEqual(await store.commitPage(scan.id, 'root', 'slow', page(1)), { outcome: 'committed', newTasks: 2, leaseLost: true });
    assert.deepEqual(await store.commitPage(scan.id, 'root', 'fast', page(1)), { outcome: 'duplicate', newTasks: 0 });
    assert.deepEqual(await store.heartbeat(scan.id, 'fast', ['root'], 60_000), [], 'the task is done, nothing to renew');
    assert.equal((await store.getScan(scan.id))?.pagesCommitted, 1);
    assert.equal((await store.counts(scan.id)).tasks.total, 3, 'spawned tasks inserted once');
  }));

  void test('a commit that cannot finish leaves nothing behind: page, tasks and checkpoint roll back together', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'w1', 1, 60_000);
    await store.cancelScan(scan.id);
    // The scan check comes last in the transaction, after items, references and tasks were written.
    const result = await store.commitPage(scan.id, 'root', 'w1', page(1));
    assert.equal(result.outcome, 'rejected');
    assert.deepEqual(await store.counts(scan.id), { items: 0, references: 0, findings: 0, tasks: { pending: 0, leased: 1, done: 0, failed: 0, total: 1 } });
    assert.equal((await store.getScan(scan.id))?.pagesCommitted, 0);
  }));

  void test('a failed or unknown task is rejected, and a reference without target is refused before anything is written', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'w1', 1, 60_000);
    await store.failTask(scan.id, 'root', 'w1', { code: 'ADP_NOT_FOUND', message: 'gone' }, { maxAttempts: 1 });
    assert.deepEqual(await store.commitPage(scan.id, 'root', 'w1', page(1)), { outcome: 'rejected', newTasks: 0, reason: 'the task is failed' });
    assert.equal((await store.commitPage(scan.id, 'nope', 'w1', page(1))).outcome, 'rejected');
    await assert.rejects(
      store.commitPage(scan.id, 'root', 'w1', { items: [], references: [{ sourceId: 's', field: 'f', kind: 'link' }] }),
      (e: unknown) => hasCode(e, 'INTERNAL'),
    );
    assert.equal((await store.counts(scan.id)).items, 0);
  }));

  void test('items upsert: a later page carrying the same item and language updates it; languages are separate rows', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 2));
    await store.leaseTasks(scan.id, 'w', 2, 60_000);
    await store.commitPage(scan.id, 't00000', 'w', { items: [item(1), item(1, { language: 'de', name: 'Artikel 1' }), item(2)] });
    // Items, not rows: item 1 in two languages is one item.
    assert.equal((await store.getScan(scan.id))?.itemsCrawled, 2);
    await store.commitPage(scan.id, 't00001', 'w', { items: [item(1, { name: 'Renamed', fields: { Title: 'New' }, version: 2 }), item(1, { name: 'dup in page' }), item(1, { name: 'last wins' })] });
    const rows = await store.getItems(scan.id, [item(1).id]);
    assert.deepEqual(rows.map((r) => [r.language, r.name]), [['de', 'Artikel 1'], ['en', 'last wins']]);
  }));

  void test('text with NUL characters is stored the same on every database', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root')]);
    await store.leaseTasks(scan.id, 'w', 1, 60_000);
    await store.commitPage(scan.id, 'root', 'w', { items: [item(1, { name: 'a\u0000b', fields: { 'Bo\u0000dy': 'x\u0000y', Title: 'ok' } })] });
    const [stored] = await store.getItems(scan.id, [item(1).id]);
    assert.deepEqual({ name: stored?.name, fields: stored?.fields }, { name: 'a\uFFFDb', fields: { 'Bo\uFFFDdy': 'x\uFFFDy', Title: 'ok' } });
  }));

  void test('pages committed at the same moment share transactions yet keep their own outcomes; a bad page fails alone', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 30));
    await store.leaseTasks(scan.id, 'w', 30, 60_000);
    await store.commitPage(scan.id, 't00000', 'w', page(0));
    const keys = tasks('t', 30).map((t) => t.key);
    const badPage: PageCommit = { items: [item(9_000)], references: [{ sourceId: item(9_000).id, sourceLanguage: 'en', field: 'Body', kind: 'link' }] };
    // All issued in one turn of the event loop: the store groups them.
    const results = await Promise.allSettled([
      ...keys.map((k, i) => store.commitPage(scan.id, k, 'w', page(i * 10))),
      store.commitPage(scan.id, 'no-such-task', 'w', page(5_000)),
      store.commitPage(scan.id, keys[1] ?? '', 'w', badPage),
    ]);
    const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value.outcome : 'threw'));
    assert.deepEqual(outcomes, ['duplicate', ...keys.slice(1).map(() => 'committed'), 'rejected', 'threw']);
    const after = await store.getScan(scan.id);
    assert.equal(after?.pagesCommitted, 30);
    assert.equal(after?.itemsCrawled, 300);
    assert.equal((await store.counts(scan.id)).tasks.done, 30);
    assert.deepEqual(await store.getItems(scan.id, [item(9_000).id, item(5_000).id]), [], 'neither the bad nor the rejected page stored anything');
  }));

  if (target.concurrentInstances) {
    void test('the same page committed by two store instances at once is applied exactly once', () => withStore(target, async ({ store, anotherStore, clock }) => {
      const scan = await runningScan(store);
      await store.addRootTasks(scan.id, tasks('t', 20));
      await store.leaseTasks(scan.id, 'a', 20, 1_000);
      clock.advance(2_000);
      const other = anotherStore();
      try {
        await other.leaseTasks(scan.id, 'b', 20, 60_000);
        const keys = tasks('t', 20).map((t) => t.key);
        const results = await Promise.all(keys.flatMap((k, i) => [
          store.commitPage(scan.id, k, 'a', page(i * 10)),
          other.commitPage(scan.id, k, 'b', page(i * 10)),
        ]));
        assert.equal(results.filter((r) => r.outcome === 'committed').length, 20);
        assert.equal(results.filter((r) => r.outcome === 'duplicate').length, 20);
        assert.equal((await store.getScan(scan.id))?.pagesCommitted, 20);
        assert.equal(results.reduce((n, r) => n + r.newTasks, 0), 2, 'child-a and child-b inserted once');
      } finally {
        await other.close();
      }
    }));
  }
}
