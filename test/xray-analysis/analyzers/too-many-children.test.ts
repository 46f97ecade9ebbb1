import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('too-many-children: more than maxChildren children (100 is fine, 101 is not)', async () => {
  const kids = (parent: string, base: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: gid(base + i), path: `${parent}/Item ${i}`, templateId: PAGE_T }));
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110),
    { id: gid(500), path: '/sitecore/content/Hub', templateId: PAGE_T },
    { id: gid(501), path: '/sitecore/content/Fine', templateId: PAGE_T },
    ...kids('/sitecore/content/Hub', 1000, 101),
    ...kids('/sitecore/content/Fine', 2000, 100),
  ]);
  try {
    assert.deepEqual(brief(await scan.run('too-many-children')), ['children /sitecore/content/Hub children=101']);
    assert.equal((await scan.run('too-many-children', { analyzers: { 'too-many-children': { maxChildren: 99 } } })).length, 2);
  } finally {
    await scan.close();
  }
});
