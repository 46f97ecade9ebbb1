import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSitecoreDate } from '../../../adapters/sitecore/shared/sitecore-date.ts';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { braced, brief, gid, NOW, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);
const DAY = 86_400_000;

void test('stale-content: content not updated for more than N days before the scan, unless waiting in a non-final workflow state', async () => {
  const [draft, done] = [gid(801), gid(802)];
  const page = (n: number, name: string, days: number, state?: string) => ({
    id: gid(n), path: `/sitecore/content/${name}`, templateId: PAGE_T,
    fields: { '__Updated': formatSitecoreDate(NOW - days * DAY), ...(state ? { '__Workflow state': braced(state) } : {}) },
  });
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110),
    { id: draft, path: '/sitecore/system/Workflows/W/Draft', templateId: TEMPLATE_IDS.workflowState, fields: { Final: '' } },
    { id: done, path: '/sitecore/system/Workflows/W/Done', templateId: TEMPLATE_IDS.workflowState, fields: { Final: '1' } },
    page(501, 'Old', 400),
    page(502, 'Boundary', 365),
    page(503, 'Old In Draft', 500, draft),
    page(504, 'Old And Approved', 500, done),
    page(505, 'Fresh', 3),
    { id: gid(506), path: '/sitecore/templates/Project/Old System', templateId: PAGE_T, fields: { '__Updated': formatSitecoreDate(NOW - 3000 * DAY) } },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('stale-content')).map((b) => b.split(' __Updated=')[0]).sort(), [
      'not-updated /sitecore/content/Old', 'not-updated /sitecore/content/Old And Approved',
    ]);
    assert.equal((await scan.run('stale-content', { analyzers: { 'stale-content': { days: 2 } } })).length, 4);
  } finally {
    await scan.close();
  }
});

void test('stale-content: folders, item-bucket folders and media folders made long ago are not stale content', async () => {
  const old = { '__Updated': formatSitecoreDate(NOW - 2000 * DAY) };
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110),
    { id: gid(701), path: '/sitecore/content/News', templateId: TEMPLATE_IDS.folder, fields: old },
    { id: gid(702), path: '/sitecore/content/News/2019', templateId: TEMPLATE_IDS.bucketFolder, fields: old },
    { id: gid(703), path: '/sitecore/content/News/2019/Launch', templateId: PAGE_T, fields: old },
    { id: gid(704), path: '/sitecore/content/Assets', templateId: TEMPLATE_IDS.mediaFolder, fields: old },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('stale-content')).map((b) => b.split(' __Updated=')[0]), ['not-updated /sitecore/content/News/2019/Launch']);
  } finally {
    await scan.close();
  }
});
