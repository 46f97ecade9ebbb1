import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError } from '../../../../src/adapter-kit/index.ts';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { startSitecoreSimulator } from '../sitecore-simulator.ts';
import { asRecord, sscClient } from '../test-support/ssc-test-client.ts';

const HOME = `/sitecore/api/ssc/item/${ITEM_IDS.home}`;

void test('latencyMs delays answers', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    const ssc = await sscClient(sim.url);
    sim.setFaults({ latencyMs: 120 });
    const started = performance.now();
    assert.equal((await ssc.get(HOME)).status, 200);
    assert.ok(performance.now() - started >= 110);
  } finally {
    await sim.close();
  }
});

void test('errorRate answers errorStatus: 500 with the Web API body, 503 from the front end', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    const ssc = await sscClient(sim.url);
    sim.setFaults({ errorRate: 1, errorStatus: 500 });
    let res = await ssc.get(HOME);
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { Message: 'An error has occurred.' });
    sim.setFaults({ errorRate: 1 });
    res = await ssc.get(HOME);
    assert.equal(res.status, 503);
    await res.text();
    sim.setFaults({ errorRate: 0.5 });
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => { const r = await ssc.get(HOME); await r.text(); return r.status; }));
    assert.ok(statuses.includes(200) && statuses.includes(503), statuses.join(','));
  } finally {
    await sim.close();
  }
});

void test('over rateLimitPerSecond: 429 with Retry-After', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    const ssc = await sscClient(sim.url);
    sim.setFaults({ rateLimitPerSecond: 3, retryAfterSeconds: 2 });
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await ssc.get(HOME));
    assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 429, 429]);
    assert.equal(responses[3]?.headers.get('retry-after'), '2');
  } finally {
    await sim.close();
  }
});

void test('hangRate: the request is never answered (the client times out), and close() still returns', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  const ssc = await sscClient(sim.url);
  sim.setFaults({ hangRate: 1 });
  await assert.rejects(fetch(`${sim.url}${HOME}`, { headers: { cookie: ssc.cookie }, signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
  await sim.close();
});

void test('dieAfterRequests: after N requests the listener and sockets close', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  const ssc = await sscClient(sim.url);
  sim.setFaults({ dieAfterRequests: 2 });
  assert.equal((await ssc.get(HOME)).status, 200);
  assert.equal((await ssc.get(HOME)).status, 200);
  await assert.rejects(ssc.get(HOME), TypeError);
  await assert.rejects(fetch(`${sim.url}${HOME}`, { signal: AbortSignal.timeout(1000) }), TypeError);
  await sim.close();
  // A new process on the same port with the same tree carries on (crash-and-resume tests).
  const port = Number(new URL(sim.url).port);
  const again = await startSitecoreSimulator({ port, tree: sim.tree, groundTruth: sim.groundTruth() });
  try {
    assert.equal((await (await sscClient(again.url)).get(HOME)).status, 200);
  } finally {
    await again.close();
  }
});

void test('script answers the listed statuses first, then behaves normally; routes limits faults to matching paths', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    const ssc = await sscClient(sim.url);
    sim.setFaults({ script: [503, 429, 500], routes: '/children$' });
    assert.equal((await ssc.get(HOME)).status, 200, 'not a children path');
    const statuses = [];
    for (let i = 0; i < 4; i++) { const r = await ssc.get(`${HOME}/children`); await r.text(); statuses.push(r.status); }
    assert.deepEqual(statuses, [503, 429, 500, 200]);
  } finally {
    await sim.close();
  }
});

void test('faults and stats over /_sim/*: set, read, reset; admin traffic is not counted or faulted', async () => {
  const sim = await startSitecoreSimulator({ items: 800, faults: { errorRate: 1 } });
  try {
    const post = (path: string, body?: unknown): Promise<Response> => fetch(`${sim.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    assert.equal((await post('/_sim/faults', {})).status, 204);
    const ssc = await sscClient(sim.url);
    await ssc.get(HOME);
    await ssc.get(`${HOME}/children`);
    await ssc.get(`${HOME}/children`);
    await ssc.get('/sitecore/api/ssc/nothing-here');
    const stats = asRecord(await (await fetch(`${sim.url}/_sim/stats`)).json());
    assert.equal(stats['total'], 5);
    assert.deepEqual(stats['byRoute'], { login: 1, item: 1, children: 2, unmatched: 1 });
    assert.deepEqual(stats['childrenFetches'], { [ITEM_IDS.home]: 2 });
    assert.equal((await post('/_sim/stats/reset')).status, 204);
    assert.equal(sim.stats().total, 0);
    assert.equal((await post('/_sim/faults', { errorRate: 2 })).status, 400);
    assert.equal((await post('/_sim/faults', { routes: '(' })).status, 400);
    assert.equal((await post('/_sim/faults', { script: [429] })).status, 204);
    assert.deepEqual(asRecord(await (await fetch(`${sim.url}/_sim/faults`)).json())['script'], [429]);
    assert.equal((await ssc.get(HOME)).status, 429);
    const truth = asRecord(await (await fetch(`${sim.url}/_sim/ground-truth`)).json());
    assert.deepEqual(truth['counts'], sim.groundTruth().counts);
  } finally {
    await sim.close();
  }
});

void test('invalid options and faults are ConduitErrors', async () => {
  await assert.rejects(startSitecoreSimulator({ items: -5 }), (e: unknown) => e instanceof ConduitError && e.code === 'CFG_INVALID_VALUE');
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    assert.throws(() => sim.setFaults({ routes: '[' }), (e: unknown) => e instanceof ConduitError && e.code === 'CFG_INVALID_VALUE');
    const port = Number(new URL(sim.url).port);
    await assert.rejects(startSitecoreSimulator({ items: 800, port }), (e: unknown) => e instanceof ConduitError && e.code === 'HTTP_LISTEN_FAILED');
  } finally {
    await sim.close();
  }
});
