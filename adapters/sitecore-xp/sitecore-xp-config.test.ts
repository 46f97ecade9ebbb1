import { test } from 'node:test';
import assert from 'node:assert/strict';
import manifest from './manifest.ts';

const good = { type: 'sitecore-xp', url: 'https://cm.example.com', credentials: { domain: 'sitecore', username: 'admin', password: 's3cret-pw' } };

void test('defaults: master database, en, /sitecore/content; common keys pass through', () => {
  const config = manifest.configSchema.parse({ ...good, resilience: { timeoutMs: 5 }, cache: { ttlMs: 1 }, maxCallsPerSecond: 3 });
  assert.equal(config.database, 'master');
  assert.equal(config.language, 'en');
  assert.equal(config.rootPath, '/sitecore/content');
  assert.deepEqual(manifest.capabilities(config), ['read', 'search', 'media', 'write', 'xray']);
});

void test('a bad credentials shape yields issues under credentials.*, without echoing the password', () => {
  const missing = manifest.configSchema.safeParse({ ...good, credentials: { domain: 'sitecore', password: 's3cret-pw' } });
  assert.equal(missing.success, false);
  assert.deepEqual(missing.error?.issues.map((i) => i.path.join('.')), ['credentials.username']);
  const empty = manifest.configSchema.safeParse({ ...good, credentials: { domain: '', username: 'a', password: '' } });
  assert.deepEqual(empty.error?.issues.map((i) => i.path.join('.')).sort(), ['credentials.domain', 'credentials.password']);
  const wrongType = manifest.configSchema.safeParse({ ...good, credentials: 'admin:b' });
  assert.deepEqual(wrongType.error?.issues.map((i) => i.path.join('.')), ['credentials']);
  const extra = manifest.configSchema.safeParse({ ...good, credentials: { ...good.credentials, token: 'x' } });
  assert.deepEqual(extra.error?.issues.map((i) => [i.code, i.path.join('.')]), [['unrecognized_keys', 'credentials']]);
  assert.equal(JSON.stringify(missing.error?.issues).includes('s3cret-pw'), false);
});

void test('unknown keys and a bad rootPath are rejected', () => {
  const typo = manifest.configSchema.safeParse({ ...good, databse: 'web' });
  assert.equal(typo.error?.issues[0]?.code, 'unrecognized_keys');
  assert.equal(manifest.configSchema.safeParse({ ...good, rootPath: '/content' }).success, false);
  assert.equal(manifest.configSchema.safeParse({ ...good, url: 'ftp://cm' }).success, false);
});
