import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('duplicate: siblings with the same name, case-insensitively; the same name elsewhere is fine', async () => {
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page', fields: [{ name: 'Title', type: 'Single-Line Text' }] }, 110),
    { id: gid(500), path: '/sitecore/content/Home', templateId: PAGE_T },
    { id: gid(501), path: '/sitecore/content/Home/Team', templateId: PAGE_T, fields: { Title: 'Team' } },
    { id: gid(502), path: '/sitecore/content/Home/team', templateId: PAGE_T, fields: { Title: 'Team' } },
    { id: gid(503), path: '/sitecore/content/Home/About', templateId: PAGE_T },
    { id: gid(504), path: '/sitecore/content/Home/About/Team', templateId: PAGE_T },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('duplicate')), [
      'same-name-siblings /sitecore/content/Home/Team ItemName=Team',
      'same-name-siblings /sitecore/content/Home/team ItemName=team',
    ]);
    const withContent = brief(await scan.run('duplicate', { analyzers: { duplicate: { content: true } } }));
    assert.equal(withContent.filter((b) => b.startsWith('same-content')).length, 2, 'the two pages with Title "Team" hold the same content');
  } finally {
    await scan.close();
  }
});
