import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../core/ports.ts';
import { Metrics } from '../ops/metrics.ts';
import { createResilientHttpClient } from './resilient-http-client.ts';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { seededRandom, startScriptableServer, type ScriptableServer } from './test-support/scriptable-server.ts';
import { createTestKit, testResilience } from './test-support/test-kit.ts';

void describe('resilient HTTP client: retries', () => {
  let server: ScriptableServer;
  before(async () => { server = await startScriptableServer(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  void test('503, 503, 200 costs exactly 3 upstream calls and succeeds', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, metrics });
    server.script({ status: 503 }, { status: 503 }, { status: 200, body: { id: 1 } });
    const res = await client.request({ method: 'GET', path: '/item' });
    assert.deepEqual(res.json(), { id: 1 });
    assert.equal(server.count(), 3);
    assert.equal((await metrics.adapterRetriesTotal.get()).values[0]?.value, 2);
    assert.equal((await metrics.adapterRequestsTotal.get()).values[0]?.value, 3);
    close();
  });

  void test('a 404 costs exactly 1 call and is ADP_NOT_FOUND', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.setDefault({ status: 404 });
    await expectConduitError(client.request({ method: 'GET', path: '/missing' }), 'ADP_NOT_FOUND');
    assert.equal(server.count(), 1);
    close();
  });

  void test('auth errors (401, 403) and other 4xx are never retried', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    for (const [status, code] of [[401, 'ADP_AUTH_FAILED'], [403, 'ADP_AUTH_FAILED'], [400, 'ADP_REQUEST_REJECTED'], [422, 'ADP_REQUEST_REJECTED']] as const) {
      server.reset();
      server.setDefault({ status });
      await expectConduitError(client.request({ method: 'GET', path: '/x' }), code);
      assert.equal(server.count(), 1, `HTTP ${status} was sent more than once`);
    }
    close();
  });

  void test('a non-idempotent POST is not retried; a POST marked idempotent (GraphQL read) is', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.script({ status: 503 }, { status: 200 });
    await expectConduitError(client.request({ method: 'POST', path: '/write', body: { a: 1 } }), 'ADP_UNAVAILABLE');
    assert.equal(server.count(), 1);
    server.reset();
    server.script({ status: 503 }, { status: 200, body: { data: {} } });
    const res = await client.request({ method: 'POST', path: '/graphql', body: { query: '{ x }' }, idempotent: true });
    assert.equal(res.status, 200);
    assert.equal(server.count(), 2);
    assert.equal(server.requests[1]?.body, '{"query":"{ x }"}');
    close();
  });

  void test('network errors are retried; retries stop at maxAttempts with ADP_UNAVAILABLE', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.script({ destroy: true }, { status: 200 });
    assert.equal((await client.request({ method: 'GET', path: '/x' })).status, 200);
    assert.equal(server.count(), 2);
    server.reset();
    server.setDefault({ status: 500 });
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.equal(server.count(), 3);
    close();
  });

  void test('a 30% 5xx rate: 200 reads all succeed with enough attempts', async (t) => {
    const random = seededRandom(42);
    server.setDefault(() => (random() < 0.3 ? { status: random() < 0.5 ? 500 : 503 } : { status: 200, body: { ok: true } }));
    // Default breaker settings: a 30% random error rate must not trip it.
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 8, backoff: { initialDelayMs: 1, maxDelayMs: 5 } } });
    const started = performance.now();
    for (let i = 0; i < 200; i++) assert.equal((await client.request({ method: 'GET', path: `/item/${i}` })).status, 200);
    const failures = server.count() - 200;
    assert.ok(failures > 40, `expected many upstream failures, saw ${failures}`);
    assert.equal(client.breakerState(), 'closed');
    t.diagnostic(`200 reads at 30% 5xx: ${server.count()} upstream calls, ${Math.round(performance.now() - started)} ms`);
    close();
  });

  void test('Retry-After: 1 on a 429 delays the next attempt by 1.0–1.25 s', async (t) => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.script({ status: 429, headers: { 'retry-after': '1' } }, { status: 200 });
    assert.equal((await client.request({ method: 'GET', path: '/x' })).status, 200);
    const [first, second] = server.requests;
    assert.ok(first && second);
    const gap = second.at - first.at;
    assert.ok(gap >= 1000 && gap <= 1250, `gap was ${gap.toFixed(1)} ms`);
    t.diagnostic(`Retry-After: 1 → next attempt after ${gap.toFixed(1)} ms`);
    close();
  });

  void test('Retry-After as an HTTP date is read against the injected clock', async () => {
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    const clocked = createResilientHttpClient({
      adapterName: 'cms', baseUrl: server.url, logger: silentLogger, resilience: testResilience(),
      clock: { now: () => Date.parse(date) - 300 },
    });
    server.script({ status: 503, headers: { 'retry-after': date } }, { status: 200 });
    assert.equal((await clocked.request({ method: 'GET', path: '/x' })).status, 200);
    const gap = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
    assert.ok(gap >= 300 && gap <= 400, `gap was ${gap.toFixed(1)} ms`);
    clocked.close();
  });

  void test('a Retry-After beyond the deadline is not waited for: 1 call, ADP_RATE_LIMITED with retryAfterSeconds', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { deadlineMs: 5_000 } });
    server.setDefault({ status: 429, headers: { 'retry-after': '30' } });
    const started = performance.now();
    const error = await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_RATE_LIMITED');
    assert.ok(performance.now() - started < 200);
    assert.equal(error.retryAfterSeconds, 30);
    assert.equal(server.count(), 1);
    close();
  });
});
