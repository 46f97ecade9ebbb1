import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestKit, testResilience } from './test-kit.ts';
import { startScriptableServer } from './scriptable-server.ts';

void test('testResilience: fast settings, overrides merged key by key, schema defaults kept', () => {
  const config = testResilience({ maxAttempts: 1, breaker: { consecutiveFailures: 2 } });
  assert.equal(config.timeoutMs, 2_000);
  assert.equal(config.maxAttempts, 1);
  assert.equal(config.backoff.initialDelayMs, 5);
  assert.equal(config.breaker.consecutiveFailures, 2);
  assert.equal(config.breaker.halfOpenAfterMs, 200);
  assert.equal(config.breaker.windowMs, 30_000);
  assert.equal(config.maxConcurrent, 16);
});

void test('createTestKit: a kit whose http is the real client; close() aborts the kit signal', async () => {
  const server = await startScriptableServer();
  const { kit, client, close } = createTestKit({ name: 'sim', baseUrl: server.url });
  assert.equal(kit.http, client);
  assert.equal(kit.name, 'sim');
  server.script({ status: 503 }, { status: 200, body: { ok: 1 } });
  assert.deepEqual((await kit.http.request({ method: 'GET', path: '/x' })).json(), { ok: 1 });
  assert.equal(server.count(), 2);
  close();
  assert.equal(kit.signal.aborted, true);
  assert.equal(client.breakerState(), 'closed');
  await server.close();
});
