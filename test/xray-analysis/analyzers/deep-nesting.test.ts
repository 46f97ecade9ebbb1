import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

/** A branch of items below `under`, one per name, each the child of the one before; ids from `firstId` on. */
function branch(under: string, names: string[], templateId: string, firstId: number): Array<{ id: string; path: string; templateId: string }> {
  let path = under;
  return names.map((name, i) => {
    path += `/${name}`;
    return { id: gid(firstId + i), path, templateId };
  });
}

const levels = (n: number): string[] => Array.from({ length: n }, (_, i) => `L${i + 1}`);

void test('deep-nesting: content more than maxDepth levels below the content root (Home = 1)', async () => {
  const items = branch('/sitecore/content', levels(11), PAGE_T, 501);
  const path = items.at(-1)?.path ?? '';
  const scan = await tinyScan([...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110), ...items]);
  try {
    assert.deepEqual(brief(await scan.run('deep-nesting')), [`depth ${path} depth=11`]);
    assert.equal((await scan.run('deep-nesting', { analyzers: { 'deep-nesting': { maxDepth: 8 } } })).length, 3);
  } finally {
    await scan.close();
  }
});

void test('deep-nesting: item-bucket folders are levels the CMS made, not anyone\'s design, and do not count', async () => {
  // A bucket at level 7, its five generated folders (levels 8-12), an article at 13 and four levels below it.
  const bucket = branch('/sitecore/content', levels(7), PAGE_T, 601);
  const folders = branch(bucket.at(-1)?.path ?? '', ['2024', '05', '12', '10', '30'], TEMPLATE_IDS.bucketFolder, 620);
  const pages = branch(folders.at(-1)?.path ?? '', ['Launch', 'Gallery', 'Photo', 'Caption', 'Note'], PAGE_T, 640);
  const items = [...bucket, ...folders, ...pages];
  const article = pages[0]?.path ?? '';
  const deeper = `${article}/Gallery/Photo/Caption/Note`;
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
