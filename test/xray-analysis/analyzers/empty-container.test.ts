import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { brief, gid, tinyScan } from '../test-support/tiny-scan.ts';

void test('empty-container: content and media folders without children', async () => {
  const scan = await tinyScan([
    { id: gid(501), path: '/sitecore/content/Empty', templateId: TEMPLATE_IDS.folder },
    { id: gid(502), path: '/sitecore/content/Full', templateId: TEMPLATE_IDS.folder },
    { id: gid(503), path: '/sitecore/content/Full/Child', templateId: TEMPLATE_IDS.folder, hasChildren: true },
    { id: gid(504), path: '/sitecore/media library/Unsorted', templateId: TEMPLATE_IDS.mediaFolder },
    { id: gid(505), path: '/sitecore/system/Empty System Folder', templateId: TEMPLATE_IDS.folder },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('empty-container')), ['folder /sitecore/content/Empty children=0', 'media-folder /sitecore/media library/Unsorted children=0']);
  } finally {
    await scan.close();
  }
});
