import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

void test('unused-template: project templates no item outside their subtree uses and no template inherits', async () => {
  const [used, ownSvOnly, base, unused, system] = [gid(100), gid(120), gid(140), gid(160), gid(180)];
  const scan = await tinyScan([
    ...templateItems({ id: used, path: '/sitecore/templates/Project/Used', bases: [base] }, 110),
    ...templateItems({ id: ownSvOnly, path: '/sitecore/templates/Project/Only Standard Values' }, 130),
    { id: gid(135), path: '/sitecore/templates/Project/Only Standard Values/__Standard Values', templateId: ownSvOnly },
    ...templateItems({ id: base, path: '/sitecore/templates/Project/Base' }, 150),
    ...templateItems({ id: unused, path: '/sitecore/templates/Project/Unused' }, 170),
    // Outside Project/Feature/Foundation/User Defined: not a project template, never reported.
    ...templateItems({ id: system, path: '/sitecore/templates/System/Unused System' }, 190),
    { id: gid(500), path: '/sitecore/content/Home', templateId: used },
    { id: gid(501), path: '/sitecore/content/Folder', templateId: TEMPLATE_IDS.folder },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('unused-template')), [
      'no-usage /sitecore/templates/Project/Only Standard Values usages=0',
      'no-usage /sitecore/templates/Project/Unused usages=0',
    ]);
  } finally {
    await scan.close();
  }
});
