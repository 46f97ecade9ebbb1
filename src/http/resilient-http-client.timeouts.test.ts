import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { startScriptableServer, type ScriptableServer } from './test-support/scriptable-server.ts';
import { createTestKit } from './test-support/test-kit.ts';

void describe('resilient HTTP client: timeouts and deadlines', () => {
  let server: ScriptableServer;
  before(async () => { server = await startScriptableServer(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  void test('a hanging upstream fails within timeout + 100 ms with ADP_TIMEOUT, and the socket is closed', async (t) => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { timeoutMs: 200, maxAttempts: 1 } });
    server.setDefault({ hang: true });
    const started = performance.now();
    await expectConduitError(client.request({ method: 'GET', path: '/slow' }), 'ADP_TIMEOUT');
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 195 && elapsed < 300, `failed after ${elapsed.toFixed(1)} ms`);
    for (let waited = 0; server.requests[0]?.abandonedAt === undefined && waited < 1000; waited += 10) await sleep(10);
    const abandonedAt = server.requests[0]?.abandonedAt;
    assert.ok(abandonedAt !== undefined, 'the server never saw the connection close');
    assert.ok(abandonedAt - (server.requests[0]?.at ?? 0) < 300, 'the socket stayed open past the timeout');
    t.diagnostic(`hang with timeoutMs 200 failed after ${elapsed.toFixed(1)} ms`);
    close();
  });

  void test('a body that stalls after the headers also times out', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { timeoutMs: 150, maxAttempts: 1 } });
    server.setDefault({ status: 200, body: { a: 'x'.repeat(1000) }, stallBody: true });
    const started = performance.now();
    await expectConduitError(client.request({ method: 'GET', path: '/half' }), 'ADP_TIMEOUT');
    assert.ok(performance.now() - started < 250);
    close();
  });

  void test('timeouts are retried until the overall deadline, which ends the request on time', async (t) => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { timeoutMs: 150, deadlineMs: 400, maxAttempts: 5 } });
    server.setDefault({ hang: true });
    const started = performance.now();
    const error = await expectConduitError(client.request({ method: 'GET', path: '/slow' }), 'ADP_TIMEOUT');
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 395 && elapsed < 500, `failed after ${elapsed.toFixed(1)} ms`);
    assert.equal(server.count(), 3, 'two full attempts of 150 ms and one cut by the deadline');
    assert.match(error.message, /deadline/);
    t.diagnostic(`deadline 400 ms with 150 ms attempts failed after ${elapsed.toFixed(1)} ms, ${server.count()} attempts`);
    close();
  });

  void test('a backoff longer than the remaining deadline is cut short by the deadline', async () => {
    const { client, close } = createTestKit({
      name: 'cms', baseUrl: server.url, resilience: { deadlineMs: 300, maxAttempts: 3, backoff: { initialDelayMs: 5_000, maxDelayMs: 5_000 } },
    });
    server.setDefault({ status: 503 });
    const started = performance.now();
    const error = await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_TIMEOUT');
    assert.ok(performance.now() - started < 400);
    assert.equal(error.details?.['lastCode'], 'ADP_UNAVAILABLE');
    close();
  });

  void test("the caller's signal aborts the request at once, closes the socket and stops retries", async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { timeoutMs: 5_000 } });
    server.setDefault({ hang: true });
    const caller = new AbortController();
    // A path of its own: a straggling retry from an earlier test on the shared server must not count here.
    const pending = client.request({ method: 'GET', path: '/caller-abort', signal: caller.signal });
    await sleep(50);
    const started = performance.now();
    caller.abort();
    await expectConduitError(pending, 'SHUTTING_DOWN');
    assert.ok(performance.now() - started < 20);
    const mine = (): typeof server.requests => server.requests.filter((r) => r.path === '/caller-abort');
    for (let waited = 0; mine()[0]?.abandonedAt === undefined && waited < 1000; waited += 10) await sleep(10);
    assert.equal(mine().length, 1);
    assert.ok(mine()[0]?.abandonedAt !== undefined, 'the server never saw the connection close');
    close();
  });
});
