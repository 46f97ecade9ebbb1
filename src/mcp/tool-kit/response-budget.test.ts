import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { connectInMemory, structured, textOf } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';
import { CHARS_PER_TOKEN, fitRecord } from './response-budget.ts';

const BUDGET_TOKENS = 2_000;
const listShape = z.object({
  items: z.array(z.object({ id: z.string() }).loose()), nextCursor: z.string().optional(),
  truncated: z.boolean().optional(), note: z.string().optional(),
}).loose();

void test('a listing over the response budget is cut, with a note and a cursor that resumes where it stopped', async () => {
  const adapter = createMemoryAdapter({ items: 30, bodyChars: 2_000, pageSize: 30 });
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: adapter }, config: { mcp: { responseBudgetTokens: BUDGET_TOKENS } } }) });
  const seen: string[] = [];
  let cursor: string | undefined;
  let cuts = 0;
  for (let i = 0; i < 30; i++) {
    const result = await conn.call('content_list', cursor ? { cursor } : {});
    assert.notEqual(result.isError, true);
    assert.ok(textOf(result).length <= BUDGET_TOKENS * CHARS_PER_TOKEN, `page ${i} is within budget (${textOf(result).length} chars)`);
    const page = listShape.parse(structured(result));
    if (page.truncated) {
      cuts++;
      assert.match(page.note ?? '', /response budget/);
    }
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  assert.ok(cuts > 1, 'the adapter page was cut several times');
  assert.deepEqual(seen, [...adapter.items.keys()].filter((id) => id !== 'root'), 'every item exactly once, in order');
  await conn.close();
});

void test('an item over the budget comes back with shortened fields, named in truncatedFields', async () => {
  const adapter = createMemoryAdapter({ items: 1, bodyChars: 50_000 });
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: adapter }, config: { mcp: { responseBudgetTokens: BUDGET_TOKENS } } }) });
  const result = await conn.call('content_get', { id: 'item-001' });
  assert.ok(textOf(result).length <= BUDGET_TOKENS * CHARS_PER_TOKEN);
  const parsed = z.object({ truncated: z.literal(true), truncatedFields: z.array(z.string()), note: z.string(), item: z.object({ fields: z.record(z.string(), z.string()) }).loose() }).loose().parse(structured(result));
  assert.deepEqual(parsed.truncatedFields, ['Body']);
  assert.equal(parsed.item.fields['Title'], 'Title of page 1', 'small fields stay whole');
  assert.ok(parsed.item.fields['Body']?.startsWith('Body 1 '));
  await conn.close();
});

void test('fitRecord leaves a record within budget alone and drops the vendor payload first', () => {
  const small = { fields: { a: 'x' } };
  assert.equal(fitRecord(small, 1_000).value, small);
  const withRaw = { fields: { a: 'x' }, raw: 'r'.repeat(5_000) };
  assert.deepEqual(fitRecord(withRaw, 1_000), { value: { fields: { a: 'x' } }, truncatedFields: [] });
});
