// Acceptance: /metrics exposes the named metrics with sane values after some calls; /health and /ready behave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { spawnServeHttp, writeSimulatorConfig } from '../support/spawn-serve.ts';

function metricValue(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  assert.ok(match?.[1] !== undefined, `no metric matching ${pattern}`);
  return Number(match[1]);
}

test('/health, /ready and /metrics over the HTTP port, before, during and after calls and shutdown', async () => {
  const sim = await startSitecoreSimulator({ items: 600 });
  const { path, env } = writeSimulatorConfig(sim.url);
  const server = await spawnServeHttp(['--config', path], env);
  const client = new Client({ name: 'ops-test', version: '1.0.0' });
  try {
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    assert.equal(Reflect.get(await health.json() as object, 'status'), 'ok');
    const upstreamBefore = sim.stats().total;
    await fetch(`${server.url}/health`);
    assert.equal(sim.stats().total, upstreamBefore, '/health never calls the CMS');

    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    for (let i = 0; i < 3; i++) await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
    const missing = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Nope' } });
    assert.equal(missing.isError, true);

    const ready = await fetch(`${server.url}/ready`);
    assert.equal(ready.status, 200);
    const readiness: unknown = await ready.json();
    const adapters: unknown = Reflect.get(readiness as object, 'adapters');
    assert.ok(Array.isArray(adapters));
    const main: unknown = adapters[0];
    assert.equal(Reflect.get(main as object, 'breaker'), 'closed');
    assert.match(String(Reflect.get(main as object, 'lastSuccessAt')), /^\d{4}-\d\d-\d\dT/);
    assert.equal(Reflect.get(Reflect.get(readiness as object, 'store') as object, 'ok'), true);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.equal(metricValue(metrics, /^conduit_request_total\{tool="content_get",outcome="ok"\} (\d+)$/m), 3);
    assert.equal(metricValue(metrics, /^conduit_request_total\{tool="content_get",outcome="ADP_NOT_FOUND"\} (\d+)$/m), 1);
    assert.equal(metricValue(metrics, /^conduit_request_duration_seconds_count\{tool="content_get"\} (\d+)$/m), 4);
    assert.ok(metricValue(metrics, /^conduit_request_duration_seconds_sum\{tool="content_get"\} ([\d.e-]+)$/m) > 0);
    assert.equal(metricValue(metrics, /^conduit_cache_hit_total\{adapter="main",operation="get"\} (\d+)$/m), 2, 'the 2nd and 3rd get are cache hits');
    assert.equal(metricValue(metrics, /^conduit_breaker_state\{adapter="main"\} (\d+)$/m), 0);
    assert.match(metrics, /^# TYPE conduit_adapter_errors_total counter$/m);
    assert.match(metrics, /^# TYPE conduit_xray_scan_duration_seconds histogram$/m);
    assert.match(metrics, /^process_resident_memory_bytes \d+/m, 'default metrics are on');

    // While draining, /ready says 503 so a load balancer stops sending work.
    sim.setFaults({ latencyMs: 1_500 });
    const slow = client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home/About Us' } });
    await sleep(200);
    server.child.kill('SIGTERM');
    await sleep(200);
    const draining = await fetch(`${server.url}/ready`);
    assert.equal(draining.status, 503);
    assert.equal(Reflect.get(await draining.json() as object, 'shuttingDown'), true);
    assert.notEqual((await slow).isError, true);
    assert.equal(await server.exited, 0);
  } finally {
    await client.close().catch(() => undefined);
    server.child.kill('SIGKILL');
    await sim.close();
  }
});
