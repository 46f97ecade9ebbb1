import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from './build-server.ts';
import { connectInMemory } from './test-support/connect-in-memory.ts';
import { createMemoryAdapter } from './test-support/memory-adapter.ts';
import { createTestApp } from './test-support/test-app.ts';

void test('buildServer makes a fresh instance per call and is cheap', async () => {
  const app = createTestApp({ adapters: { cms: createMemoryAdapter() } });
  const a = buildServer({ app });
  const b = buildServer({ app });
  assert.notEqual(a.server, b.server);
  await Promise.all([a.cleanup(), b.cleanup()]);
  for (let i = 0; i < 20; i++) await buildServer({ app }).cleanup();
  const runs = 200;
  const started = performance.now();
  for (let i = 0; i < runs; i++) buildServer({ app, conformance: true });
  const perServer = (performance.now() - started) / runs;
  assert.ok(perServer < 5, `building a server took ${perServer.toFixed(3)} ms`);
});

void test('the conformance fixtures are served only under the conformance flag', async () => {
  const app = createTestApp({ adapters: { cms: createMemoryAdapter() } });
  const plain = await connectInMemory({ app });
  const plainTools = (await plain.client.listTools()).tools.map((t) => t.name);
  assert.ok(!plainTools.some((n) => n.startsWith('test_')));
  assert.equal((await plain.client.listResources()).resources.length, 0);
  await plain.close();
  const conformance = await connectInMemory({ app, conformance: true });
  const tools = (await conformance.client.listTools()).tools.map((t) => t.name);
  assert.ok(tools.includes('test_simple_text') && tools.includes('content_get'));
  await conformance.close();
});
