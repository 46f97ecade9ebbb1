import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectInMemory } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';

const app = () => createTestApp({ adapters: { cms: createMemoryAdapter({ items: 12 }), other: createMemoryAdapter({ items: 1 }) } });

void test('review_content_item embeds the item; summarise_xray_report carries the report', async () => {
  const conn = await connectInMemory({ app: app() });
  const names = (await conn.client.listPrompts()).prompts.map((p) => p.name).sort();
  assert.deepEqual(names, ['review_content_item', 'summarise_xray_report']);
  const review = await conn.client.getPrompt({ name: 'review_content_item', arguments: { id: 'item-002', adapter: 'cms', focus: 'seo' } });
  assert.match(JSON.stringify(review.messages), /Title of page 2/);
  assert.match(JSON.stringify(review.messages), /focus on seo/);
  const summary = await conn.client.getPrompt({ name: 'summarise_xray_report', arguments: { report: '{"score":71}' } });
  assert.match(JSON.stringify(summary.messages), /score\\":71/);
  const focus = await conn.client.complete({ ref: { type: 'ref/prompt', name: 'review_content_item' }, argument: { name: 'focus', value: 's' } });
  assert.deepEqual(focus.completion.values, ['seo']);
  await conn.close();
});

void test('review_content_item reports a missing item as a JSON-RPC error with its code', async () => {
  const conn = await connectInMemory({ app: app() });
  await assert.rejects(conn.client.getPrompt({ name: 'review_content_item', arguments: { id: 'nope', adapter: 'cms' } }), /\[ADP_NOT_FOUND\]/);
  await conn.close();
});
