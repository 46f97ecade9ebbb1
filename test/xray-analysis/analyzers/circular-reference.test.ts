import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

void test('circular-reference: every template of a base-template cycle, self-references included', async () => {
  const [a, b, self, child] = [gid(100), gid(120), gid(140), gid(160)];
  const scan = await tinyScan([
    ...templateItems({ id: a, path: '/sitecore/templates/Project/A', bases: [b] }, 110),
    ...templateItems({ id: b, path: '/sitecore/templates/Project/B', bases: [a] }, 130),
    ...templateItems({ id: self, path: '/sitecore/templates/Project/Self', bases: [self] }, 150),
    ...templateItems({ id: child, path: '/sitecore/templates/Project/Child', bases: [a] }, 170),
  ]);
  try {
    const found = brief(await scan.run('circular-reference')).map((x) => x.split(' __Base template=')[0]);
    assert.deepEqual(found, [
      'base-template-cycle /sitecore/templates/Project/A', 'base-template-cycle /sitecore/templates/Project/B', 'base-template-cycle /sitecore/templates/Project/Self',
    ]);
  } finally {
    await scan.close();
  }
});
