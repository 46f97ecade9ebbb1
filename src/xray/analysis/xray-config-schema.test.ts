import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../../config/config-schema.ts';
import { ANALYZERS } from './analyzer-registry.ts';
import { analyzerSettings, xrayConfigSchema } from './xray-config-schema.ts';

void test('every analyzer has a block with enabled, severity and its own options, defaults documented in one place', () => {
  const parsed = xrayConfigSchema.parse({});
  assert.deepEqual(Object.keys(parsed.analyzers).sort(), ANALYZERS.map((a) => a.id).sort());
  assert.deepEqual(analyzerSettings(parsed, 'stale-content'), { enabled: true, options: { days: 365 } });
  assert.deepEqual(analyzerSettings(parsed, 'deep-nesting').options, { maxDepth: 10 });
  assert.deepEqual(analyzerSettings(parsed, 'large-media').options, { maxBytes: 256_000 });
  assert.deepEqual(analyzerSettings(parsed, 'too-many-children').options, { maxChildren: 100 });
});

void test('xray.analyzers.<id> is validated with dot-paths: unknown analyzers and options, bad values', () => {
  const bad = configSchema.safeParse({ xray: { analyzers: { 'stale-content': { days: -1, dayz: 3 }, 'no-such-analyzer': {}, security: { severity: 'high' } } } });
  assert.equal(bad.success, false);
  const paths = bad.error?.issues.map((i) => [...i.path, ...('keys' in i ? i.keys : [])].join('.')).sort();
  assert.deepEqual(paths, ['xray.analyzers.no-such-analyzer', 'xray.analyzers.security.severity', 'xray.analyzers.stale-content.days', 'xray.analyzers.stale-content.dayz']);
  const good = configSchema.parse({ xray: { analyzers: { 'stale-content': { days: 90 }, orphan: { enabled: false }, security: { severity: 'critical' } } } });
  assert.deepEqual(analyzerSettings(good.xray, 'stale-content').options, { days: 90 });
  assert.deepEqual(analyzerSettings(good.xray, 'orphan').enabled, false);
  assert.equal(analyzerSettings(good.xray, 'security').severity, 'critical');
});
