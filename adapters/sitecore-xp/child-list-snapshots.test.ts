import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildListSnapshots, SNAPSHOT_MAX_ITEMS, decodeListCursor, encodeListCursor } from './child-list-snapshots.ts';
import type { SscItem } from './ssc-schemas.ts';

const items = (n: number): SscItem[] => Array.from({ length: n }, (_, i) => ({ ItemID: `id-${i}` }) as unknown as SscItem);

test('list cursors: offset alone (page one, or an older cursor) and offset with a snapshot name round-trip; others are TOOL_CURSOR_INVALID', () => {
  assert.deepEqual(decodeListCursor(undefined), { offset: 0 });
  assert.deepEqual(decodeListCursor('o50'), { offset: 50 });
  const cursor = { offset: 100, snapshot: '0123456789abcdef' };
  assert.deepEqual(decodeListCursor(encodeListCursor(cursor)), cursor);
  for (const bad of ['p1', 'o', 'o-1', 'o5.', 'o5.XYZ', 'o5.0123456789abcdef0', `o5.${'a'.repeat(200)}`]) {
    assert.throws(() => decodeListCursor(bad), { code: 'TOOL_CURSOR_INVALID' }, bad);
  }
});

test('a snapshot is found only under its own name and listing key, keeps its name across pages, and is released at the end', () => {
  const snapshots = new ChildListSnapshots();
  const list = items(10);
  const name = snapshots.keep('folder-a', list, undefined);
  assert.match(name, /^[0-9a-f]{16}$/);
  assert.equal(snapshots.take(name, 'folder-a'), list);
  assert.equal(snapshots.take(name, 'folder-b'), undefined, 'a cursor carried over to another listing does not read this one');
  assert.equal(snapshots.take(undefined, 'folder-a'), undefined);
  assert.equal(snapshots.keep('folder-a', list, name), name);
  assert.notEqual(snapshots.keep('folder-a', list, undefined), name, 'each listing started afresh gets its own snapshot');
  snapshots.release(name);
  assert.equal(snapshots.take(name, 'folder-a'), undefined);
});

test('memory is bounded: a list beyond the item budget is not kept, and older snapshots make room for newer ones', () => {
  const snapshots = new ChildListSnapshots();
  const tooBig = snapshots.keep('huge', items(SNAPSHOT_MAX_ITEMS + 1), undefined);
  assert.equal(snapshots.take(tooBig, 'huge'), undefined);
  const first = snapshots.keep('a', items(SNAPSHOT_MAX_ITEMS / 2), undefined);
  const second = snapshots.keep('b', items(SNAPSHOT_MAX_ITEMS / 2), undefined);
  assert.ok(snapshots.take(first, 'a') && snapshots.take(second, 'b'));
  const third = snapshots.keep('c', items(SNAPSHOT_MAX_ITEMS / 2), undefined);
  assert.equal(snapshots.take(first, 'a'), undefined, 'the least recently used went');
  assert.ok(snapshots.take(second, 'b') && snapshots.take(third, 'c'));
});
