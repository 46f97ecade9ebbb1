import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConduitError } from '../core/conduit-error.ts';
import type { Logger } from '../core/ports.ts';
import { Metrics } from '../ops/metrics.ts';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { startScriptableServer, type ScriptableServer } from './test-support/scriptable-server.ts';
import { createTestKit } from './test-support/test-kit.ts';

const HALF_OPEN_MS = 150;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface LogEntry { level: string; obj: object; msg: string | undefined }
function recordingLogger(entries: LogEntry[]): Logger {
  const at = (level: string) => (obj: object, msg?: string): void => { entries.push({ level, obj, msg }); };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}
const breakerSettings = { consecutiveFailures: 3, failureRateThreshold: 0.5, windowMs: 30_000, minimumCalls: 20, halfOpenAfterMs: HALF_OPEN_MS };

void describe('resilient HTTP client: circuit breaker', () => {
  let server: ScriptableServer;
  before(async () => { server = await startScriptableServer(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  void test('opens after N consecutive failures, fails fast without sending, one probe closes it', async (t) => {
    const metrics = new Metrics({ defaultMetrics: false });
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, metrics, resilience: { maxAttempts: 1, breaker: breakerSettings } });
    server.setDefault({ status: 503 });
    for (let i = 0; i < 3; i++) await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.equal(client.breakerState(), 'open');
    assert.equal((await metrics.breakerState.get()).values[0]?.value, 2);

    // Median of 20 tries: the property is "fails in < 5 ms"; one preemption by a busy CI host is not a regression.
    const sentBefore = server.count();
    const timings: number[] = [];
    let error: ConduitError | undefined;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      error = await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_CIRCUIT_OPEN');
      timings.push(performance.now() - started);
    }
    const failFastMs = median(timings);
    assert.ok(failFastMs < 5, `open circuit took ${failFastMs.toFixed(2)} ms (median)`);
    assert.equal(server.count(), sentBefore, 'an open circuit sent a request');
    assert.ok(error?.retryAfterSeconds !== undefined && error.retryAfterSeconds >= 1);
    assert.match(error.message, /Adapter "cms": GET \/x/);
    t.diagnostic(`open circuit answered in ${failFastMs.toFixed(3)} ms (median of 20, max ${Math.max(...timings).toFixed(3)} ms)`);

    server.setDefault({ status: 200 });
    await sleep(HALF_OPEN_MS + 10);
    assert.equal((await client.request({ method: 'GET', path: '/x' })).status, 200);
    assert.equal(server.count(), sentBefore + 1, 'the probe is exactly one request');
    assert.equal(client.breakerState(), 'closed');
    assert.equal((await metrics.breakerState.get()).values[0]?.value, 0);
    close();
  });

  void test('policy events are logged: retries (debug), breaker open (warn), half-open (debug), closed (info)', async () => {
    const entries: LogEntry[] = [];
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, logger: recordingLogger(entries), resilience: { maxAttempts: 3, breaker: breakerSettings } });
    server.setDefault({ status: 503 });
    await expectConduitError(client.request({ method: 'GET', path: '/x', query: { secret: 'S3CRET' } }), 'ADP_UNAVAILABLE');
    server.setDefault({ status: 200 });
    await sleep(HALF_OPEN_MS + 10);
    await client.request({ method: 'GET', path: '/x' });
    const seen = entries.map((e) => `${e.level}:${e.msg ?? ''}`);
    assert.equal(seen.filter((m) => m === 'debug:retrying upstream request').length, 2);
    for (const expected of ['warn:circuit breaker opened: calls to this CMS fail fast until a probe succeeds',
      'debug:circuit breaker half-open: sending one probe', 'info:circuit breaker closed: the CMS answers again', 'debug:upstream request failed']) {
      assert.ok(seen.includes(expected), `missing log ${expected}`);
    }
    assert.ok(entries.every((e) => 'adapter' in e.obj && e.obj.adapter === 'cms'));
    assert.ok(!JSON.stringify(entries).includes('S3CRET'), 'a query value was logged');
    close();
  });

  void test('a failed probe opens it again', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 1, breaker: breakerSettings } });
    server.setDefault({ status: 500 });
    for (let i = 0; i < 3; i++) await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    await sleep(HALF_OPEN_MS + 10);
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.equal(client.breakerState(), 'open');
    const sent = server.count();
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_CIRCUIT_OPEN');
    assert.equal(server.count(), sent);
    close();
  });

  void test('retried attempts count: one request failing 3 times opens a breaker of 3', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 3, breaker: breakerSettings } });
    server.setDefault({ status: 502 });
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.equal(server.count(), 3);
    assert.equal(client.breakerState(), 'open');
    close();
  });

  void test('404s and other 4xx answers are not upstream failures: the breaker stays closed', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 1, breaker: breakerSettings } });
    server.setDefault((_req, i) => ({ status: [404, 400, 401, 409][i % 4] ?? 404 }));
    for (let i = 0; i < 20; i++) await assert.rejects(client.request({ method: 'GET', path: '/x' }));
    assert.equal(client.breakerState(), 'closed');
    assert.equal(server.count(), 20);
    close();
  });

  void test('a high failure rate opens it even without N consecutive failures (sampling breaker)', async () => {
    const settings = { ...breakerSettings, consecutiveFailures: 100, failureRateThreshold: 0.5, windowMs: 2_000, minimumCalls: 10 };
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 1, breaker: settings } });
    // fail, fail, ok: 2/3 failures, never more than 2 in a row.
    server.setDefault((_req, i) => ({ status: i % 3 === 2 ? 200 : 503 }));
    let calls = 0;
    while (client.breakerState() === 'closed' && calls < 40) {
      calls++;
      await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => assert.ok(e instanceof ConduitError));
    }
    assert.equal(client.breakerState(), 'open');
    assert.ok(calls >= 10, `opened after ${calls} calls, before minimumCalls`);
    close();
  });
});
