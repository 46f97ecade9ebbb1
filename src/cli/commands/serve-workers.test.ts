import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../../config/config-schema.ts';
import { isConduitError } from '../../core/conduit-error.ts';
import { parseWorkers, shareLimits } from './serve-workers.ts';

void test('--workers takes 1 to 64 processes and names the flag otherwise', () => {
  assert.equal(parseWorkers(undefined), 1);
  assert.equal(parseWorkers('2'), 2);
  for (const bad of ['0', '-1', '1.5', 'two', '65']) {
    assert.throws(() => parseWorkers(bad), (e: unknown) => isConduitError(e) && e.code === 'CFG_INVALID_VALUE' && e.message.includes(`"${bad}"`));
  }
});

void test('each worker enforces its share of every limit, so the totals hold across the cluster', () => {
  const config = configSchema.parse({
    adapters: { main: { type: 'sitecore-xp', url: 'http://127.0.0.1:1', maxCallsPerSecond: 10, resilience: { ratePerSecond: 8, maxConcurrent: 5 } } },
    limits: { maxCallsPerSecond: 100, maxConcurrentCalls: 3 },
  });
  shareLimits(config, 2);
  assert.equal(config.limits.maxCallsPerSecond, 50);
  assert.equal(config.limits.maxConcurrentCalls, 2); // rounded up: never below one slot
  const main = config.adapters['main'];
  assert.equal(main?.maxCallsPerSecond, 5);
  assert.equal(main?.resilience.ratePerSecond, 4);
  assert.equal(main?.resilience.maxConcurrent, 3);
  const unlimited = configSchema.parse({});
  shareLimits(unlimited, 4);
  assert.equal(unlimited.limits.maxCallsPerSecond, 0); // 0 stays "unlimited"
});
