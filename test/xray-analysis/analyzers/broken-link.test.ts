import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_IDS, TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { braced, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);
const RENDERING = gid(300);
const missing = (n: number): string => gid(800 + n);
const hex = (id: string): string => id.replaceAll('-', '').toUpperCase();

void test('broken-link: every reference kind whose target is not an item, and nothing else', async () => {
  const page = gid(500);
  const target = gid(501);
  const unreadable = gid(502);
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page', fields: [
      { name: 'Body', type: 'Rich Text' }, { name: 'Related', type: 'Multilist' }, { name: 'Author', type: 'Droplink' },
      { name: 'Link', type: 'General Link' }, { name: 'Photo', type: 'Image' }, { name: 'Ext', type: 'General Link' }, { name: 'Other', type: 'Treelist' }] }, 110),
    { id: RENDERING, path: '/sitecore/layout/Promo', templateId: TEMPLATE_IDS.viewRendering },
    { id: ITEM_IDS.defaultDevice, path: '/sitecore/layout/Devices/Default', templateId: TEMPLATE_IDS.device },
    { id: target, path: '/sitecore/content/Target', templateId: PAGE_T },
    { id: gid(503), path: '/sitecore/content/Home/Data/Hero', templateId: PAGE_T },
    { id: page, path: '/sitecore/content/Home', templateId: PAGE_T, fields: {
      'Body': `<p><a href="~/link.aspx?_id=${hex(missing(1))}&amp;_z=z">gone</a> <a href="~/link.aspx?_id=${hex(target)}&amp;_z=z">ok</a> <img src="-/media/${hex(missing(2))}.ashx" /></p>`,
      'Related': braced(missing(3)),
      'Author': braced(missing(4)),
      'Link': `<link linktype="internal" id="${braced(missing(5))}" text="x" />`,
      'Photo': `<image mediaid="${braced(missing(6))}" alt="" />`,
      'Ext': '<link linktype="external" url="https://example.com/gone" text="x" />',
      'Other': `${braced(target)}|${braced(unreadable)}`,
      '__Renderings': `<r xmlns:p="p" xmlns:s="s" p:p="1"><d id="{FE5D7FDF-89C0-4D99-9AA3-B5FBD009C9F3}">`
        + `<r uid="${braced(gid(901))}" s:id="${braced(missing(7))}" s:ph="main" />`
        + `<r uid="${braced(gid(902))}" s:id="${braced(RENDERING)}" s:ds="${braced(missing(8))}" />`
        + `<r uid="${braced(gid(903))}" s:id="${braced(RENDERING)}" s:ds="/sitecore/content/Gone" />`
        + '<r uid="{00000000-0000-0000-0000-000000000904}" s:ds="local:/Data/Hero" />'
        + '<r uid="{00000000-0000-0000-0000-000000000905}" s:ds="query:./*" /></d></r>',
    } },
  ], { probe: { unreadable: [unreadable] } });
  try {
    const found = await scan.run('broken-link');
    const keys = found.map((f) => `${String(f.evidence['rule'])} ${String(f.evidence['field'])} ${String(f.evidence['target'])} ${f.severity}`).sort();
    assert.deepEqual(keys, [
      `droplink Author ${missing(4)} warning`,
      `general-link-internal Link ${missing(5)} warning`,
      `image Photo ${missing(6)} warning`,
      `multilist Related ${missing(3)} warning`,
      `rendering-datasource-id __Renderings ${missing(8)} critical`,
      'rendering-datasource-path __Renderings /sitecore/content/Gone critical',
      `rendering-id __Renderings ${missing(7)} critical`,
      `rich-text-link Body ${missing(1)} warning`,
      `rich-text-media Body ${missing(2)} warning`,
    ].sort());
    const richText = found.find((f) => f.evidence['rule'] === 'rich-text-link');
    assert.equal(richText?.evidence['value'], hex(missing(1)), 'evidence holds the token as stored');
    assert.equal(richText?.itemPath, '/sitecore/content/Home');
    const result = await scan.analyze();
    assert.equal(result.record.runs.find((r) => r.id === 'broken-link')?.metrics['unresolvable'], 1, 'the unreadable target is counted as unresolvable');
  } finally {
    await scan.close();
  }
});

void test('broken-link: ignoreKinds leaves a kind out', async () => {
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page', fields: [{ name: 'Author', type: 'Droplink' }] }, 110),
    { id: gid(500), path: '/sitecore/content/Home', templateId: PAGE_T, fields: { Author: braced(missing(1)) } },
  ]);
  try {
    assert.equal((await scan.run('broken-link')).length, 1);
    assert.equal((await scan.run('broken-link', { analyzers: { 'broken-link': { ignoreKinds: ['droplink'] } } })).length, 0);
  } finally {
    await scan.close();
  }
});
