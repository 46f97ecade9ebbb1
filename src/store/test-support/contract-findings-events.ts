import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../../core/conduit-error.ts';
import type { NewFinding } from '../scan-store-types.ts';
import { collect, runningScan, withStore } from './contract-fixtures.ts';
import type { StoreTestTarget } from './test-databases.ts';

function finding(n: number, overrides: Partial<NewFinding> = {}): NewFinding {
  return {
    fingerprint: `orphan:${String(n).padStart(4, '0')}`,
    analyzerId: 'orphan',
    analyzerVersion: '1.0.0',
    category: 'orphan',
    severity: 'info',
    itemId: `item-${n}`,
    itemPath: `/sitecore/content/Item ${n}`,
    language: 'en',
    message: `Item ${n} is not referenced by anything`,
    evidence: { referencedBy: [], depth: n },
    hint: 'Delete it or link it',
    ...overrides,
  };
}

export function findingsAndEventsContract(target: StoreTestTarget): void {
  void test('findings upsert by fingerprint, list in pages with filters, and carry their acceptance', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store, 'prod-cm');
    const otherAdapter = await runningScan(store, 'staging');
    await store.putFindings(scan.id, Array.from({ length: 25 }, (_, i) => finding(i)));
    await store.putFindings(scan.id, [finding(3, { severity: 'warning', message: 'rewritten', evidence: { why: 'v2' } }), finding(30, { category: 'broken-link', analyzerId: 'links', severity: 'critical', itemId: undefined, itemPath: undefined, language: undefined, hint: undefined })]);
    await store.putFindings(otherAdapter.id, [finding(1)]);
    assert.equal((await store.counts(scan.id)).findings, 26);

    const accepted = await store.acceptFinding({ adapter: 'prod-cm', fingerprint: 'orphan:0003', reason: 'Kept for the 2027 campaign', acceptedBy: 'ana', scanId: scan.id });
    assert.deepEqual(accepted, { adapter: 'prod-cm', fingerprint: 'orphan:0003', reason: 'Kept for the 2027 campaign', acceptedBy: 'ana', acceptedAt: clock.now(), scanId: scan.id });

    const first = await store.listFindings(scan.id, { limit: 10 });
    assert.equal(first.entries.length, 10);
    const rest = await store.listFindings(scan.id, { limit: 20, cursor: first.nextCursor ?? '' });
    assert.equal(rest.nextCursor, null);
    const all = [...first.entries, ...rest.entries];
    assert.equal(all.length, 26);
    const three = all.find((f) => f.fingerprint === 'orphan:0003');
    assert.deepEqual({ severity: three?.severity, message: three?.message, evidence: three?.evidence, accepted: three?.accepted }, { severity: 'warning', message: 'rewritten', evidence: { why: 'v2' }, accepted });
    const link = all.find((f) => f.fingerprint === 'orphan:0030');
    assert.deepEqual({ itemId: link?.itemId, hint: link?.hint, accepted: link?.accepted }, { itemId: null, hint: null, accepted: null });

    assert.deepEqual((await store.listFindings(scan.id, { category: 'broken-link' })).entries.map((f) => f.fingerprint), ['orphan:0030']);
    assert.deepEqual((await store.listFindings(scan.id, { severity: 'warning' })).entries.map((f) => f.fingerprint), ['orphan:0003']);
    assert.equal((await store.listFindings(scan.id, { excludeAccepted: true, limit: 100 })).entries.length, 25);
    assert.equal((await store.listFindings(otherAdapter.id)).entries[0]?.accepted, null, 'acceptance is per adapter');
    const streamed = await collect(store.iterateFindings(scan.id, { batchSize: 7, analyzerId: 'orphan' }));
    assert.deepEqual({ n: streamed.all.length, batches: streamed.batches }, { n: 25, batches: 4 });
  }));

  void test('acceptances update, list and can be withdrawn', () => withStore(target, async ({ store, clock }) => {
    await store.acceptFinding({ adapter: 'prod', fingerprint: 'b', reason: 'first' });
    clock.advance(1000);
    const updated = await store.acceptFinding({ adapter: 'prod', fingerprint: 'b', reason: 'second', acceptedBy: 'lee' });
    await store.acceptFinding({ adapter: 'prod', fingerprint: 'a', reason: 'other' });
    await store.acceptFinding({ adapter: 'qa', fingerprint: 'a', reason: 'qa only' });
    assert.deepEqual((await store.listAcceptedFindings('prod')).map((a) => [a.fingerprint, a.reason]), [['a', 'other'], ['b', 'second']]);
    assert.equal(updated.acceptedAt, clock.now());
    assert.equal(await store.unacceptFinding('prod', 'b'), true);
    assert.equal(await store.unacceptFinding('prod', 'b'), false);
    assert.deepEqual((await store.listAcceptedFindings('prod')).map((a) => a.fingerprint), ['a']);
  }));

  void test('findings of one analyzer can be cleared for a re-run; scores round-trip', () => withStore(target, async ({ store }) => {
    const scan = await runningScan(store);
    await store.putFindings(scan.id, [finding(1), finding(2), finding(3, { analyzerId: 'links' })]);
    assert.equal(await store.deleteFindings(scan.id, 'orphan'), 2);
    assert.deepEqual((await store.listFindings(scan.id)).entries.map((f) => f.analyzerId), ['links']);
    await store.putScores(scan.id, [{ category: 'overall', score: 72.5, details: { weights: { orphan: 0.2 } } }, { category: 'orphan', score: 90 }]);
    await store.putScores(scan.id, [{ category: 'overall', score: 80 }]);
    assert.deepEqual(await store.getScores(scan.id), [{ category: 'orphan', score: 90, details: {} }, { category: 'overall', score: 80, details: {} }]);
    assert.equal(await store.deleteFindings(scan.id), 1);
  }));

  void test('events get consecutive sequence numbers per scan, also when appended concurrently, and list after a sequence', () => withStore(target, async ({ store, clock }) => {
    const scan = await runningScan(store);
    const other = await runningScan(store);
    const first = await store.appendEvent(scan.id, 'scan.started', { root: '/sitecore/content' });
    assert.deepEqual(first, { scanId: scan.id, seq: 1, at: clock.now(), type: 'scan.started', data: { root: '/sitecore/content' } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendEvent(scan.id, 'page.committed', { page: i })));
    await store.appendEvent(other.id, 'scan.started');
    const all = await store.listEvents(scan.id, 0, 1000);
    assert.deepEqual(all.map((e) => e.seq), Array.from({ length: 21 }, (_, i) => i + 1));
    assert.deepEqual((await store.listEvents(scan.id, 19)).map((e) => e.seq), [20, 21]);
    assert.deepEqual((await store.listEvents(scan.id, 0, 3)).map((e) => e.seq), [1, 2, 3]);
    assert.deepEqual((await store.listEvents(other.id)).map((e) => e.seq), [1]);
    await assert.rejects(store.appendEvent('missing', 'x'), (e: unknown) => hasCode(e, 'XRAY_SCAN_NOT_FOUND'));
  }));

  void test('the store reports itself healthy and describes the database without secrets', () => withStore(target, async ({ store }) => {
    assert.deepEqual(await store.check(), { ok: true });
    assert.equal(store.kind, target.kind);
    assert.match(store.describe(), new RegExp(`^${target.kind}:`));
  }));
}
