import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../../core/conduit-error.ts';
import { collect, items, runningScan, task, tasks, withStore } from './contract-fixtures.ts';
import type { StoreTestTarget } from './test-databases.ts';

export function scanLifecycleContract(target: StoreTestTarget): void {
  void test('a scan is created pending and read back as stored', () => withStore(target, async ({ store, clock }) => {
    const created = await store.createScan({ adapter: 'sitecore', root: '/sitecore/content/Home', options: { maxItems: 50, categories: ['orphan'] } });
    assert.equal(created.status, 'pending');
    assert.equal(created.createdAt, clock.now());
    assert.deepEqual(await store.getScan(created.id), created);
    assert.deepEqual(created.options, { maxItems: 50, categories: ['orphan'] });
    assert.equal(created.root, '/sitecore/content/Home');
    assert.equal(await store.getScan('no-such-scan'), null);
    const noRoot = await store.createScan({ adapter: 'sitecore', id: 'fixed-id' });
    assert.deepEqual({ id: noRoot.id, root: noRoot.root, options: noRoot.options }, { id: 'fixed-id', root: null, options: {} });
  }));

  void test('status changes stamp start and finish, apply the patch, and a finished scan cannot change', () => withStore(target, async ({ store, clock }) => {
    const scan = await store.createScan({ adapter: 'sitecore' });
    clock.advance(1000);
    const running = await store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
    assert.deepEqual({ startedAt: running.startedAt, phase: running.phase, finishedAt: running.finishedAt }, { startedAt: clock.now(), phase: 'crawl', finishedAt: null });
    clock.advance(1000);
    const again = await store.updateScanStatus(scan.id, 'running', { phase: 'analyze', truncated: true, warning: 'stopped at maxItems 50' });
    assert.equal(again.startedAt, running.startedAt, 'startedAt is kept');
    assert.deepEqual({ phase: again.phase, truncated: again.truncated, warning: again.warning }, { phase: 'analyze', truncated: true, warning: 'stopped at maxItems 50' });
    clock.advance(1000);
    const failed = await store.updateScanStatus(scan.id, 'failed', { error: { code: 'ADP_UNAVAILABLE', message: 'Sitecore at http://127.0.0.1:1 is down' } });
    assert.deepEqual({ status: failed.status, finishedAt: failed.finishedAt, error: failed.error }, {
      status: 'failed', finishedAt: clock.now(), error: { code: 'ADP_UNAVAILABLE', message: 'Sitecore at http://127.0.0.1:1 is down' },
    });
    await assert.rejects(store.updateScanStatus(scan.id, 'running'), (e: unknown) => hasCode(e, 'XRAY_SCAN_FINISHED'));
    await assert.rejects(store.cancelScan(scan.id), (e: unknown) => hasCode(e, 'XRAY_SCAN_FINISHED'));
    await assert.rejects(store.updateScanStatus('missing', 'running'), (e: unknown) => hasCode(e, 'XRAY_SCAN_NOT_FOUND'));
    assert.deepEqual(await store.getScan(scan.id), failed);
  }));

  void test('cancelling is idempotent and stops leasing and heartbeats', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('root'), task('second')]);
    await store.leaseTasks(scan.id, 'w0', 1, 60_000);
    assert.deepEqual(await store.heartbeat(scan.id, 'w0', ['root'], 60_000), ['root']);
    const cancelled = await store.cancelScan(scan.id);
    assert.deepEqual(await store.heartbeat(scan.id, 'w0', ['root'], 60_000), [], 'workers learn the scan stopped');
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(await store.cancelScan(scan.id), cancelled);
    assert.deepEqual(await store.leaseTasks(scan.id, 'w1', 5, 60_000), []);
    await assert.rejects(store.addRootTasks(scan.id, [task('late')]), (e: unknown) => hasCode(e, 'XRAY_SCAN_FINISHED'));
    await assert.rejects(store.cancelScan('missing'), (e: unknown) => hasCode(e, 'XRAY_SCAN_NOT_FOUND'));
  }));

  void test('scans list newest first, filter by status and adapter, and page with a cursor', () => withStore(target, async ({ store, clock }) => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(10);
      ids.push((await store.createScan({ adapter: i % 2 === 0 ? 'even' : 'odd' })).id);
    }
    await store.updateScanStatus(ids[0] ?? '', 'running');
    const first = await store.listScans({ limit: 3 });
    assert.deepEqual(first.entries.map((s) => s.id), ids.slice(4).reverse());
    assert.ok(first.nextCursor);
    const second = await store.listScans({ limit: 3, cursor: first.nextCursor });
    const third = await store.listScans({ limit: 3, cursor: second.nextCursor ?? '' });
    assert.deepEqual([...second.entries, ...third.entries].map((s) => s.id), ids.slice(0, 4).reverse());
    assert.equal(third.nextCursor, null);
    assert.deepEqual((await store.listScans({ adapter: 'odd' })).entries.map((s) => s.id), [ids[5], ids[3], ids[1]]);
    assert.deepEqual((await store.listScans({ status: 'running' })).entries.map((s) => s.id), [ids[0]]);
    await assert.rejects(store.listScans({ cursor: 'not-a-cursor' }), (e: unknown) => hasCode(e, 'TOOL_CURSOR_INVALID'));
  }));

  void test('deleting a scan removes everything stored for it', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    const keep = await runningScan(store);
    for (const s of [scan, keep]) {
      await store.addRootTasks(s.id, [task('root')]);
      await store.leaseTasks(s.id, 'w', 1, 60_000);
      await store.commitPage(s.id, 'root', 'w', { items: items(1, 5), references: [{ sourceId: 'a', field: 'f', kind: 'link', targetId: 'b' }], nextTasks: [task('next')] });
      await store.putFindings(s.id, [{ fingerprint: 'fp', analyzerId: 'x', analyzerVersion: '1', category: 'orphan', severity: 'info', message: 'm' }]);
      await store.appendEvent(s.id, 'started');
      await store.putScores(s.id, [{ category: 'overall', score: 90 }]);
    }
    assert.equal(await store.deleteScan(scan.id), true);
    assert.equal(await store.deleteScan(scan.id), false);
    assert.equal(await store.getScan(scan.id), null);
    assert.deepEqual(await store.counts(scan.id), { items: 0, references: 0, findings: 0, tasks: { pending: 0, leased: 0, done: 0, failed: 0, total: 0 } });
    assert.deepEqual((await store.counts(keep.id)).items, 5, 'the other scan is untouched');
    assert.equal((await collect(store.iterateItems(scan.id))).all.length, 0);
  }));

  void test('resumable scans are pending ones and running ones without a live lease', () => withStore(target, async ({ store, clock }) => {
    const pending = await store.createScan({ adapter: 'a' });
    const live = await runningScan(store);
    const crashed = await runningScan(store);
    const done = await runningScan(store);
    await store.updateScanStatus(done.id, 'completed');
    for (const s of [live, crashed]) await store.addRootTasks(s.id, tasks('t', 2));
    await store.leaseTasks(live.id, 'alive', 1, 120_000);
    await store.leaseTasks(crashed.id, 'dead', 2, 30_000);
    assert.deepEqual((await store.listResumableScans()).map((s) => s.id).sort(), [pending.id].sort());
    clock.advance(60_000);
    assert.deepEqual((await store.listResumableScans()).map((s) => s.id).sort(), [pending.id, crashed.id].sort());
  }));
}
