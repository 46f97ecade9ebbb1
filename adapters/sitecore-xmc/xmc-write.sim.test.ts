// The write part against the Sitecore simulator over real HTTP: token caching, refresh before
// expiry, refresh once when the API refuses a token, a bad client secret, and read-only mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import { capabilitiesOf } from '../../src/adapter-kit/adapter-types.ts';
import { startXmcSimulatorHarness, type XmcSimulatorHarness } from './test-support/xmc-simulator-harness.ts';

const AUTHORING_ROUTES = '^/sitecore/api/authoring/';

async function withHarness(options: Parameters<typeof startXmcSimulatorHarness>[0], body: (h: XmcSimulatorHarness) => Promise<void>): Promise<void> {
  const h = await startXmcSimulatorHarness({ sim: { items: 650 }, ...options });
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

function writer(h: XmcSimulatorHarness): NonNullable<XmcSimulatorHarness['client']['write']> {
  return h.client.write ?? assert.fail('no write part');
}

const tokenRequests = (h: XmcSimulatorHarness): number => h.sim.stats().byRoute['authoring-token'] ?? 0;
const retitle = (h: XmcSimulatorHarness, title: string) => writer(h).update({ ref: { path: '/sitecore/content/Home' }, fields: { Title: title } });

void test('without authoring credentials the adapter is read-only: no write part, no write capability', async () => {
  await withHarness({}, async (h) => {
    assert.equal(h.client.write, undefined);
    assert.ok(!capabilitiesOf(h.client).includes('write'));
  });
});

void test('the token is fetched once, reused, and refreshed before it expires', async () => {
  let now = 1_000_000;
  await withHarness({ authoring: true, clock: { now: () => now } }, async (h) => {
    assert.ok(capabilitiesOf(h.client).includes('write'));
    assert.equal((await retitle(h, 'one')).fields['Title'], 'one');
    assert.equal((await retitle(h, 'two')).fields['Title'], 'two');
    assert.equal(tokenRequests(h), 1);
    const home = h.sim.tree.getByPath('/sitecore/content/Home') ?? assert.fail('no Home');
    assert.equal(h.sim.tree.fieldValue(home, 'Title', 'en'), 'two', 'the write reached the shared tree');
    now += 24 * 60 * 60 * 1000 - 59_000; // inside the last minute of the 24 h token
    await retitle(h, 'three');
    assert.equal(tokenRequests(h), 2, 'refreshed ahead of expiry');
  });
});

void test('a token the API no longer accepts (expired server-side) is replaced once and the write goes through', async () => {
  await withHarness({ authoring: true, sim: { items: 650, authoringTokenTtlSeconds: 1 }, clock: { now: () => 0 } }, async (h) => {
    await retitle(h, 'before');
    await sleep(1_100);
    h.sim.resetStats();
    assert.equal((await retitle(h, 'after')).fields['Title'], 'after');
    assert.equal(tokenRequests(h), 1, 'one new token');
  });
});

void test('HTTP 401 from the authoring endpoint: one refresh and retry; refused again is ADP_AUTH_FAILED', async () => {
  await withHarness({ authoring: true }, async (h) => {
    await retitle(h, 'warm');
    h.sim.setFaults({ routes: AUTHORING_ROUTES, script: [401] });
    await retitle(h, 'retried');
    assert.equal(tokenRequests(h), 2);
    h.sim.setFaults({ routes: AUTHORING_ROUTES, script: [401, 401] });
    await assert.rejects(retitle(h, 'refused'), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_AUTH_FAILED' && /authoring\.clientSecret/.test(e.hint));
  });
});

void test('a wrong client secret is ADP_AUTH_FAILED with a hint naming the keys, and the secret is not in it', async () => {
  const secret = 'definitely-the-wrong-secret';
  await withHarness({ authoring: { clientSecret: secret } }, async (h) => {
    const error = await retitle(h, 'x').then(() => assert.fail('written'), (e: unknown) => e);
    assert.ok(error instanceof ConduitError);
    assert.equal(error.code, 'ADP_AUTH_FAILED');
    assert.match(error.hint, /adapters\.xmc\.authoring\.clientId/);
    assert.ok(!JSON.stringify({ m: error.message, h: error.hint, d: error.details }).includes(secret));
    assert.equal(h.sim.stats().byRoute['authoring-graphql'], undefined, 'nothing was sent to the authoring endpoint');
  });
});

void test('writes: unknown parent or item is ADP_NOT_FOUND; a template path relative to /sitecore/templates works', async () => {
  await withHarness({ authoring: true }, async (h) => {
    const write = writer(h);
    const created = await write.create({ parent: { path: '/sitecore/content/Home' }, name: 'Relative Template', type: 'Sample/Sample Item', fields: { Title: 't' } });
    assert.equal(created.type.name, 'Sample Item');
    assert.equal(created.path, '/sitecore/content/Home/Relative Template');
    const isNotFound = (e: unknown): boolean => e instanceof ConduitError && e.code === 'ADP_NOT_FOUND';
    await assert.rejects(write.create({ parent: { path: '/sitecore/content/Nowhere' }, name: 'x', type: 'Sample/Sample Item', fields: {} }), isNotFound);
    await assert.rejects(write.update({ ref: { path: '/sitecore/content/Nowhere' }, fields: { Title: 'x' } }), isNotFound);
    await assert.rejects(write.create({ parent: { path: '/sitecore/content/Home' }, name: 'x', type: 'No/Such Template', fields: {} }), isNotFound);
    await assert.rejects(write.create({ parent: { path: '/sitecore/content/Home' }, name: 'bad/name?', type: 'Sample/Sample Item', fields: {} }),
      (e: unknown) => e instanceof ConduitError && e.code === 'ADP_REQUEST_REJECTED');
    await write.delete({ id: created.id });
    assert.equal(h.sim.tree.getByPath('/sitecore/content/Home/Relative Template'), undefined);
  });
});
