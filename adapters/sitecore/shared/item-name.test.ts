import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemNameProblem, isValidItemName } from './item-name.ts';

void test('valid names pass, including Unicode letters (.NET \\w) and a (n) suffix', () => {
  for (const ok of ['Home', '__Standard Values', 'media library', 'Cloud Migration 2', 'Über uns', 'Report (2)', 'a-b $c']) {
    assert.equal(itemNameProblem(ok), null, ok);
  }
});

void test('invalid names are explained', () => {
  assert.match(itemNameProblem('Summer Sale?') ?? '', /invalid character "\?"/);
  assert.match(itemNameProblem('Q&A') ?? '', /ItemNameValidation/);
  assert.match(itemNameProblem('.hidden') ?? '', /ItemNameValidation/);
  assert.match(itemNameProblem(' leading space') ?? '', /ItemNameValidation/);
  assert.match(itemNameProblem('x'.repeat(101)) ?? '', /longer than 100/);
  assert.equal(isValidItemName(''), false);
});
