import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { connectInMemory } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';

const app = () => createTestApp({ adapters: { cms: createMemoryAdapter({ items: 12 }), other: createMemoryAdapter({ items: 1 }) } });

void test('content and type resource templates read items as JSON', async () => {
  const conn = await connectInMemory({ app: app() });
  const templates = (await conn.client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
  // The X-Ray report and finding templates sit beside these; this test is about the content ones.
  assert.deepEqual(templates.filter((t) => !t.startsWith('conduit://xray/')).sort(), ['conduit://{adapter}/content/{id}', 'conduit://{adapter}/types/{id}']);
  const item = await conn.client.readResource({ uri: 'conduit://cms/content/item-004' });
  const content = z.object({ uri: z.string(), mimeType: z.literal('application/json'), text: z.string() }).parse(item.contents[0]);
  assert.equal(z.object({ id: z.string(), name: z.string() }).loose().parse(JSON.parse(content.text)).name, 'Page 4');
  const type = await conn.client.readResource({ uri: 'conduit://cms/types/t-page' });
  assert.match(z.object({ text: z.string() }).loose().parse(type.contents[0]).text, /"Title"/);
  await conn.close();
});

void test('a missing item is resource-not-found (-32602 with the uri); a bad adapter keeps its code and hint', async () => {
  const conn = await connectInMemory({ app: app() });
  await assert.rejects(conn.client.readResource({ uri: 'conduit://cms/content/nope' }), (error: unknown) => {
    const parsed = z.object({ code: z.number(), data: z.object({ uri: z.string() }) }).loose().parse(error);
    assert.equal(parsed.code, -32602);
    assert.equal(parsed.data.uri, 'conduit://cms/content/nope');
    return true;
  });
  await assert.rejects(conn.client.readResource({ uri: 'conduit://ghost/content/item-001' }), /\[ADP_UNKNOWN\].*Hint:/);
  await conn.close();
});

void test('completions offer adapter names and ids from a listing', async () => {
  const conn = await connectInMemory({ app: app() });
  const ref = { type: 'ref/resource' as const, uri: 'conduit://{adapter}/content/{id}' };
  const adapters = await conn.client.complete({ ref, argument: { name: 'adapter', value: 'c' } });
  assert.deepEqual(adapters.completion.values, ['cms']);
  const ids = await conn.client.complete({ ref, argument: { name: 'id', value: 'item-01' }, context: { arguments: { adapter: 'cms' } } });
  assert.deepEqual(ids.completion.values, ['item-010', 'item-011', 'item-012']);
  await conn.close();
});
