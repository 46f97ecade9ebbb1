import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gid, templateItems, tinyScan } from '../test-support/tiny-scan.ts';

const PAGE_T = gid(100);

void test('security: broad change rights, explicit denies, user rights and broken inheritance on content', async () => {
  const page = (n: number, name: string, acl: string) => ({ id: gid(n), path: `/sitecore/content/${name}`, templateId: PAGE_T, fields: { '__Security': acl } });
  const scan = await tinyScan([
    ...templateItems({ id: PAGE_T, path: '/sitecore/templates/Project/Page' }, 110),
    page(501, 'Guestbook', 'ar|extranet\\Anonymous|pe|+item:write|+item:delete|'),
    page(502, 'Wiki', 'a?|Everyone|p*|+item:create|'),
    page(503, 'Read Only Public', 'ar|extranet\\Anonymous|pe|+item:read|'),
    page(504, 'Notes', 'ar|sitecore\\Author|pe|-item:write|'),
    page(505, 'Bios', 'au|sitecore\\jdoe|p*|+item:write|'),
    page(506, 'Portal', 'ar|sitecore\\Everyone|pe|!*|ar|sitecore\\Editors|p*|+item:read|+item:write|'),
    // Not content: out of scope.
    { id: gid(507), path: '/sitecore/templates/Project/Locked', templateId: PAGE_T, fields: { '__Security': 'au|sitecore\\bob|pe|-item:read|' } },
  ]);
  try {
    const found = await scan.run('security');
    const keys = found.map((f) => `${String(f.evidence['rule'])} ${f.itemPath ?? ''} ${String(f.evidence['account'])} ${f.severity}`).sort();
    assert.deepEqual(keys, [
      'broad-rights /sitecore/content/Guestbook extranet\\Anonymous critical',
      'broad-rights /sitecore/content/Wiki Everyone critical',
      'explicit-deny /sitecore/content/Notes sitecore\\Author warning',
      'inheritance-break /sitecore/content/Portal sitecore\\Everyone info',
      'user-rights /sitecore/content/Bios sitecore\\jdoe warning',
    ]);
    assert.equal(found.find((f) => f.itemPath === '/sitecore/content/Guestbook')?.evidence['value'], 'ar|extranet\\Anonymous|pe|+item:write|+item:delete|');
  } finally {
    await scan.close();
  }
});
