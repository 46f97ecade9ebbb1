import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { IdSet } from './id-set.ts';

void test('behaves as a Set of ids: GUIDs packed, other ids kept as strings, growth and iteration', () => {
  const set = new IdSet();
  const reference = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const id = i % 1000 === 0 ? `post-${i}` : randomUUID();
    set.add(id);
    set.add(id);
    reference.add(id);
  }
  set.add('00000000-0000-0000-0000-000000000000');
  reference.add('00000000-0000-0000-0000-000000000000');
  assert.equal(set.size, reference.size);
  for (const id of reference) assert.ok(set.has(id), id);
  assert.equal(set.has(randomUUID()), false);
  assert.equal(set.has('not-a-guid'), false);
  assert.equal(set.has('0DE95AE4-41AB-4D01-9EB0-67441B7C2450'), false, 'only the canonical lower-case spelling is packed');
  assert.deepEqual(new Set(set.values()), reference);
});
