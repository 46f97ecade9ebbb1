/**
 * Test support: the `__Security` rules of README.md, parsed from the ACL string
 * grammar `<type>|<account>|<propagation>|<right>|…|` (reference §3.2).
 */
const BROAD_ACCOUNTS = /^(extranet\\anonymous|everyone|[^\\]+\\everyone)$/i;
const BROAD_RIGHTS = new Set(['item:write', 'item:delete', 'item:create', 'item:rename', 'item:admin']);

export interface AclFinding {
  kind: 'broad-rights' | 'explicit-deny' | 'user-rights' | 'inheritance-break';
  account: string;
}

export function aclFindings(acl: string): AclFinding[] {
  const tokens = acl.split('|');
  const found = new Map<string, AclFinding>();
  const add = (kind: AclFinding['kind'], account: string): void => { found.set(`${kind}|${account}`, { kind, account }); };
  let type = '';
  let account = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === 'ar' || token === 'au' || token === 'a?') {
      type = token;
      account = tokens[++i] ?? '';
      if (type === 'au') add('user-rights', account);
      continue;
    }
    if (token === '!*') add('inheritance-break', account);
    else if (token.startsWith('-')) add('explicit-deny', account);
    else if (token.startsWith('+') && BROAD_RIGHTS.has(token.slice(1)) && BROAD_ACCOUNTS.test(account)) add('broad-rights', account);
  }
  return [...found.values()];
}
