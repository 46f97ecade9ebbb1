import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError } from '../core/conduit-error.ts';
import { buildRequestUrl, parseBaseUrl } from './request-target.ts';

const join = (base: string, path: string, query?: Record<string, string | number | boolean | undefined>): string =>
  buildRequestUrl('cms', parseBaseUrl('cms', base), path, query).href;

void test('joins paths under the base path, with or without slashes', () => {
  assert.equal(join('https://cms.example.com', '/api/x'), 'https://cms.example.com/api/x');
  assert.equal(join('https://cms.example.com/', 'api/x'), 'https://cms.example.com/api/x');
  assert.equal(join('https://cms.example.com/sitecore', '/api/x'), 'https://cms.example.com/sitecore/api/x');
  assert.equal(join('https://cms.example.com/sitecore/', '/api/x'), 'https://cms.example.com/sitecore/api/x');
  assert.equal(join('https://cms.example.com/sitecore//', 'api/x'), 'https://cms.example.com/sitecore/api/x');
  assert.equal(join('https://cms.example.com/base', ''), 'https://cms.example.com/base');
});

void test('the base URL query and fragment are dropped; query values are encoded; undefined skipped', () => {
  assert.equal(join('https://cms.example.com/b?x=1#f', '/p', { q: 'a b&c', n: 2, t: true, u: undefined }), 'https://cms.example.com/b/p?q=a+b%26c&n=2&t=true');
  assert.equal(join('https://cms.example.com', '/p?page=2', { size: 10 }), 'https://cms.example.com/p?page=2&size=10');
});

void test('absolute URLs must stay on the base origin', () => {
  assert.equal(join('https://cms.example.com/base', 'https://cms.example.com/other?a=1'), 'https://cms.example.com/other?a=1');
  for (const path of ['https://evil.example.com/x', 'http://cms.example.com/x', 'https://cms.example.com:8443/x']) {
    assert.throws(() => join('https://cms.example.com', path), (e: unknown) => e instanceof ConduitError && e.code === 'INTERNAL', path);
  }
});

void test('a base URL that is not http(s) is a config error', () => {
  for (const bad of ['ftp://cms.example.com', 'not a url', '']) {
    assert.throws(() => parseBaseUrl('main', bad), (e: unknown) => e instanceof ConduitError && e.code === 'CFG_INVALID_VALUE');
  }
});
