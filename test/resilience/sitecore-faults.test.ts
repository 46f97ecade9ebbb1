// The resilience acceptance items, end to end: Conduit's real App (createApp) → sitecore-xp adapter →
// resilient HTTP client (real cockatiel policies) → the Sitecore simulator over HTTP on 127.0.0.1,
// with the simulator's seeded fault injection. Upstream calls are counted by the simulator itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '../../src/app-types.ts';
import { isConduitError } from '../../src/core/conduit-error.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { readableContentIds, routeCount, startXpApp, timed, type ResilienceInput } from './support/xp-fault-rig.ts';

/** Faults apply to item reads only, so the login (done before) is never faulted. */
const ITEM_ROUTES = '^/sitecore/api/ssc/item';
const MISSING_ID = '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';

const codeOf = (error: unknown): string => (isConduitError(error) ? error.code : `not a ConduitError: ${String(error)}`);

let sim: SitecoreSimulator;
let ids: string[];

before(async () => {
  sim = await startSitecoreSimulator({ items: 400, seed: 11 });
  ids = readableContentIds(sim, 200);
});

after(async () => {
  await sim.close();
});

/** An App with one adapter "xp" on the shared simulator, logged in, with stats reset and no faults. */
async function loggedIn(resilience: ResilienceInput): Promise<App> {
  sim.setFaults({});
  const app = await startXpApp({ xp: { sim, resilience } });
  await app.content.get('xp', { id: ids[0] ?? assert.fail('no ids') });
  assert.equal(routeCount(sim, 'login') > 0, true, 'the first read logged in');
  sim.resetStats();
  return app;
}

void describe('sitecore-xp under simulator faults', () => {
  void test('a 30% 5xx rate: 200 reads all succeed, by retrying', async (t) => {
    // Default breaker (10 consecutive, 50% over 30 s); maxAttempts 8 because with the default 3
    // a read fails when all 3 attempts draw an error: 0.3^3 = 2.7% of reads (see the next test).
    const app = await loggedIn({ maxAttempts: 8, breaker: { consecutiveFailures: 10, failureRateThreshold: 0.5, windowMs: 30_000, minimumCalls: 20 } });
    t.after(() => app.close());
    sim.setFaults({ routes: ITEM_ROUTES, errorRate: 0.3, errorStatus: 500 });
    for (const id of ids) {
      const item = await app.content.get('xp', { id });
      assert.equal(item.id.toLowerCase(), id.toLowerCase());
    }
    const upstream = routeCount(sim, 'item');
    const failed = upstream - ids.length;
    t.diagnostic(`200 reads cost ${upstream} upstream calls (${failed} answered 500, ${(100 * failed / upstream).toFixed(1)}%)`);
    assert.ok(failed > 30 && failed < 140, `the simulator injected about 30% errors (${failed} of ${upstream})`);
    assert.equal((await app.readiness()).adapters[0]?.breaker, 'closed');
  });

  void test('a 30% 5xx rate with the default 3 attempts: the reads that still fail are retryable ADP_UNAVAILABLE', async (t) => {
    const app = await loggedIn({ maxAttempts: 3, breaker: { consecutiveFailures: 10, failureRateThreshold: 0.5, windowMs: 30_000, minimumCalls: 20 } });
    t.after(() => app.close());
    sim.setFaults({ routes: ITEM_ROUTES, errorRate: 0.3, errorStatus: 500 });
    const failures: unknown[] = [];
    for (const id of ids) await app.content.get('xp', { id }).catch((error: unknown) => { failures.push(error); });
    t.diagnostic(`maxAttempts 3: ${failures.length} of 200 reads failed after 3 attempts (expected about 200 × 0.3³ = 5.4)`);
    for (const error of failures) {
      assert.equal(codeOf(error), 'ADP_UNAVAILABLE');
      assert.ok(isConduitError(error) && error.retryable, 'a surfaced 5xx is retryable for the agent');
    }
    assert.ok(failures.length < 20);
  });

  void test('a 429 with Retry-After: 1 delays the next attempt by 1.0–1.25 s', async (t) => {
    const app = await loggedIn({});
    try {
      sim.setFaults({ routes: ITEM_ROUTES, rateLimitPerSecond: 1, retryAfterSeconds: 1 });
      await app.content.get('xp', { id: ids[1] ?? '' });
      const limited = await timed(() => app.content.get('xp', { id: ids[2] ?? '' }));
      assert.equal(limited.error, undefined, 'the rate-limited read succeeded on its retry');
      // The read's wall time is the 429 round trip + the wait + the successful round trip, all on loopback.
      t.diagnostic(`the rate-limited read took ${Math.round(limited.ms)} ms`);
      assert.ok(limited.ms >= 1_000 && limited.ms <= 1_250, `the retry waited ${Math.round(limited.ms)} ms`);
      assert.equal(routeCount(sim, 'item'), 3, 'first read, the 429, the retry');
    } finally {
      await app.close();
    }
  });

  void test('script [503, 503] then 200 costs exactly 3 upstream calls; a 404 costs exactly 1', async () => {
    const app = await loggedIn({});
    try {
      sim.setFaults({ routes: ITEM_ROUTES, script: [503, 503], retryAfterSeconds: 0 });
      const item = await app.content.get('xp', { id: ids[3] ?? '' });
      assert.equal(item.id.toLowerCase(), ids[3]?.toLowerCase());
      assert.equal(routeCount(sim, 'item'), 3);
      sim.setFaults({});
      sim.resetStats();
      await assert.rejects(app.content.get('xp', { id: MISSING_ID }), (error) => codeOf(error) === 'ADP_NOT_FOUND');
      const unreadable = sim.groundTruth().unreadable[0] ?? assert.fail('no unreadable item');
      await assert.rejects(app.content.get('xp', { id: unreadable }), (error) => codeOf(error) === 'ADP_NOT_FOUND');
      assert.deepEqual(sim.stats().byRoute, { item: 2 }, 'one request per 404, no retry, no re-login');
    } finally {
      await app.close();
    }
  });

  void test('after N consecutive failures the breaker is open: fail fast, nothing sent; one probe closes it', async (t) => {
    const halfOpenAfterMs = 300;
    const app = await loggedIn({ maxAttempts: 2, breaker: { consecutiveFailures: 4, halfOpenAfterMs } });
    try {
      sim.setFaults({ routes: ITEM_ROUTES, errorRate: 1, errorStatus: 500 });
      for (const id of ids.slice(0, 2)) await assert.rejects(app.content.get('xp', { id }), (error) => codeOf(error) === 'ADP_UNAVAILABLE');
      assert.equal(routeCount(sim, 'item'), 4, '2 reads × 2 attempts = 4 consecutive failures');
      assert.equal((await app.readiness()).adapters[0]?.breaker, 'open');
      const openedAt = performance.now();
      // Median of 9 calls: the property is "fails in < 5 ms"; one preemption by a busy CI host is not a regression.
      const tries = [];
      for (let i = 0; i < 9; i += 1) tries.push(await timed(() => app.content.get('xp', { id: ids[2] ?? '' })));
      for (const attempt of tries) assert.equal(codeOf(attempt.error), 'ADP_CIRCUIT_OPEN');
      const fast = tries[0] ?? assert.fail('no attempt');
      const medianMs = tries.map((attempt) => attempt.ms).sort((a, b) => a - b)[4] ?? Infinity;
      t.diagnostic(`open circuit answered in ${medianMs.toFixed(2)} ms (median of 9)`);
      assert.ok(medianMs < 5, `an open circuit answered in ${medianMs.toFixed(2)} ms (median of 9)`);
      assert.ok(isConduitError(fast.error) && fast.error.retryable && (fast.error.retryAfterSeconds ?? 0) >= 1);
      assert.equal(routeCount(sim, 'item'), 4, 'the simulator saw no request');
      // A probe that fails re-opens the circuit at once: one request, and the retry is not sent.
      await sleep(Math.max(0, halfOpenAfterMs + 20 - (performance.now() - openedAt)));
      await assert.rejects(app.content.get('xp', { id: ids[2] ?? '' }), (error) => codeOf(error) === 'ADP_CIRCUIT_OPEN');
      const reopenedAt = performance.now();
      assert.equal(routeCount(sim, 'item'), 5, 'one failed probe');
      assert.equal(codeOf((await timed(() => app.content.get('xp', { id: ids[2] ?? '' }))).error), 'ADP_CIRCUIT_OPEN');
      assert.equal(routeCount(sim, 'item'), 5);
      sim.setFaults({});
      await sleep(Math.max(0, halfOpenAfterMs + 20 - (performance.now() - reopenedAt)));
      sim.resetStats();
      const probe = await app.content.get('xp', { id: ids[3] ?? '' });
      assert.equal(probe.id.toLowerCase(), ids[3]?.toLowerCase());
      assert.equal(routeCount(sim, 'item'), 1, 'exactly one probe');
      assert.equal((await app.readiness()).adapters[0]?.breaker, 'closed', 'the probe closed the breaker');
      await app.content.get('xp', { id: ids[4] ?? '' });
      assert.equal(routeCount(sim, 'item'), 2);
    } finally {
      await app.close();
    }
  });

  void test('a hanging upstream fails within timeoutMs + 100 ms', async (t) => {
    const timeoutMs = 250;
    const app = await loggedIn({ timeoutMs, maxAttempts: 1 });
    try {
      sim.setFaults({ routes: ITEM_ROUTES, hangRate: 1 });
      const hung = await timed(() => app.content.get('xp', { id: ids[5] ?? '' }));
      assert.equal(codeOf(hung.error), 'ADP_TIMEOUT');
      t.diagnostic(`timeoutMs ${timeoutMs}: the hanging read failed after ${Math.round(hung.ms)} ms`);
      assert.ok(hung.ms >= timeoutMs - 5 && hung.ms <= timeoutMs + 100, `failed after ${Math.round(hung.ms)} ms`);
      assert.equal(routeCount(sim, 'item'), 1);
    } finally {
      await app.close();
      sim.setFaults({});
    }
  });
});
