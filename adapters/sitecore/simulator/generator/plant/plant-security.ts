import type { GenContext } from '../gen-context.ts';
import { plantPage, record } from './plant-kit.ts';

export const SECURITY_ITEMS = 7;

interface SecurityPlant {
  name: string;
  acl: string;
  findings: Array<{ kind: string; account: string }>;
}

const PLANTS: SecurityPlant[] = [
  { name: 'Guestbook', acl: 'ar|extranet\\Anonymous|pe|+item:write|+item:delete|', findings: [{ kind: 'broad-rights', account: 'extranet\\Anonymous' }] },
  { name: 'Community Wiki', acl: 'ar|sitecore\\Everyone|p*|+item:admin|', findings: [{ kind: 'broad-rights', account: 'sitecore\\Everyone' }] },
  { name: 'Open Submissions', acl: 'a?|Everyone|pe|+item:create|', findings: [{ kind: 'broad-rights', account: 'Everyone' }] },
  { name: 'Board Notes', acl: 'ar|sitecore\\Author|pe|-item:write|-item:delete|', findings: [{ kind: 'explicit-deny', account: 'sitecore\\Author' }] },
  { name: 'Executive Bios', acl: 'au|sitecore\\jdoe|p*|+item:write|+item:rename|', findings: [{ kind: 'user-rights', account: 'sitecore\\jdoe' }] },
  { name: 'Partner Portal', acl: 'ar|sitecore\\Everyone|pe|!*|ar|sitecore\\Site Editors|p*|+item:read|+item:write|', findings: [{ kind: 'inheritance-break', account: 'sitecore\\Everyone' }] },
  { name: 'Member Area', acl: 'au|extranet\\webuser|pe|+item:read|ar|extranet\\Anonymous|pd|-item:read|',
    findings: [{ kind: 'user-rights', account: 'extranet\\webuser' }, { kind: 'explicit-deny', account: 'extranet\\Anonymous' }] },
];

/** Pages whose `__Security` grants too much, denies explicitly, targets users or breaks inheritance. */
export function plantSecurity(ctx: GenContext): void {
  for (const plant of PLANTS) {
    const page = plantPage(ctx, { name: plant.name, templateKey: 'contentPage' }).item;
    page.shared['__Security'] = plant.acl;
    for (const f of plant.findings) record(ctx, 'security', page, { kind: f.kind, account: f.account, field: '__Security', value: plant.acl });
  }
}
