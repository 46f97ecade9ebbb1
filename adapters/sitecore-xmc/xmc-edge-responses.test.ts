import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Kind, parse, visit } from 'graphql';
import { z } from 'zod';
import { ConduitError, type Logger } from '../../src/adapter-kit/index.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { expectConduitError } from '../../src/http/test-support/expect-conduit-error.ts';
import { startScriptableServer, type ScriptableServer } from '../../src/http/test-support/scriptable-server.ts';
import { createTestKit, type TestKit } from '../../src/http/test-support/test-kit.ts';
import { startXmcHarness } from './test-support/xmc-harness.ts';
import { createXmcClient, type XmcClient } from './xmc-client.ts';
import { xmcConfigSchema } from './xmc-config.ts';

const KEY = 'edge-delivery-token-123';
const fixture = (name: string): object => z.object({}).loose().parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
const requestBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()) });

/** Edge answers recorded in the vendor's shapes, replayed by a scriptable server over real HTTP. */
void describe('sitecore-xmc: Edge response handling', () => {
  let server: ScriptableServer;
  let testKit: TestKit;
  let client: XmcClient;
  const warnings: object[] = [];
  const logger: Logger = { ...silentLogger, warn: (obj) => { warnings.push(obj); }, child: () => logger };

  before(async () => {
    server = await startScriptableServer();
    testKit = createTestKit({ name: 'xmc', baseUrl: server.url, logger });
    client = createXmcClient(xmcConfigSchema.parse({ url: server.url, credentials: { apiKey: KEY } }), testKit.kit);
  });
  after(async () => { testKit.close(); await server.close(); });
  beforeEach(() => { server.reset(); warnings.length = 0; });

  void test('requests are POST JSON to /api/graphql/v1 with sc_apikey, every argument a variable', async () => {
    server.script({ status: 200, body: fixture('edge-item.json') });
    await client.getContent({ path: '/sitecore/content/Acme/Home/Careers' });
    const [req] = server.requests;
    assert.ok(req);
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/api/graphql/v1');
    assert.equal(req.headers['sc_apikey'], KEY);
    const body = requestBody.parse(JSON.parse(req.body));
    assert.deepEqual(body.variables, { path: '/sitecore/content/Acme/Home/Careers', language: 'en', ownFields: false, withJson: false });
    const literals: string[] = [];
    visit(parse(body.query), { Argument(node) { if (node.value.kind !== Kind.VARIABLE) literals.push(node.name.value); } });
    assert.deepEqual(literals, [], 'literals mixed with variables trip a known Edge schema bug');
  });

  void test('HTTP 429 with X-Rate-Limit headers is retried (GraphQL reads are idempotent)', async () => {
    server.script(
      { status: 429, headers: { 'X-Rate-Limit-Limit': '80', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '1' }, body: { errors: [{ message: 'Too many requests' }] } },
      { status: 200, body: fixture('edge-item.json') },
    );
    const item = await client.getContent({ path: '/sitecore/content/Acme/Home/Careers' });
    assert.equal(item?.name, 'Careers');
    assert.equal(server.count(), 2);
  });

  void test('429 until retries run out is ADP_RATE_LIMITED', async () => {
    server.setDefault({ status: 429, headers: { 'X-Rate-Limit-Limit': '80', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '1' } });
    try {
      await expectConduitError(client.getContent({ path: '/x' }), 'ADP_RATE_LIMITED');
      assert.equal(server.count(), 3);
    } finally {
      server.setDefault({ status: 200, body: {} });
    }
  });

  void test('errors[] with no data on HTTP 200 is ADP_REQUEST_REJECTED and is not retried', async () => {
    server.script({ status: 200, body: fixture('edge-errors.json') });
    const error = await expectConduitError(client.getContent({ path: '/x' }), 'ADP_REQUEST_REJECTED');
    assert.match(error.message, /Cannot query field "created"/);
    assert.equal(server.count(), 1);
  });

  void test("Edge's first > 1000 error nulls the search: ADP_REQUEST_REJECTED with a pageSize hint", async () => {
    server.script({ status: 200, body: fixture('edge-first-too-large.json') });
    const search = client.search;
    assert.ok(search);
    const error = await expectConduitError(search.search({ under: { id: '0de95ae4-41ab-4d01-9eb0-67441b7c2450' } }), 'ADP_REQUEST_REJECTED');
    assert.match(error.hint, /pageSize/);
  });

  void test('partial data next to errors[] is kept, and the errors are logged', async () => {
    server.script({ status: 200, body: fixture('edge-partial.json') });
    const item = await client.getContent({ path: '/sitecore/content/Acme/Home/Careers' });
    assert.equal(item?.fields['Title'], 'Careers');
    assert.equal(warnings.length, 1);
    assert.match(JSON.stringify(warnings[0]), /jsonValue/);
  });

  void test('HTTP 401 and 403 are ADP_AUTH_FAILED naming credentials.apiKey, without retries', async () => {
    for (const status of [401, 403]) {
      server.reset();
      server.script({ status, body: { errors: [{ message: 'Unauthorized' }] } });
      const error = await expectConduitError(client.getContent({ path: '/x' }), 'ADP_AUTH_FAILED');
      assert.match(error.hint, /adapters\.xmc\.credentials\.apiKey/);
      assert.equal(server.count(), 1);
    }
  });

  void test('a body that is not a GraphQL response is ADP_BAD_RESPONSE', async () => {
    server.script({ status: 200, body: { data: 'not an object' } });
    await expectConduitError(client.getContent({ path: '/x' }), 'ADP_BAD_RESPONSE');
    server.script({ status: 200, body: { data: { item: { id: 'not-a-guid', name: 'x' } } } });
    await expectConduitError(client.getContent({ path: '/x' }), 'ADP_BAD_RESPONSE');
  });
});

void describe('sitecore-xmc against the simulator\'s Edge rate limit', () => {
  void test('over the per-second budget the simulator answers 429 and the client reports ADP_RATE_LIMITED', async () => {
    // A frozen window clock: the budget cannot refill between retries, so the outcome is deterministic.
    const h = await startXmcHarness({ rateLimitPerSecond: 2, now: () => 1_000_000 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => h.client.getContent({ path: '/sitecore/content/Home' })));
      assert.ok(results.some((r) => r.status === 'fulfilled'));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
      const codes = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof ConduitError ? [r.reason.code] : []));
      assert.deepEqual(codes, ['ADP_RATE_LIMITED', 'ADP_RATE_LIMITED']);
      assert.equal(h.server.statuses()[429], 6, 'two calls × three attempts');
    } finally { await h.close(); }
  });
});
