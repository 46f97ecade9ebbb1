import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
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

void test('deep-nesting: item-bucket folders are levels the CMS made, not anyone\'s design, and do not count', async () => {
  const items = [];
  let path = '/sitecore/content';
  // A bucket at level 7, its five generated folders (levels 8-12), an article at 13 and its child at 14.
  for (let level = 1; level <= 7; level++) {
    path += `/L${level}`;
    items.push({ id: gid(600 + level), path, templateId: PAGE_T });
  }
  for (const [i, name] of ['2024', '05', '12', '10', '30'].entries()) {
    path += `/${name}`;
    items.push({ id: gid(620 + i), path, templateId: TEMPLATE_IDS.bucketFolder });
  }
  const article = `${path}/Launch`;
  const deeper = `${article}/Gallery/Photo/Caption/Note`;
  items.push({ id: gid(640), path: article, templateId: PAGE_T });
  ['Gallery', 'Gallery/Photo', 'Gallery/Photo/Caption', 'Gallery/Photo/Caption/Note'].forEach((rest, i) => items.push({ id: gid(641 + i), path: `${article}/${rest}`, templateId: PAGE_T }));
  const scan = await tinyScan([...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110), ...items]);
  try {
    // The article sits 13 levels down by path but 8 by design; "Note" is 17 by path, 12 by design.
    assert.deepEqual(brief(await scan.run('deep-nesting')), [
      `depth ${article}/Gallery/Photo/Caption depth=11`, `depth ${deeper} depth=12`,
    ]);
  } finally {
    await scan.close();
  }
});
