import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeGuid, isGuid, toBracedGuid, toCompactGuid, toIndexGuid, splitGuidList } from './guid.ts';

const CANONICAL = '110d559f-dea5-42ea-9c1c-8a5df7e70ef9';

void test('normalizeGuid accepts the three Sitecore spellings and returns the canonical one', () => {
  for (const spelling of [
    '110d559f-dea5-42ea-9c1c-8a5df7e70ef9',
    '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}',
    '110D559FDEA542EA9C1C8A5DF7E70EF9',
    '110d559fdea542ea9c1c8a5df7e70ef9',
    ' {110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9} ',
  ]) assert.equal(normalizeGuid(spelling), CANONICAL, spelling);
});

void test('normalizeGuid rejects malformed values', () => {
  for (const bad of ['', 'not-a-guid', '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF}', '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9',
    '110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}', '{1234-ABCD}', '110D559FDEA542EA9C1C8A5DF7E70EFZ']) {
    assert.equal(normalizeGuid(bad), null, bad);
    assert.equal(isGuid(bad), false, bad);
  }
});

void test('spelling converters', () => {
  assert.equal(toBracedGuid(CANONICAL), '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}');
  assert.equal(toCompactGuid('{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}'), '110D559FDEA542EA9C1C8A5DF7E70EF9');
  assert.equal(toIndexGuid('{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}'), '110d559fdea542ea9c1c8a5df7e70ef9');
  assert.throws(() => toBracedGuid('nope'), /not a GUID/);
});

void test('splitGuidList drops empty entries', () => {
  assert.deepEqual(splitGuidList('{A}|{B}||'), ['{A}', '{B}']);
  assert.deepEqual(splitGuidList(''), []);
});
