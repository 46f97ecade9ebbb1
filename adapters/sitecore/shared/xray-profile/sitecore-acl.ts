import type { AccessRule, AccessVerb } from '../../../../src/adapter-kit/index.ts';

/**
 * The `__Security` ACL string (reference §3.2): repeated
 * `<type>|<account>|<propagation>|<right>|…|`, type `ar` role, `au` user, `a?`
 * the bare Everyone account; propagation `pe` item, `pd` descendants, `p*`
 * both; rights `+right` allow, `-right` deny, `!*` break inheritance, `^*`
 * allow inheritance. One rule per account and propagation group.
 */
const PUBLIC_ACCOUNT = /^(extranet\\anonymous|everyone|[^\\]+\\everyone)$/i;
const EVERYONE = /^(everyone|[^\\]+\\everyone)$/i;
const PROPAGATION: Record<string, AccessRule['appliesTo']> = { pe: 'item', pd: 'descendants', 'p*': 'both' };

export function verbOf(right: string): AccessVerb {
  const verb = right.toLowerCase().split(':')[1] ?? '';
  if (verb === 'read' || verb === 'write' || verb === 'delete' || verb === 'create' || verb === 'rename' || verb === 'admin') return verb;
  return 'other';
}

interface Draft { type: string; account: string; rule: AccessRule | undefined }

function newRule(d: Draft, appliesTo: AccessRule['appliesTo'], token: string): AccessRule {
  const accountKind = d.type === 'au' ? 'user' : d.type === 'a?' || EVERYONE.test(d.account) ? 'everyone' : 'role';
  return {
    account: d.account, accountKind, isPublic: PUBLIC_ACCOUNT.test(d.account), appliesTo,
    allows: [], denies: [], breaksInheritance: false, raw: `${d.type}|${d.account}|${token}|`,
  };
}

export function parseAcl(acl: string): AccessRule[] {
  const tokens = acl.split('|');
  const rules: AccessRule[] = [];
  let draft: Draft | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').trim();
    if (token === '') continue;
    if (token === 'ar' || token === 'au' || token === 'a?') {
      draft = { type: token, account: tokens[++i] ?? '', rule: undefined };
      continue;
    }
    if (!draft) continue;
    const appliesTo = PROPAGATION[token];
    if (appliesTo !== undefined) {
      draft.rule = newRule(draft, appliesTo, token);
      rules.push(draft.rule);
      continue;
    }
    // A right before any propagation token: Sitecore reads it as applying to the item.
    draft.rule ??= (() => { const r = newRule(draft, 'item', 'pe'); rules.push(r); return r; })();
    draft.rule.raw += `${token}|`;
    if (token === '!*') draft.rule.breaksInheritance = true;
    else if (token === '^*') continue;
    else if (token.startsWith('+')) draft.rule.allows.push({ right: token.slice(1), verb: verbOf(token.slice(1)) });
    else if (token.startsWith('-')) draft.rule.denies.push({ right: token.slice(1), verb: verbOf(token.slice(1)) });
  }
  return rules;
}
