import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '../core/ports.ts';
import { Metrics } from '../ops/metrics.ts';
import { createResilientHttpClient } from './resilient-http-client.ts';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { startScriptableServer, type ScriptableServer } from './test-support/scriptable-server.ts';
import { createTestKit, testResilience } from './test-support/test-kit.ts';

void describe('resilient HTTP client: requests, responses and errors', () => {
  let server: ScriptableServer;
  before(async () => { server = await startScriptableServer(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  void test('joins the base path, sends the query, JSON bodies with content-type, and default headers', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: `${server.url}/sitecore/api/`, defaultHeaders: { accept: 'application/json', 'x-app': 'conduit' } });
    await client.request({ method: 'POST', path: '/ssc/auth/login', query: { a: 1, b: true, skip: undefined }, body: { user: 'u' }, headers: { 'x-app': 'override' } });
    await client.request({ method: 'PUT', path: 'item/1', body: 'raw text', headers: { 'content-type': 'text/plain' } });
    const [login, put] = server.requests;
    assert.equal(login?.path, '/sitecore/api/ssc/auth/login');
    assert.equal(login?.query, '?a=1&b=true');
    assert.equal(login?.body, '{"user":"u"}');
    assert.equal(login?.headers['content-type'], 'application/json');
    assert.equal(login?.headers['accept'], 'application/json');
    assert.equal(login?.headers['x-app'], 'override');
    assert.equal(put?.path, '/sitecore/api/item/1');
    assert.equal(put?.body, 'raw text');
    assert.equal(put?.headers['content-type'], 'text/plain');
    close();
  });

  void test('connections are kept alive and reused', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    for (let i = 0; i < 10; i++) await client.request({ method: 'GET', path: '/x' });
    assert.ok(server.requests.every((r) => r.headers['connection'] === 'keep-alive'));
    // undici may open a second socket while the first is being handed back to its pool; never one per request.
    const connections = new Set(server.requests.map((r) => r.remotePort)).size;
    assert.ok(connections <= 2, `${connections} connections for 10 sequential requests`);
    close();
  });

  void test('maps statuses to ConduitErrors; acceptStatus returns them instead', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 1 } });
    const cases = [[401, 'ADP_AUTH_FAILED'], [403, 'ADP_AUTH_FAILED'], [404, 'ADP_NOT_FOUND'], [409, 'ADP_REQUEST_REJECTED'],
      [429, 'ADP_RATE_LIMITED'], [500, 'ADP_UNAVAILABLE'], [503, 'ADP_UNAVAILABLE'], [304, 'ADP_BAD_RESPONSE']] as const;
    for (const [status, code] of cases) {
      server.setDefault({ status, headers: status === 429 ? { 'retry-after': '7' } : {} });
      const error = await expectConduitError(client.request({ method: 'GET', path: '/thing' }), code);
      assert.equal(error.details?.['status'], status);
      if (status === 429) assert.equal(error.retryAfterSeconds, 7);
    }
    server.setDefault({ status: 404, body: { missing: true } });
    const res = await client.request({ method: 'GET', path: '/thing', acceptStatus: [404] });
    assert.equal(res.status, 404);
    assert.deepEqual(res.json(), { missing: true });
    close();
  });

  void test('json() throws ADP_BAD_RESPONSE on a malformed body, without quoting it', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.setDefault({ status: 200, body: '<html>secret-session-token</html>' });
    const res = await client.request({ method: 'GET', path: '/item' });
    assert.equal(res.text, '<html>secret-session-token</html>');
    const error = await expectConduitError(Promise.resolve().then(() => res.json()), 'ADP_BAD_RESPONSE');
    assert.match(error.message, /Adapter "cms": GET \/item/);
    assert.doesNotMatch(JSON.stringify(error.toJSON()), /secret-session-token/);
    close();
  });

  void test('error messages name adapter, method and path, never query values, headers or bodies', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, resilience: { maxAttempts: 1 } });
    server.setDefault({ status: 401, body: 'password=hunter2' });
    const error = await expectConduitError(client.request({
      method: 'POST', path: '/auth', query: { sc_apikey: 'KEY-123' }, headers: { authorization: 'Bearer TOKEN-456', cookie: 'a=COOKIE-789' }, body: { password: 'hunter2' },
    }), 'ADP_AUTH_FAILED');
    assert.match(error.message, /^Adapter "cms": POST \/auth /);
    const shown = JSON.stringify(error.toJSON());
    for (const secret of ['KEY-123', 'TOKEN-456', 'COOKIE-789', 'hunter2']) assert.ok(!shown.includes(secret), `${secret} leaked`);
    close();
  });

  void test('an unreachable CMS is ADP_UNAVAILABLE naming the network error', async () => {
    const gone = await startScriptableServer();
    const url = gone.url;
    await gone.close();
    const { client, close } = createTestKit({ name: 'cms', baseUrl: url, resilience: { maxAttempts: 2 } });
    const error = await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.match(error.message, /ECONNREFUSED/);
    close();
  });

  void test('refuses a body on GET and absolute URLs outside the CMS origin, sending nothing', async () => {
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    await expectConduitError(client.request({ method: 'GET', path: '/x', body: { a: 1 } }), 'INTERNAL');
    await expectConduitError(client.request({ method: 'GET', path: 'http://127.0.0.2:9/steal' }), 'INTERNAL');
    const res = await client.request({ method: 'GET', path: `${server.url}/same-origin?page=2` });
    assert.equal(res.status, 200);
    assert.equal(server.count(), 1);
    assert.equal(server.requests[0]?.query, '?page=2');
    close();
  });

  void test('lastSuccessAt follows the injected clock on 2xx and accepted statuses only', async () => {
    let now = 1_000;
    const client = createResilientHttpClient({
      adapterName: 'cms', baseUrl: server.url, logger: silentLogger, resilience: testResilience({ maxAttempts: 1 }), clock: { now: () => now },
    });
    assert.equal(client.lastSuccessAt(), undefined);
    await client.request({ method: 'GET', path: '/x' });
    assert.equal(client.lastSuccessAt(), 1_000);
    now = 2_000;
    server.setDefault({ status: 500 });
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_UNAVAILABLE');
    assert.equal(client.lastSuccessAt(), 1_000);
    await client.request({ method: 'GET', path: '/x', acceptStatus: [500] });
    assert.equal(client.lastSuccessAt(), 2_000);
    client.close();
  });

  void test('metrics: attempts, retries and errors by kind', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const { client, close } = createTestKit({ name: 'cms', baseUrl: server.url, metrics });
    server.script({ status: 502 }, { status: 200 }, { status: 404 });
    await client.request({ method: 'GET', path: '/x' });
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'ADP_NOT_FOUND');
    const text = (await metrics.render()).body;
    assert.match(text, /conduit_adapter_requests_total\{adapter="cms"\} 3/);
    assert.match(text, /conduit_adapter_retries_total\{adapter="cms"\} 1/);
    assert.match(text, /conduit_adapter_errors_total\{adapter="cms",kind="ADP_NOT_FOUND"\} 1/);
    assert.match(text, /conduit_breaker_state\{adapter="cms"\} 0/);
    close();
  });

  void test('close() aborts in-flight requests and refuses new ones', async () => {
    const { client, kit, close } = createTestKit({ name: 'cms', baseUrl: server.url });
    server.setDefault({ hang: true });
    const pending = client.request({ method: 'GET', path: '/x' });
    await sleep(30);
    close();
    await expectConduitError(pending, 'SHUTTING_DOWN');
    await expectConduitError(client.request({ method: 'GET', path: '/x' }), 'SHUTTING_DOWN');
    assert.equal(kit.signal.aborted, true);
    assert.equal(server.count(), 1);
  });

  void test('an invalid base URL is a config error naming the key', () => {
    assert.throws(() => createResilientHttpClient({ adapterName: 'main', baseUrl: 'not a url', logger: silentLogger, resilience: testResilience() }),
      (e: unknown) => e instanceof Error && 'code' in e && e.code === 'CFG_INVALID_VALUE' && /adapters\.main\.url/.test(e.message));
  });
});
