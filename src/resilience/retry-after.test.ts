import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRetryAfter, toRetryAfterSeconds } from './retry-after.ts';

const now = Date.parse('2026-11-01T12:00:00Z');

void test('Retry-After in delta-seconds', () => {
  assert.equal(parseRetryAfter('1', now), 1000);
  assert.equal(parseRetryAfter(' 120 ', now), 120_000);
  assert.equal(parseRetryAfter('0', now), 0);
});

void test('Retry-After as an HTTP date, relative to now; a past date means no wait', () => {
  assert.equal(parseRetryAfter('Sun, 01 Nov 2026 12:00:05 GMT', now), 5000);
  assert.equal(parseRetryAfter('Sunday, 01-Nov-26 12:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Sun, 01 Nov 2026 11:00:00 GMT', now), 0);
});

void test('absent or unreadable Retry-After is undefined', () => {
  for (const value of [null, undefined, '', 'soon', '1.5', '-3', '2e3']) assert.equal(parseRetryAfter(value, now), undefined, String(value));
});

void test('retryAfterSeconds is whole seconds, at least 1', () => {
  assert.equal(toRetryAfterSeconds(0), 1);
  assert.equal(toRetryAfterSeconds(1), 1);
  assert.equal(toRetryAfterSeconds(1001), 2);
});
