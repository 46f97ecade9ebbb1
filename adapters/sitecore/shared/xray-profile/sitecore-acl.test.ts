import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAcl } from './sitecore-acl.ts';

void test('parses roles, users and the bare Everyone account, per propagation group', () => {
  const rules = parseAcl('au|sitecore\\ServicesAPI|pd|+item:read|^*|pe|+item:read|^*|a?|Everyone|p*|!*|ar|extranet\\Anonymous|pe|+item:write|-item:delete|');
  assert.deepEqual(rules.map((r) => [r.account, r.accountKind, r.isPublic, r.appliesTo, r.allows.map((a) => a.verb), r.denies.map((d) => d.right), r.breaksInheritance]), [
    ['sitecore\\ServicesAPI', 'user', false, 'descendants', ['read'], [], false],
    ['sitecore\\ServicesAPI', 'user', false, 'item', ['read'], [], false],
    ['Everyone', 'everyone', true, 'both', [], [], true],
    ['extranet\\Anonymous', 'role', true, 'item', ['write'], ['item:delete'], false],
  ]);
  assert.equal(rules[3]?.raw, 'ar|extranet\\Anonymous|pe|+item:write|-item:delete|');
});

void test('domain Everyone roles are public; other roles are not; empty and junk values hold no rules', () => {
  assert.deepEqual(parseAcl('ar|sitecore\\Everyone|pe|+item:admin|ar|sitecore\\Author|pe|+item:write|').map((r) => [r.accountKind, r.isPublic]), [['everyone', true], ['role', false]]);
  assert.deepEqual(parseAcl(''), []);
  assert.deepEqual(parseAcl('not an acl'), []);
});
