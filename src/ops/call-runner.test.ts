import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '../core/ports.ts';
import { ConduitError } from '../core/conduit-error.ts';
import { createCallRunner } from './call-runner.ts';
import { Metrics } from './metrics.ts';

function runner(overrides: Partial<Parameters<typeof createCallRunner>[0]> = {}) {
  const metrics = new Metrics({ defaultMetrics: false });
  return { metrics, calls: createCallRunner({ logger: silentLogger, metrics, maxConcurrentCalls: 100, maxCallsPerSecond: 0, perAdapterCallsPerSecond: {}, ...overrides }) };
}

test('records outcome and duration per tool, and gives each call its own correlationId', async () => {
  const { metrics, calls } = runner();
  const ids = await Promise.all([1, 2].map(() => calls.run({ tool: 'content_get' }, async (ctx) => ctx.correlationId)));
  assert.notEqual(ids[0], ids[1]);
  await assert.rejects(calls.run({ tool: 'content_get' }, async () => { throw new ConduitError('ADP_NOT_FOUND', 'x'); }), { code: 'ADP_NOT_FOUND' });
  const text = (await metrics.render()).body;
  assert.match(text, /conduit_request_total\{tool="content_get",outcome="ok"\} 2/);
  assert.match(text, /conduit_request_total\{tool="content_get",outcome="ADP_NOT_FOUND"\} 1/);
  assert.match(text, /conduit_request_duration_seconds_count\{tool="content_get"\} 3/);
});

test('unknown errors become INTERNAL without the original message', async () => {
  const { calls } = runner();
  await assert.rejects(calls.run({ tool: 't' }, async () => { throw new Error('password=hunter2'); }), (error: unknown) => {
    assert.ok(error instanceof ConduitError);
    assert.equal(error.code, 'INTERNAL');
    assert.ok(!error.message.includes('hunter2'));
    return true;
  });
});

test('over the concurrent limit, or the per-adapter rate, a call gets TOOL_RATE_LIMITED with retry-after', async () => {
  const { calls } = runner({ maxConcurrentCalls: 2, perAdapterCallsPerSecond: { main: 1 } });
  const slow = [calls.run({ tool: 't' }, () => sleep(50)), calls.run({ tool: 't' }, () => sleep(50))];
  await assert.rejects(calls.run({ tool: 't' }, async () => 1), (e: unknown) => e instanceof ConduitError && e.code === 'TOOL_RATE_LIMITED' && e.retryAfterSeconds === 1);
  await Promise.all(slow);
  await calls.run({ tool: 't', adapter: 'main' }, async () => 1);
  await assert.rejects(calls.run({ tool: 't', adapter: 'main' }, async () => 1), { code: 'TOOL_RATE_LIMITED' });
  await calls.run({ tool: 't', adapter: 'other' }, async () => 1);
});

test('drain waits for in-flight calls and refuses new ones with SHUTTING_DOWN', async () => {
  const { calls } = runner();
  let finished = 0;
  const inflight = Array.from({ length: 5 }, () => calls.run({ tool: 't' }, async () => { await sleep(80); finished++; }));
  assert.equal(calls.inFlight(), 5);
  const drained = calls.drain(2_000);
  await assert.rejects(calls.run({ tool: 't' }, async () => 1), { code: 'SHUTTING_DOWN' });
  assert.equal(await drained, true);
  assert.equal(finished, 5);
  await Promise.all(inflight);
});

test('drain gives up at its timeout and aborts the calls\' signal', async () => {
  const { calls } = runner();
  let aborted = false;
  const call = calls.run({ tool: 't' }, (ctx) => new Promise<void>((resolve) => { ctx.signal.addEventListener('abort', () => { aborted = true; resolve(); }); }));
  assert.equal(await calls.drain(50), false);
  await call;
  assert.equal(aborted, true);
});
