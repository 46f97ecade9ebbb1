import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { brief, gid, tinyScan } from '../test-support/tiny-scan.ts';

void test('large-media: Size above maxBytes (256,000 bytes by default; the boundary itself is fine)', async () => {
  const media = (n: number, name: string, size: string, templateId: string = TEMPLATE_IDS.unversionedJpeg) => ({ id: gid(n), path: `/sitecore/media library/${name}`, templateId, fields: { Size: size } });
  const scan = await tinyScan([
    media(701, 'big', '256001'),
    media(702, 'boundary', '256000'),
    media(703, 'brochure', '5000000', TEMPLATE_IDS.unversionedFile),
    media(704, 'no size', ''),
    { id: gid(705), path: '/sitecore/content/Not Media', templateId: TEMPLATE_IDS.folder, fields: { Size: '9999999' } },
  ]);
  try {
    assert.deepEqual(brief(await scan.run('large-media')), ['size /sitecore/media library/big Size=256001', 'size /sitecore/media library/brochure Size=5000000']);
    assert.equal((await scan.run('large-media', { analyzers: { 'large-media': { maxBytes: 10_000_000 } } })).length, 0);
  } finally {
    await scan.close();
  }
});
