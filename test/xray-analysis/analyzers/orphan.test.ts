import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { braced, brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);
const PROMO_T = gid(120);
const hex = (id: string): string => id.replaceAll('-', '').toUpperCase();

void test('orphan: datasources below a Data folder and media that nothing references', async () => {
  const [used, unused, usedByPath, nested, m1, m2] = [gid(601), gid(602), gid(603), gid(604), gid(701), gid(702)];
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page', fields: [{ name: 'Body', type: 'Rich Text' }] }, 110),
    ...templateItems({ id: PROMO_T, path: '/sitecore/templates/Project/Promo' }, 130),
    { id: gid(500), path: '/sitecore/content/Home', templateId: PAGE_T, fields: {
      'Body': `<img src="~/media/${hex(m1)}.ashx" />`,
      '__Renderings': `<r><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}"><r uid="{${gid(1).toUpperCase()}}" ds="${braced(used)}" /><r uid="{${gid(2).toUpperCase()}}" ds="/sitecore/content/Home/Data/By Path" /></d></r>`,
    } },
    { id: gid(510), path: '/sitecore/content/Home/Data', templateId: TEMPLATE_IDS.folder },
    { id: used, path: '/sitecore/content/Home/Data/Used', templateId: PROMO_T },
    { id: unused, path: '/sitecore/content/Home/Data/Unused', templateId: PROMO_T },
    { id: usedByPath, path: '/sitecore/content/Home/Data/By Path', templateId: PROMO_T },
    { id: gid(511), path: '/sitecore/content/Home/Data/Sub', templateId: TEMPLATE_IDS.folder },
    { id: nested, path: '/sitecore/content/Home/Data/Sub/Deep', templateId: PROMO_T },
    { id: gid(512), path: '/sitecore/content/Home/Page Without Data', templateId: PAGE_T },
    { id: gid(520), path: '/sitecore/media library/Images', templateId: TEMPLATE_IDS.mediaFolder },
    { id: m1, path: '/sitecore/media library/Images/used', templateId: TEMPLATE_IDS.unversionedJpeg, fields: { Size: '100' } },
    { id: m2, path: '/sitecore/media library/Images/unused', templateId: TEMPLATE_IDS.unversionedJpeg, fields: { Size: '100' } },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('orphan')), [
      'datasource /sitecore/content/Home/Data/Sub/Deep inbound references=0',
      'datasource /sitecore/content/Home/Data/Unused inbound references=0',
      'media /sitecore/media library/Images/unused inbound references=0',
    ]);
  } finally {
    await scan.close();
  }
});
