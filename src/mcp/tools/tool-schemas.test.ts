// Snapshots of every tool's advertised definition (schemas, title, annotations),
// so a change to what agents see is a reviewed diff, not an accident.
// Regenerate after an intended change: UPDATE_TOOLSNAPS=1 npx node --test src/mcp/tools/tool-schemas.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectInMemory } from '../test-support/connect-in-memory.ts';
import { createMemoryAdapter } from '../test-support/memory-adapter.ts';
import { createTestApp } from '../test-support/test-app.ts';

const SNAPS = join(dirname(fileURLToPath(import.meta.url)), '__toolsnaps__');

void test('tool definitions match their snapshots', async () => {
  const conn = await connectInMemory({ app: createTestApp({ adapters: { cms: createMemoryAdapter() } }) });
  const { tools } = await conn.client.request({ method: 'tools/list', params: {} });
  await conn.close();
  mkdirSync(SNAPS, { recursive: true });
  for (const tool of tools) {
    const file = join(SNAPS, `${tool.name}.snap.json`);
    const current = `${JSON.stringify(tool, null, 2)}\n`;
    if (process.env['UPDATE_TOOLSNAPS'] === '1' || !existsSync(file)) writeFileSync(file, current);
    assert.equal(current, readFileSync(file, 'utf8'), `${tool.name} changed; review and regenerate with UPDATE_TOOLSNAPS=1`);
  }
});
