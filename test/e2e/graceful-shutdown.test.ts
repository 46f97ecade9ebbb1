// Acceptance: SIGTERM with 20 calls in flight — all 20 complete, exit 0, within the longest call + 1 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { spawnServeHttp, writeSimulatorConfig } from '../support/spawn-serve.ts';

const CALL_LATENCY_MS = 1_500;

test('SIGTERM drains 20 in-flight calls, then exits 0 within the longest call + 1 s', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  const { path, env } = writeSimulatorConfig(sim.url);
  const server = await spawnServeHttp(['--config', path], env);
  const client = new Client({ name: 'shutdown-test', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    // Warm up: log in and find 20 distinct items, so every timed call really goes upstream.
    const listed = await client.callTool({ name: 'content_search', arguments: { underPath: '/sitecore/content', limit: 25 } });
    const ids = idsFrom(listed.structuredContent);
    assert.ok(ids.length >= 20, `need 20 items, got ${ids.length}`);
    sim.setFaults({ latencyMs: CALL_LATENCY_MS });

    const started = performance.now();
    let lastCallDone = 0;
    const calls = ids.slice(0, 20).map((id) => client.callTool({ name: 'content_get', arguments: { id } })
      .then((result) => { lastCallDone = Math.max(lastCallDone, performance.now()); return result; }));
    // Wait until the server itself counts all 20 calls in flight, so none arrives after SIGTERM.
    for (let waited = 0; waited < 10_000; waited += 50) {
      const readiness: unknown = await (await fetch(`${server.url}/ready`)).json();
      if (Reflect.get(readiness as object, 'inFlightCalls') === 20) break;
      await sleep(50);
    }
    server.child.kill('SIGTERM');

    const results = await Promise.all(calls);
    const code = await server.exited;
    const exitedAt = performance.now();
    for (const result of results) assert.notEqual(result.isError, true, JSON.stringify(result.content));
    assert.equal(results.length, 20);
    assert.equal(code, 0, server.stderr());
    assert.ok(lastCallDone - started >= CALL_LATENCY_MS, 'the calls really were in flight on a slow upstream');
    // The longest call ends at lastCallDone; the process must be gone within 1 s of it.
    assert.ok(exitedAt - lastCallDone <= 1_000, `exited ${(exitedAt - lastCallDone).toFixed(0)} ms after the longest call`);
    assert.match(server.stderr(), /shutdown complete/);
  } finally {
    await client.close().catch(() => undefined);
    server.child.kill('SIGKILL');
    await sim.close();
  }
});

function idsFrom(structured: unknown): string[] {
  const items: unknown = typeof structured === 'object' && structured !== null ? Reflect.get(structured, 'items') : undefined;
  if (!Array.isArray(items)) return [];
  return items.map((i: unknown) => (typeof i === 'object' && i !== null ? Reflect.get(i, 'id') : undefined)).filter((id): id is string => typeof id === 'string');
}
