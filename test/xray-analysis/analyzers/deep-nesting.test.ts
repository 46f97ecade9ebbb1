import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('deep-nesting: content more than maxDepth levels below the content root (Home = 1)', async () => {
  const items = [];
  let path = '/sitecore/content';
  for (let level = 1; level <= 11; level++) {
    path += `/L${level}`;
    items.push({ id: gid(500 + level), path, templateId: PAGE_T });
  }
  const scan = await tinyScan([...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110), ...items]);
  try {
    assert.deepEqual(brief(await scan.run('deep-nesting')), [`depth ${path} depth=11`]);
    assert.equal((await scan.run('deep-nesting', { analyzers: { 'deep-nesting': { maxDepth: 8 } } })).length, 3);
  } finally {
    await scan.close();
  }
});
