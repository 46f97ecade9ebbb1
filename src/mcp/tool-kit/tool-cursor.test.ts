import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../../core/conduit-error.ts';
import { decodeCursor, encodeCursor, queryHash } from './tool-cursor.ts';

void test('a cursor round-trips, and is bound to its adapter and query', () => {
  const hash = queryHash('content_list', { parent: { id: 'a' }, locale: 'en' });
  assert.equal(hash, queryHash('content_list', { locale: 'en', parent: { id: 'a' }, ignored: undefined }), 'key order and undefined do not matter');
  const cursor = encodeCursor({ adapter: 'xp', page: 'p2', skip: 3 }, hash);
  assert.match(cursor, /^[A-Za-z0-9_-]+$/, 'base64url');
  assert.deepEqual(decodeCursor(cursor, { adapter: 'xp', hash }), { adapter: 'xp', page: 'p2', skip: 3 });
  const invalid = (e: unknown): boolean => hasCode(e, 'TOOL_CURSOR_INVALID');
  assert.throws(() => decodeCursor(cursor, { adapter: 'other', hash }), invalid);
  assert.throws(() => decodeCursor(cursor, { adapter: 'xp', hash: queryHash('content_list', { parent: { id: 'b' } }) }), invalid);
  assert.throws(() => decodeCursor('%%%', { adapter: 'xp', hash }), invalid);
  assert.throws(() => decodeCursor(Buffer.from('{"v":2}').toString('base64url'), { adapter: 'xp', hash }), invalid);
});
