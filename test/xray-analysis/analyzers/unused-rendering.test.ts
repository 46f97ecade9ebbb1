import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { braced, brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('unused-rendering: renderings no layout places, counting standard values and final renderings', async () => {
  const [onSv, onFinal, nowhere, controller] = [gid(301), gid(302), gid(303), gid(304)];
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110),
    { id: gid(120), path: '/sitecore/templates/Project/Page/__Standard Values', templateId: PAGE_T, fields: {
      '__Renderings': `<r><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}" l="{00000000-0000-0000-0000-000000000399}"><r id="${braced(onSv)}" ph="main" uid="${braced(gid(1))}" /></d></r>`,
    } },
    { id: gid(500), path: '/sitecore/content/Home', templateId: PAGE_T, fields: {
      '__Final Renderings': `<r xmlns:p="p" xmlns:s="s" p:p="1"><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}"><r uid="${braced(gid(2))}" p:before="*" s:id="${braced(onFinal)}" s:ph="main" /></d></r>`,
    } },
    { id: onSv, path: '/sitecore/layout/Renderings/On Standard Values', templateId: TEMPLATE_IDS.viewRendering },
    { id: onFinal, path: '/sitecore/layout/Renderings/On Final Renderings', templateId: TEMPLATE_IDS.viewRendering },
    { id: nowhere, path: '/sitecore/layout/Renderings/Nowhere', templateId: TEMPLATE_IDS.viewRendering },
    { id: controller, path: '/sitecore/layout/Renderings/Controller Nowhere', templateId: TEMPLATE_IDS.controllerRendering },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('unused-rendering')), [
      'no-usage /sitecore/layout/Renderings/Controller Nowhere placements=0',
      'no-usage /sitecore/layout/Renderings/Nowhere placements=0',
    ]);
  } finally {
    await scan.close();
  }
});
