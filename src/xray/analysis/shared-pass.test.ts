import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSharedPass } from './shared-pass.ts';

function source(batches: number[][], reads: { n: number }): () => AsyncIterator<number[]> {
  return () => (async function* () {
    for (const b of batches) { reads.n++; yield b; }
  })();
}

async function collect(it: AsyncIterable<number[]>, onBatch?: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for await (const b of it) { out.push(...b); await onBatch?.(); }
  return out;
}

void test('every consumer sees every batch, and the source is read once', async () => {
  const reads = { n: 0 };
  const pass = createSharedPass(source([[1, 2], [3], [4, 5]], reads), ['a', 'b']);
  const slow = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
  const [a, b] = await Promise.all([collect(pass.subscribe('a'), slow), collect(pass.subscribe('b'))]);
  assert.deepEqual({ a, b, reads: reads.n }, { a: [1, 2, 3, 4, 5], b: [1, 2, 3, 4, 5], reads: 3 });
  await pass.done;
});

void test('a released consumer no longer holds the others back; nothing is read for no consumer', async () => {
  const reads = { n: 0 };
  const pass = createSharedPass(source([[1], [2]], reads), ['a', 'never']);
  const a = collect(pass.subscribe('a'));
  pass.release('never');
  assert.deepEqual(await a, [1, 2]);
  const idle = { n: 0 };
  const empty = createSharedPass(source([[1]], idle), ['x']);
  empty.release('x');
  await empty.done;
  assert.equal(idle.n, 0);
});

void test('breaking out early releases; a later pass waits for the earlier one', async () => {
  const reads = { n: 0 };
  const first = createSharedPass(source([[1], [2], [3]], reads), ['a']);
  const order: string[] = [];
  const second = createSharedPass(source([[9]], { n: 0 }), ['b'], first.done.then(() => { order.push('first done'); }));
  const b = (async () => { for await (const x of second.subscribe('b')) order.push(`second ${x.join()}`); })();
  for await (const x of first.subscribe('a')) { order.push(`first ${x.join()}`); if (x[0] === 2) break; }
  await b;
  assert.deepEqual(order, ['first 1', 'first 2', 'first done', 'second 9']);
});

void test('a source failure reaches every consumer', async () => {
  const pass = createSharedPass(() => (async function* () { yield [1]; throw new Error('disk gone'); })(), ['a', 'b']);
  const results = await Promise.allSettled([collect(pass.subscribe('a')), collect(pass.subscribe('b'))]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.throws(() => pass.subscribe('c'), /not an expected consumer/);
});
