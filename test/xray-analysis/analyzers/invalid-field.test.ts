import { test } from 'node:test';
import assert from 'node:assert/strict';
import { braced, brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('invalid-field: malformed dates, link XML and GUIDs, empty required fields (not in a language the item has no version in), invalid names', async () => {
  const fields = [{ name: 'Published', type: 'Date' }, { name: 'Starts', type: 'Datetime' }, { name: 'Link', type: 'General Link' },
    { name: 'Photo', type: 'Image' }, { name: 'Author', type: 'Droplink' }, { name: 'Related', type: 'Multilist' }, { name: 'Title', type: 'Single-Line Text', required: true }];
  const valid = { Published: '20240101', Starts: '20240101T100000Z', Link: `<link linktype="internal" id="${braced(gid(1))}" text="a &amp; b" />`,
    Photo: `<image mediaid="${braced(gid(2))}" alt="" />`, Author: braced(gid(3)), Related: `${braced(gid(3))}|${braced(gid(4))}`, Title: 'Fine' };
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page', fields }, 110),
    { id: gid(501), path: '/sitecore/content/Valid', templateId: PAGE_T, fields: valid },
    { id: gid(502), path: '/sitecore/content/Broken', templateId: PAGE_T, fields: {
      Published: '31/12/2023', Starts: '20241345T250000Z', Link: `<link linktype="internal" id="${braced(gid(1))}"`, Photo: '<image mediaid="{x}" alt="a />',
      Author: '{6C2F7E1A-0B5D-4E3A-9F1C-2B8D4E6A7C9}', Related: `${braced(gid(3))}|not-a-guid`, Title: '', '__Updated': '2024-06-11T10:00:00' } },
    // No version in en (SSC answers it with ItemVersion "0" and empty fields): nothing was left empty there.
    { id: gid(506), path: '/sitecore/content/Karriere', templateId: PAGE_T, language: 'en', version: 0, fields: { Title: '' } },
    { id: gid(506), path: '/sitecore/content/Karriere', templateId: PAGE_T, language: 'de-DE', version: 1, fields: { ...valid, Title: 'Karriere' } },
    { id: gid(503), path: '/sitecore/content/Summer Sale?', templateId: PAGE_T, fields: valid },
    { id: gid(504), path: '/sitecore/content/.hidden', templateId: PAGE_T, fields: valid },
    // Outside content: names and values are not checked.
    { id: gid(505), path: '/sitecore/system/Odd?', templateId: PAGE_T, fields: { ...valid, Published: 'yesterday' } },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('invalid-field')), [
      'invalid-name /sitecore/content/.hidden ItemName=.hidden',
      'invalid-name /sitecore/content/Summer Sale? ItemName=Summer Sale?',
      'malformed-date /sitecore/content/Broken Published=31/12/2023',
      'malformed-date /sitecore/content/Broken Starts=20241345T250000Z',
      'malformed-date /sitecore/content/Broken __Updated=2024-06-11T10:00:00',
      'malformed-guid /sitecore/content/Broken Author={6C2F7E1A-0B5D-4E3A-9F1C-2B8D4E6A7C9}',
      'malformed-guid /sitecore/content/Broken Related=not-a-guid',
      `malformed-link-xml /sitecore/content/Broken Link=<link linktype="internal" id="${braced(gid(1))}"`,
      'malformed-link-xml /sitecore/content/Broken Photo=<image mediaid="{x}" alt="a />',
      'required-empty /sitecore/content/Broken Title=',
    ]);
    assert.equal((await scan.run('invalid-field', { analyzers: { 'invalid-field': { ignore: ['invalid-name', 'required-empty'] } } })).length, 7);
  } finally {
    await scan.close();
  }
});
