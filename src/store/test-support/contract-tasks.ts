import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../../core/conduit-error.ts';
import type { ScanStore } from '../scan-store.ts';
import { runningScan, task, tasks, withStore } from './contract-fixtures.ts';
import type { StoreTestTarget } from './test-databases.ts';

/** Leases until the queue is empty, `workers` loops at once; returns every key handed out. */
async function drain(stores: ScanStore[], scanId: string, workers: number, batch: number): Promise<string[]> {
  const seen: string[] = [];
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    const store = stores[w % stores.length];
    if (store === undefined) return;
    for (;;) {
      const leased = await store.leaseTasks(scanId, `worker-${w}`, batch, 60_000);
      if (leased.length === 0) return;
      seen.push(...leased.map((t) => t.key));
    }
  }));
  return seen;
}

export function taskQueueContract(target: StoreTestTarget): void {
  void test('root tasks are queued once per key and leased oldest first with an expiry', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    assert.equal(await store.addRootTasks(scan.id, [task('a'), task('b'), task('a')]), 2);
    assert.equal(await store.addRootTasks(scan.id, [task('b'), task('c', 1)]), 1);
    const leased = await store.leaseTasks(scan.id, 'w1', 2, 30_000);
    assert.deepEqual(leased, [
      { scanId: scan.id, key: 'a', cursor: 'cursor:a', depth: 0, attempts: 1, leaseExpiresAt: clock.now() + 30_000 },
      { scanId: scan.id, key: 'b', cursor: 'cursor:b', depth: 0, attempts: 1, leaseExpiresAt: clock.now() + 30_000 },
    ]);
    assert.deepEqual((await store.leaseTasks(scan.id, 'w2', 5, 30_000)).map((t) => [t.key, t.depth]), [['c', 1]]);
    assert.deepEqual(await store.leaseTasks(scan.id, 'w3', 5, 30_000), []);
    assert.deepEqual(await store.taskCounts(scan.id), { pending: 0, leased: 3, done: 0, failed: 0, total: 3 });
  }));

  void test('a scan that is not running hands out no tasks', () => withStore(target, async ({ store }) => {
    const scan = await store.createScan({ adapter: 'a' });
    await store.addRootTasks(scan.id, [task('root')]);
    assert.deepEqual(await store.leaseTasks(scan.id, 'w', 5, 1000), []);
    await store.updateScanStatus(scan.id, 'running');
    assert.equal((await store.leaseTasks(scan.id, 'w', 5, 1000)).length, 1);
  }));

  void test('heartbeats extend only the leases the owner still holds', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 3));
    await store.leaseTasks(scan.id, 'w1', 2, 10_000);
    clock.advance(8_000);
    assert.deepEqual((await store.heartbeat(scan.id, 'w1', ['t00000', 't00001', 't00002'], 10_000)).sort(), ['t00000', 't00001']);
    clock.advance(8_000);
    // Renewed: not expired at 16 s although first leased for 10 s.
    assert.deepEqual((await store.leaseTasks(scan.id, 'w2', 5, 10_000)).map((t) => t.key), ['t00002']);
    assert.deepEqual(await store.heartbeat(scan.id, 'w2', ['t00000'], 10_000), [], 'not its lease');
  }));

  void test('an expired lease is reclaimed by the next leaser, counting attempts, and fails after maxAttempts', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('poison')]);
    assert.equal((await store.leaseTasks(scan.id, 'w1', 1, 5_000))[0]?.attempts, 1);
    clock.advance(4_999);
    assert.deepEqual(await store.leaseTasks(scan.id, 'w2', 1, 5_000), [], 'still leased');
    clock.advance(1);
    assert.deepEqual((await store.leaseTasks(scan.id, 'w2', 1, 5_000)).map((t) => [t.key, t.attempts]), [['poison', 2]]);
    assert.deepEqual(await store.heartbeat(scan.id, 'w1', ['poison'], 5_000), [], 'the first owner lost it');
    clock.advance(5_000);
    assert.equal((await store.leaseTasks(scan.id, 'w3', 1, 5_000))[0]?.attempts, 3);
    clock.advance(5_000);
    assert.deepEqual(await store.reclaimExpiredLeases(scan.id), { reclaimed: 0, failed: 1 });
    assert.deepEqual(await store.taskCounts(scan.id), { pending: 0, leased: 0, done: 0, failed: 1, total: 1 });
    assert.deepEqual(await store.leaseTasks(scan.id, 'w4', 1, 5_000), []);
  }, { maxAttempts: 3 }));

  void test('reclaiming puts expired leases back to pending without touching live ones', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 3));
    await store.leaseTasks(scan.id, 'short', 2, 1_000);
    await store.leaseTasks(scan.id, 'long', 1, 60_000);
    clock.advance(2_000);
    assert.deepEqual(await store.reclaimExpiredLeases(scan.id), { reclaimed: 2, failed: 0 });
    assert.deepEqual(await store.taskCounts(scan.id), { pending: 2, leased: 1, done: 0, failed: 0, total: 3 });
  }));

  void test('a failed attempt is retried after the delay, fails for good at maxAttempts, and is stale for a non-owner', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, [task('flaky')]);
    await store.leaseTasks(scan.id, 'w1', 1, 60_000);
    const error = { code: 'ADP_UNAVAILABLE', message: 'Sitecore answered 503' };
    assert.equal(await store.failTask(scan.id, 'flaky', 'someone-else', error), 'stale');
    assert.equal(await store.failTask(scan.id, 'flaky', 'w1', error, { maxAttempts: 2, retryAfterMs: 10_000 }), 'retry');
    assert.deepEqual(await store.leaseTasks(scan.id, 'w1', 1, 60_000), [], 'not before the retry delay');
    clock.advance(10_000);
    assert.equal((await store.leaseTasks(scan.id, 'w2', 1, 60_000))[0]?.attempts, 2);
    assert.equal(await store.failTask(scan.id, 'flaky', 'w2', error, { maxAttempts: 2 }), 'failed');
    assert.equal(await store.failTask(scan.id, 'flaky', 'w2', error, { maxAttempts: 2 }), 'stale');
    assert.deepEqual(await store.taskCounts(scan.id), { pending: 0, leased: 0, done: 0, failed: 1, total: 1 });
  }));

  void test('released leases go back to pending without using an attempt', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 3));
    await store.leaseTasks(scan.id, 'leaving', 2, 60_000);
    assert.equal(await store.releaseTasks(scan.id, 'leaving'), 2);
    const again = await store.leaseTasks(scan.id, 'next', 3, 60_000);
    assert.deepEqual(again.map((t) => [t.key, t.attempts]), [['t00000', 1], ['t00001', 1], ['t00002', 1]]);
  }));

  void test('concurrent leasers on one store never get the same task', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.addRootTasks(scan.id, tasks('t', 300));
    const seen = await drain([store], scan.id, 12, 7);
    assert.equal(seen.length, 300);
    assert.equal(new Set(seen).size, 300);
  }));

  if (target.concurrentInstances) {
    void test('concurrent leasers on two store instances never get the same task (SKIP LOCKED)', () => withStore(target, async ({ store, anotherStore }) => {
      const scan = await runningScan(store);
      await store.addRootTasks(scan.id, tasks('t', 600));
      const other = anotherStore();
      try {
        const seen = await drain([store, other], scan.id, 16, 5);
        assert.equal(seen.length, 600);
        assert.equal(new Set(seen).size, 600);
      } finally {
        await other.close();
      }
    }));
  }

  void test('failing an unknown task is stale, not an error', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    assert.equal(await store.failTask(scan.id, 'nope', 'w', { code: 'INTERNAL', message: 'x' }), 'stale');
    await assert.rejects(store.addRootTasks('missing-scan', [task('a')]), (e: unknown) => hasCode(e, 'XRAY_SCAN_NOT_FOUND'));
  }));
}
