import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { connectInMemory, structured, textOf } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { TOOLS } from './index.ts';

const errorShape = z.object({ error: z.object({ code: z.string(), message: z.string(), hint: z.string(), retryable: z.boolean() }) });
const listShape = z.object({ adapter: z.string(), items: z.array(z.object({ id: z.string() }).loose()), nextCursor: z.string().optional() });

void test('every tool is listed with a title, all four annotations, and input and output schemas', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() } }) });
  const { tools } = await conn.client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS.map((t) => t.name).sort());
  for (const tool of tools) {
    assert.ok(tool.title && tool.description, `${tool.name} has title and description`);
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
      assert.equal(typeof tool.annotations?.[hint], 'boolean', `${tool.name}.${hint}`);
    }
    assert.equal(tool.inputSchema.type, 'object');
    assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has an object output schema`);
  }
  await conn.close();
});

void test('content_list pages through every child with opaque cursors', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter({ items: 45, pageSize: 20 }) } }) });
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = listShape.parse(structured(await conn.call('content_list', cursor ? { cursor } : {})));
    seen.push(...result.items.map((i) => i.id));
    cursor = result.nextCursor;
    if (!cursor) break;
    assert.doesNotMatch(cursor, /^\d+$/, 'the adapter cursor is wrapped, not passed through');
  }
  assert.equal(seen.length, 45);
  assert.equal(new Set(seen).size, 45);
  await conn.close();
});

void test('a cursor from another query is refused with TOOL_CURSOR_INVALID', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter({ items: 45 }) } }) });
  const first = listShape.parse(structured(await conn.call('content_list', {})));
  assert.ok(first.nextCursor);
  const other = await conn.call('content_search', { text: 'Body', cursor: first.nextCursor });
  assert.equal(other.isError, true);
  assert.equal(errorShape.parse(structured(other)).error.code, 'TOOL_CURSOR_INVALID');
  const garbage = await conn.call('content_list', { cursor: 'not-a-cursor' });
  assert.equal(errorShape.parse(structured(garbage)).error.code, 'TOOL_CURSOR_INVALID');
  await conn.close();
});

void test('content_get reads by id and by path, with a fields projection', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() } }) });
  const byId = structured(await conn.call('content_get', { id: 'item-003', fields: ['Title'] }));
  assert.deepEqual(z.object({ item: z.object({ fields: z.record(z.string(), z.unknown()) }).loose() }).loose().parse(byId).item.fields, { Title: 'Title of page 3' });
  const byPath = structured(await conn.call('content_get', { path: '/content/page-3' }));
  assert.equal(z.object({ item: z.object({ id: z.string() }).loose() }).loose().parse(byPath).item.id, 'item-003');
  await conn.close();
});

void test('errors are isError results with [CODE] message, a hint, and a structured error', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() } }) });
  const missing = await conn.call('content_get', { id: 'nope' });
  assert.equal(missing.isError, true);
  assert.match(textOf(missing), /^\[ADP_NOT_FOUND\] .+\nHint: .+/);
  const parsed = errorShape.parse(structured(missing));
  assert.equal(parsed.error.code, 'ADP_NOT_FOUND');
  assert.equal(parsed.error.retryable, false);
  const both = await conn.call('content_get', { id: 'item-001', path: '/content/page-1' });
  assert.equal(errorShape.parse(structured(both)).error.code, 'TOOL_INVALID_ARGS');
  const unknownArg = await conn.call('content_get', { id: 'item-001', colour: 'red' });
  assert.equal(errorShape.parse(structured(unknownArg)).error.code, 'TOOL_INVALID_ARGS');
  assert.match(textOf(unknownArg), /colour/);
  await conn.close();
});

void test('an unexpected adapter failure becomes INTERNAL with no message or stack of its own', async () => {
  const adapter = createMemoryAdapter();
  adapter.getContent = async () => { throw new Error('password=hunter2 at /srv/secret.ts:12'); };
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: adapter } }) });
  const result = await conn.call('content_get', { id: 'item-001' });
  assert.equal(errorShape.parse(structured(result)).error.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(result), /hunter2|secret\.ts/);
  await conn.close();
});

void test('write tools work, and read-only mode hides and refuses them', async () => {
  const writable = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() } }) });
  const created = structured(await writable.call('content_create', { parentId: 'root', name: 'New', type: 't-page', fields: { Title: 'Hi' } }));
  assert.equal(z.object({ item: z.object({ name: z.string() }).loose() }).loose().parse(created).item.name, 'New');
  await writable.close();

  const readOnly = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() }, config: { mcp: { readOnly: true } } }) });
  const names = (await readOnly.client.listTools()).tools.map((t) => t.name);
  for (const write of ['content_create', 'content_update', 'content_delete']) assert.ok(!names.includes(write), `${write} hidden`);
  assert.ok(names.includes('content_get'));
  const refused = await readOnly.call('content_delete', { id: 'item-001' });
  assert.equal(errorShape.parse(structured(refused)).error.code, 'TOOL_READ_ONLY');
  assert.equal((await readOnly.call('content_get', { id: 'item-001' })).isError, undefined);
  await readOnly.close();
});

void test('toolsets, excludeTools and adapter capabilities decide which tools appear', async () => {
  const noSearch = createMemoryAdapter({ write: false });
  delete noSearch.search;
  delete noSearch.media;
  const app = createTestApp({ adapters: { cms: noSearch }, config: { mcp: { toolsets: ['content'], excludeTools: ['schema_get'] } } });
  const conn = await connectInMemory({ app });
  const names = (await conn.client.listTools()).tools.map((t) => t.name);
  assert.deepEqual(names.sort(), ['content_get', 'content_list', 'schema_list']);
  const unavailable = await conn.call('content_search', { text: 'x' });
  assert.equal(errorShape.parse(structured(unavailable)).error.code, 'TOOL_UNAVAILABLE');
  await conn.close();
});

void test('with two adapters the adapter argument is required and each call targets the named one', async () => {
  const app = createTestApp({ adapters: { one: createMemoryAdapter({ items: 2 }), two: createMemoryAdapter({ items: 5 }) } });
  const conn = await connectInMemory({ app });
  const get = (await conn.client.listTools()).tools.find((t) => t.name === 'content_get');
  assert.deepEqual(get?.inputSchema.required, ['adapter']);
  const missing = await conn.call('content_list', {});
  assert.equal(errorShape.parse(structured(missing)).error.code, 'TOOL_INVALID_ARGS');
  const two = listShape.parse(structured(await conn.call('content_list', { adapter: 'two' })));
  assert.equal(two.items.length, 5);
  const unknown = await conn.call('content_list', { adapter: 'three' });
  assert.equal(errorShape.parse(structured(unknown)).error.code, 'ADP_UNKNOWN');
  const health = z.object({ ok: z.boolean(), adapters: z.record(z.string(), z.object({ ok: z.boolean() }).loose()) }).parse(structured(await conn.call('health_check')));
  assert.deepEqual(Object.keys(health.adapters).sort(), ['one', 'two']);
  await conn.close();
});

void test('without an adapter that has paths, path arguments are neither offered nor accepted', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: { ...createMemoryAdapter(), hasPaths: false } } }) });
  const tools = (await conn.client.listTools()).tools;
  const props = (name: string): string[] => Object.keys(tools.find((t) => t.name === name)?.inputSchema.properties ?? {});
  assert.ok(!props('content_get').includes('path'));
  assert.ok(!props('content_list').includes('parentPath'));
  assert.ok(props('content_list').includes('parentId'));
  const refused = await conn.call('content_get', { path: '/content/page-1' });
  assert.equal(errorShape.parse(structured(refused)).error.code, 'TOOL_INVALID_ARGS');
  await conn.close();
});
