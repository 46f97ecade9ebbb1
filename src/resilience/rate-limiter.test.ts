import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CATCH_UP_MS, RATE_HEADROOM, RateLimiter } from './rate-limiter.ts';

/**
 * Sends `count` requests through a limiter on mocked timers, advancing time in
 * 1 ms steps (so every timer fires up to 1 ms late, as real ones do), with a
 * one-off event-loop stall of `stallMs` at `stallAt`.
 */
async function simulate(rate: number, count: number, stall?: { at: number; ms: number }): Promise<number[]> {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let now = 0;
    const limiter = new RateLimiter(rate, () => now);
    const signal = new AbortController().signal;
    const sent: number[] = [];
    const all = Array.from({ length: count }, () => limiter.acquire(signal).then(() => { sent.push(now); }));
    let stalled = false;
    await new Promise((resolve) => setImmediate(resolve)); // record the immediate first send at t = 0
    while (sent.length < count) {
      const step = stall && !stalled && now >= stall.at ? stall.ms : 1;
      if (step !== 1) stalled = true;
      now += step;
      mock.timers.tick(step);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    return sent;
  } finally {
    mock.timers.reset();
  }
}

function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && (times[j] ?? Infinity) < (times[i] ?? 0) + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

void test('spacing uses ≥ 95% of the rate though timers fire up to 1 ms late', async () => {
  for (const rate of [5, 20, 50, 100]) {
    const sent = await simulate(rate, rate * 4);
    const achieved = (sent.length - 1) / (((sent.at(-1) ?? 0) - (sent[0] ?? 0)) / 1000);
    assert.ok(achieved >= 0.95 * rate, `rate ${rate}: achieved ${achieved.toFixed(2)}`);
    assert.ok(achieved <= rate, `rate ${rate}: achieved ${achieved.toFixed(2)}`);
    assert.ok(maxInWindow(sent, 2000) <= 2 * rate);
  }
});

void test('an event-loop stall is not followed by a burst: no 2 s window exceeds the rate', async () => {
  const sent = await simulate(50, 200, { at: 500, ms: 300 });
  const gaps = sent.slice(1).map((t, i) => t - (sent[i] ?? 0));
  assert.ok(maxInWindow(sent, 2000) <= 100, `max ${maxInWindow(sent, 2000)} in 2 s; gaps ${gaps.join(' ')}`);
  const interval = 1000 / (50 * RATE_HEADROOM);
  assert.ok(Math.min(...gaps) >= interval - Math.min(interval / 2, MAX_CATCH_UP_MS), `min gap ${Math.min(...gaps)}; gaps ${gaps.join(' ')}`);
});

void test('an aborted waiter leaves the queue and rejects with the reason', async () => {
  const limiter = new RateLimiter(1);
  const signal = new AbortController().signal;
  await limiter.acquire(signal);
  const ctl = new AbortController();
  const waiting = limiter.acquire(ctl.signal);
  assert.equal(limiter.queued, 1);
  ctl.abort(new Error('gone'));
  await assert.rejects(waiting, /gone/);
  assert.equal(limiter.queued, 0);
});

void test('rate 0 is unlimited', async () => {
  const limiter = new RateLimiter(0);
  const signal = new AbortController().signal;
  await Promise.all(Array.from({ length: 1000 }, () => limiter.acquire(signal)));
  assert.equal(limiter.queued, 0);
});
