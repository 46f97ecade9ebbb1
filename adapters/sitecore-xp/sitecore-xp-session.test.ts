// The SSC session and status handling against a real HTTP server on loopback, through the real resilient client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import { createTestKit } from '../../src/http/test-support/test-kit.ts';
import { startScriptableServer, type RecordedRequest, type ScriptStep } from '../../src/http/test-support/scriptable-server.ts';
import { createSitecoreXpClient } from './sitecore-xp-client.ts';
import { sitecoreXpConfigSchema } from './sitecore-xp-config.ts';
import { itemFixture } from './test-support/load-fixture.ts';
import { recordingLogger } from './test-support/recording-logger.ts';

const PASSWORD = 'pw-never-leaks-42';
const home = itemFixture('ssc-item-plain.json');
const homeId = '3b7e2c10-5d4a-4f8e-9c21-0a1b2c3d4e5f';

type Route = (req: RecordedRequest) => ScriptStep | undefined;

async function setup(route: Route, cookieName = '.AspNet.Cookies') {
  const server = await startScriptableServer();
  let ticket = 0;
  const logins = (): number => server.requests.filter((r) => r.path === '/sitecore/api/ssc/auth/login').length;
  server.setDefault((req) => {
    if (req.path === '/sitecore/api/ssc/auth/login') {
      ticket += 1;
      return { status: 200, headers: { 'set-cookie': `${cookieName}=ticket-${ticket}; path=/; HttpOnly` }, body: '' };
    }
    return route(req) ?? { status: 404, body: 'The item was not found.' };
  });
  const logger = recordingLogger();
  const testKit = createTestKit({ name: 'main', baseUrl: server.url, logger });
  const config = sitecoreXpConfigSchema.parse({ url: server.url, credentials: { domain: 'sitecore', username: 'admin', password: PASSWORD } });
  const client = createSitecoreXpClient(config, testKit.kit);
  return {
    server, client, logger, logins,
    async close() { testKit.close(); await server.close(); },
  };
}

const itemRoute: Route = (req) => (req.path === `/sitecore/api/ssc/item/${homeId}` ? { status: 200, body: home } : undefined);

void test('login is lazy, its cookie is replayed, and concurrent callers share one login', async () => {
  const t = await setup(itemRoute);
  try {
    assert.equal(t.server.count(), 0, 'creating the client sends nothing');
    const items = await Promise.all(Array.from({ length: 8 }, () => t.client.getContent({ id: homeId })));
    assert.ok(items.every((i) => i?.id === homeId));
    assert.equal(t.logins(), 1);
    const login = t.server.requests[0];
    assert.deepEqual(JSON.parse(login?.body ?? '{}'), { domain: 'sitecore', username: 'admin', password: PASSWORD });
    const reads = t.server.requests.filter((r) => r.method === 'GET');
    assert.ok(reads.every((r) => r.headers['cookie'] === '.AspNet.Cookies=ticket-1'));
    assert.match(reads[0]?.query ?? '', /database=master/);
    assert.match(reads[0]?.query ?? '', /language=en/);
  } finally { await t.close(); }
});

void test('the .ASPXAUTH cookie of older instances works the same', async () => {
  const t = await setup(itemRoute, '.ASPXAUTH');
  try {
    assert.equal((await t.client.getContent({ id: homeId }))?.name, 'Careers');
    assert.equal(t.server.requests[1]?.headers['cookie'], '.ASPXAUTH=ticket-1');
  } finally { await t.close(); }
});

void test('an expired session (401) logs in again once and retries once', async () => {
  const t = await setup((req) => (req.headers['cookie'] === '.AspNet.Cookies=ticket-1' ? { status: 401, body: '' } : itemRoute(req)));
  try {
    assert.equal((await t.client.getContent({ id: homeId }))?.id, homeId);
    assert.equal(t.logins(), 2);
    assert.deepEqual(t.server.requests.map((r) => r.method), ['POST', 'GET', 'POST', 'GET']);
  } finally { await t.close(); }
});

void test('403 on data even after a new login is ADP_AUTH_FAILED, never null, with one re-login only', async () => {
  const t = await setup(() => ({ status: 403, body: '' }));
  try {
    await assert.rejects(t.client.getContent({ id: homeId }), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_AUTH_FAILED' && /even after logging in again/.test(e.message));
    assert.equal(t.logins(), 2);
  } finally { await t.close(); }
});

void test('bad credentials (403 on login) are ADP_AUTH_FAILED with an actionable hint; the password appears nowhere', async () => {
  const t = await setup(itemRoute);
  const refused = { status: 403, body: { Message: 'Authorization has been denied for this request.' } };
  t.server.script(refused, refused);
  try {
    const error = await t.client.getContent({ id: homeId }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ConduitError);
    assert.equal(error.code, 'ADP_AUTH_FAILED');
    assert.match(error.hint, /adapters\.main\.credentials/);
    assert.match(error.hint, /MAIN_PASSWORD/);
    assert.match(error.hint, /Sitecore\.Services\.SecurityPolicy/);
    assert.equal(t.logins(), 1, 'a refused login is not retried');
    const health = await t.client.health();
    assert.equal(health.ok, false);
    assert.equal(health.status, 'auth_failed');
    assert.equal(t.logins(), 2, 'the next call tries again rather than caching the failure');
    const everything = JSON.stringify([error.toJSON(), error.message, error.stack, health, t.logger.entries]);
    assert.equal(everything.includes(PASSWORD), false);
  } finally { await t.close(); }
});

void test('404 is null; 500 is ADP_UNAVAILABLE after retries; a malformed body is ADP_BAD_RESPONSE', async () => {
  const t = await setup((req) => {
    if (req.path.endsWith('/500')) return undefined;
    if (req.path === '/sitecore/api/ssc/item/00000000-0000-0000-0000-000000000500') return { status: 500, body: { Message: 'An error has occurred.' } };
    if (req.path === '/sitecore/api/ssc/item/00000000-0000-0000-0000-000000000001') return { status: 200, body: '<html>not json</html>' };
    if (req.path === '/sitecore/api/ssc/item/00000000-0000-0000-0000-000000000002') return { status: 200, body: { ItemName: 'no id' } };
    return undefined;
  });
  try {
    assert.equal(await t.client.getContent({ id: '00000000-0000-0000-0000-00000000ffff' }), null);
    await assert.rejects(t.client.getContent({ id: '00000000-0000-0000-0000-000000000500' }), { code: 'ADP_UNAVAILABLE' });
    assert.equal(t.server.requests.filter((r) => r.path.endsWith('000000000500')).length, 3, 'GETs are retried');
    await assert.rejects(t.client.getContent({ id: '00000000-0000-0000-0000-000000000001' }), { code: 'ADP_BAD_RESPONSE' });
    await assert.rejects(t.client.getContent({ id: '00000000-0000-0000-0000-000000000002' }), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_BAD_RESPONSE' && /ItemID/.test(e.message));
    await assert.rejects(t.client.getContent({ id: 'not-a-guid' }), { code: 'TOOL_INVALID_ARGS' });
  } finally { await t.close(); }
});

void test('create POSTs to the URL-encoded parent path, reads the id from Location, is not retried on 500', async () => {
  const newId = '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
  let failNext = true;
  const t = await setup((req) => {
    if (req.method === 'POST' && req.path === '/sitecore/api/ssc/item/sitecore%2Fcontent%2FHome%20Page') {
      if (failNext) { failNext = false; return { status: 500, body: { Message: 'An error has occurred.' } }; }
      return { status: 201, headers: { location: `http://cm.example.com/sitecore/api/ssc/item/${newId}?Database=master` }, body: '' };
    }
    if (req.path === `/sitecore/api/ssc/item/${newId}`) return { status: 200, body: { ...home, ItemID: newId, ItemName: 'Jobs' } };
    return undefined;
  });
  try {
    const input = { parent: { path: '/sitecore/content/Home Page' }, name: 'Jobs', type: '{76036F5E-CBCE-46D1-AF0A-4143F9B557AA}', fields: { Title: 'Jobs' } };
    await assert.rejects(t.client.write?.create(input) ?? Promise.reject(new Error('no write part')), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_UNAVAILABLE' && /template or the parent/.test(e.hint));
    assert.equal(t.server.requests.filter((r) => r.method === 'POST' && r.path.includes('Home%20Page')).length, 1);
    const created = await t.client.write?.create(input);
    assert.equal(created?.id, newId);
    const post = t.server.requests.filter((r) => r.method === 'POST' && r.path.includes('Home%20Page')).at(-1);
    assert.deepEqual(JSON.parse(post?.body ?? '{}'), { Title: 'Jobs', ItemName: 'Jobs', TemplateID: '76036f5e-cbce-46d1-af0a-4143f9b557aa' });
    assert.match(post?.query ?? '', /database=master/);
  } finally { await t.close(); }
});

void test('health: reachable, with the version from sitecore.version.xml when the CM serves it', async () => {
  const xml = '<?xml version="1.0" encoding="utf-8"?>\n<information>\n  <version>\n    <major>10</major>\n    <minor>3</minor>\n    <build>1</build>\n    <revision>008463</revision>\n  </version>\n  <date>March 9, 2023</date>\n  <title>Sitecore.NET</title>\n  <company>Sitecore Corporation</company>\n</information>';
  const t = await setup((req) => {
    if (req.path === '/sitecore/api/ssc/item/') return { status: 200, body: home };
    if (req.path === '/sitecore/shell/sitecore.version.xml') return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml };
    return undefined;
  });
  try {
    const health = await t.client.health();
    assert.equal(health.ok, true);
    assert.equal(health.status, 'reachable');
    assert.equal(health.version, 'Sitecore 10.3.1 rev. 008463');
    assert.equal(typeof health.latencyMs, 'number');
    const rootRead = t.server.requests.find((r) => r.path === '/sitecore/api/ssc/item/');
    assert.match(decodeURIComponent(rootRead?.query ?? ''), /path=\/sitecore\/content/);
  } finally { await t.close(); }
});

void test('health: a missing or unreadable root is degraded, not an error', async () => {
  const t = await setup(() => undefined);
  try {
    const health = await t.client.health();
    assert.equal(health.ok, false);
    assert.equal(health.status, 'degraded');
    assert.equal(health.version, undefined);
  } finally { await t.close(); }
});
