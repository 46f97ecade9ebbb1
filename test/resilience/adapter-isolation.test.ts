// One CMS that is down must not slow another: two sitecore-xp adapters in one App (createApp), each
// against its own Sitecore simulator. While adapter "a" is kept busy against a hanging, then a dead
// simulator, reads through adapter "b" keep their normal latency (medians compared).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '../../src/app-types.ts';
import { isConduitError } from '../../src/core/conduit-error.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { median, readableContentIds, startXpApp, timed, type ResilienceInput } from './support/xp-fault-rig.ts';

const B_LATENCY_MS = 10;
const A_WORKERS = 32;
/**
 * Each caller of "a" pauses this long between calls (32 callers: several hundred calls/s into the
 * dead CMS). All of it shares one event loop with "b" and both in-process simulators, so a much
 * hotter loop measures CPU contention, not resilience coupling: at ~4,000 fast-failing calls/s
 * b's median rises by a few ms.
 */
const A_PAUSE_MS = 50;

let simA: SitecoreSimulator;
let simB: SitecoreSimulator;
let idsA: string[];
let idsB: string[];

before(async () => {
  [simA, simB] = await Promise.all([startSitecoreSimulator({ items: 400, seed: 21 }), startSitecoreSimulator({ items: 400, seed: 22 })]);
  idsA = readableContentIds(simA, 50);
  idsB = readableContentIds(simB, 40);
  simB.setFaults({ routes: '^/sitecore/api/ssc/item', latencyMs: B_LATENCY_MS });
});

after(async () => {
  await Promise.all([simA.close(), simB.close()]);
});

/** An App with "a" (short timeout, given breaker) and "b", both logged in. */
async function twoAdapters(breakerA: ResilienceInput['breaker']): Promise<App> {
  const app = await startXpApp({
    a: { sim: simA, resilience: { timeoutMs: 300, maxAttempts: 2, maxConcurrent: 16, ...(breakerA ? { breaker: breakerA } : {}) } },
    b: { sim: simB, resilience: { timeoutMs: 2_000 } },
  });
  await Promise.all([app.content.get('a', { id: idsA[0] ?? '' }), app.content.get('b', { id: idsB[0] ?? '' })]);
  return app;
}

/** Median wall time of sequential reads through adapter "b". */
async function medianB(app: App): Promise<number> {
  const times: number[] = [];
  for (const id of idsB) {
    const read = await timed(() => app.content.get('b', { id }));
    assert.equal(read.error, undefined);
    times.push(read.ms);
  }
  return median(times);
}

/** Keeps A_WORKERS concurrent callers of adapter "a" going until stopped; returns the outcome codes seen. */
function loadOnA(app: App): { stop(): Promise<Record<string, number>> } {
  let running = true;
  const codes: Record<string, number> = {};
  const worker = async (w: number): Promise<void> => {
    for (let i = w; running; i += A_WORKERS) {
      const read = await timed(() => app.content.get('a', { id: idsA[i % idsA.length] ?? '' }));
      const code = read.error === undefined ? 'ok' : isConduitError(read.error) ? read.error.code : 'other';
      codes[code] = (codes[code] ?? 0) + 1;
      await sleep(A_PAUSE_MS);
    }
  };
  const workers = Promise.all(Array.from({ length: A_WORKERS }, (_, w) => worker(w)));
  return { stop: async () => { running = false; await workers; return codes; } };
}

/** Allows scheduling noise on a shared box, far below the 300 ms a blocked call to "a" would add. */
const allowed = (baseline: number): number => baseline * 1.5 + 5;

void test('reads through "b" keep their latency while "a" hangs (breaker never opens, bulkhead full)', async (t) => {
  const app = await twoAdapters({ consecutiveFailures: 100_000 });
  t.after(() => app.close());
  const baseline = await medianB(app);
  simA.setFaults({ hangRate: 1 });
  const load = loadOnA(app);
  const during = await medianB(app);
  const codes = await load.stop();
  simA.setFaults({});
  t.diagnostic(`b median ${baseline.toFixed(1)} ms → ${during.toFixed(1)} ms while a hangs; a: ${JSON.stringify(codes)}`);
  assert.ok(baseline >= B_LATENCY_MS, 'b reads include the injected latency');
  assert.ok((codes['ADP_TIMEOUT'] ?? 0) >= A_WORKERS && codes['ok'] === undefined, 'a really hung');
  assert.ok(during <= allowed(baseline), `b median ${during.toFixed(1)} ms while a hangs (baseline ${baseline.toFixed(1)} ms)`);
});

void test('reads through "b" keep their latency while "a" is dead (connection refused, breaker opens)', async (t) => {
  const app = await twoAdapters(undefined);
  t.after(() => app.close());
  const baseline = await medianB(app);
  await simA.close();
  const load = loadOnA(app);
  const during = await medianB(app);
  const codes = await load.stop();
  t.diagnostic(`b median ${baseline.toFixed(1)} ms → ${during.toFixed(1)} ms while a is dead; a: ${JSON.stringify(codes)}`);
  // The first calls' retries already meet the open circuit, so most report ADP_CIRCUIT_OPEN.
  assert.ok((codes['ADP_CIRCUIT_OPEN'] ?? 0) >= A_WORKERS, 'a failed fast once its breaker opened');
  assert.deepEqual(Object.keys(codes).filter((c) => c !== 'ADP_CIRCUIT_OPEN' && c !== 'ADP_UNAVAILABLE'), [], 'a was refused, never answered');
  assert.ok(during <= allowed(baseline), `b median ${during.toFixed(1)} ms while a is dead (baseline ${baseline.toFixed(1)} ms)`);
  const states = Object.fromEntries((await app.readiness()).adapters.map((r) => [r.name, r.breaker]));
  assert.equal(states['b'], 'closed');
  assert.notEqual(states['a'], 'closed');
});
