import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectInMemory } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { TOOLS } from '../tools/index.ts';

void test('tools/list is paginated: small pages walk the whole list, and the default page holds every tool', async () => {
  const app = createTestApp({ adapters: { cms: createMemoryAdapter() } });
  const small = await connectInMemory({ app, toolsPageSize: 4 });
  const names: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await small.client.request({ method: 'tools/list', params: cursor ? { cursor } : {} });
    assert.ok(page.tools.length <= 4);
    names.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  assert.equal(pages, Math.ceil(TOOLS.length / 4));
  assert.deepEqual(names, TOOLS.map((t) => t.name));
  await assert.rejects(small.client.listTools({ cursor: 'garbage' }), /cursor/i);
  const aggregated = await small.client.listTools();
  assert.deepEqual(aggregated.tools.map((t) => t.name), names, 'clients that follow nextCursor see every tool');
  await small.close();

  const normal = await connectInMemory({ app });
  const first = await normal.client.request({ method: 'tools/list', params: {} });
  assert.equal(first.tools.length, TOOLS.length);
  assert.equal(first.nextCursor, undefined);
  await normal.close();
});
