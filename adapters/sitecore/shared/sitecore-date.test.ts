import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSitecoreDate, formatSitecoreDate, isMalformedSitecoreDate, sitecoreDateToIso } from './sitecore-date.ts';

void test('parses the stored form and round-trips through formatSitecoreDate', () => {
  const ms = parseSitecoreDate('20190718T152234Z');
  assert.equal(ms, Date.UTC(2019, 6, 18, 15, 22, 34));
  assert.equal(formatSitecoreDate(ms ?? 0), '20190718T152234Z');
  assert.equal(sitecoreDateToIso('20190718T152234Z'), '2019-07-18T15:22:34.000Z');
});

void test('accepts the older forms without Z or without a time', () => {
  assert.equal(parseSitecoreDate('20190718T152234'), Date.UTC(2019, 6, 18, 15, 22, 34));
  assert.equal(parseSitecoreDate('20190718'), Date.UTC(2019, 6, 18));
});

void test('rejects malformed dates instead of guessing', () => {
  for (const bad of ['2019-07-18', '20191345T250000Z', '20190231T000000Z', 'yesterday', '2019071T152234Z', '20190718T246000Z']) {
    assert.equal(parseSitecoreDate(bad), null, bad);
    assert.equal(isMalformedSitecoreDate(bad), true, bad);
  }
  assert.equal(isMalformedSitecoreDate(''), false);
  assert.equal(sitecoreDateToIso(''), null);
});

void test('formats a Date in UTC', () => {
  assert.equal(formatSitecoreDate(new Date('2026-11-01T00:00:00Z')), '20261101T000000Z');
});
