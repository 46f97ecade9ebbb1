import { z } from 'zod';
import type { AccessRule, AccessVerb } from '../../../adapter-kit/index.ts';
import type { StoredItem } from '../../../store/scan-store-types.ts';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer, type FindingDraft, type FindingSeverity } from '../analyzer-types.ts';

const CHANGE_VERBS = new Set<AccessVerb>(['write', 'delete', 'create', 'rename', 'admin']);

const options = z.strictObject({});

type Rule = 'broad-rights' | 'explicit-deny' | 'user-rights' | 'inheritance-break';

const SEVERITY: Record<Rule, FindingSeverity> = {
  'broad-rights': 'critical', 'explicit-deny': 'warning', 'user-rights': 'warning', 'inheritance-break': 'info',
};
const MESSAGE: Record<Rule, (r: AccessRule) => string> = {
  'broad-rights': (r) => `${r.account} may change this content (${r.allows.filter((a) => CHANGE_VERBS.has(a.verb)).map((a) => a.right).join(', ')}).`,
  'explicit-deny': (r) => `Explicit deny for ${r.account} (${r.denies.map((d) => d.right).join(', ')}); Sitecore advises breaking inheritance instead.`,
  'user-rights': (r) => `Rights granted to the user ${r.account} directly; grant them to a role.`,
  'inheritance-break': (r) => `Inheritance broken for ${r.account}: rights on the parent no longer apply here.`,
};

function rulesBroken(rule: AccessRule): Rule[] {
  const out: Rule[] = [];
  if (rule.isPublic && rule.allows.some((a) => CHANGE_VERBS.has(a.verb))) out.push('broad-rights');
  if (rule.denies.length > 0) out.push('explicit-deny');
  if (rule.accountKind === 'user') out.push('user-rights');
  if (rule.breaksInheritance) out.push('inheritance-break');
  return out;
}

function findingsOf(item: StoredItem, field: string, acl: string, rules: readonly AccessRule[]): FindingDraft[] {
  const seen = new Map<string, FindingDraft>();
  for (const rule of rules) {
    for (const kind of rulesBroken(rule)) {
      const key = `${kind}\u0000${rule.account}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        rule: kind, itemId: item.id, itemPath: item.path, language: item.language, severity: SEVERITY[kind],
        message: MESSAGE[kind](rule),
        evidence: { field, value: acl, account: rule.account },
        detail: { rule: rule.raw },
      });
    }
  }
  return [...seen.values()];
}

/**
 * Access rules on content (reference §3.2, §4.4; SPE Solution Audit): change
 * rights (write, delete, create, rename, admin) for anonymous or everyone,
 * explicit denies, rights on users instead of roles, and broken inheritance.
 */
export const security = defineAnalyzer({
  id: 'security',
  version: '1.0.0',
  title: 'Risky access rights',
  category: 'security',
  severity: 'warning',
  options,
  needs: ['content', 'model'],
  hint: 'Grant change rights to editor roles only, prefer breaking inheritance to explicit denies, and put users in roles.',
  docsAnchor: 'security',
  minutesPerFinding: 15,
  async *run(ctx) {
    const model = requireModel(ctx, 'security');
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        if (!model.scope(item).content) continue;
        const acl = model.access(item);
        if (acl !== null) yield* findingsOf(item, acl.field, acl.value, acl.rules);
      }
    }
  },
});
