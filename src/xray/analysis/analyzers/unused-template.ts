import { z } from 'zod';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({});

/**
 * Project templates nothing uses (reference §4.1, SPE "usage count per custom
 * template"): no item outside the template's own subtree (its standard values
 * live inside it) has it as template, and no other template inherits from it.
 * Insert options and datasource-template settings do not count as use.
 */
export const unusedTemplate = defineAnalyzer({
  id: 'unused-template',
  version: '1.0.0',
  title: 'Unused templates',
  category: 'unused-template',
  severity: 'info',
  options,
  needs: ['structure', 'content', 'model'],
  hint: 'Delete the template (and its standard values) if no code or branch needs it; otherwise note why it stays.',
  docsAnchor: 'unused-template',
  minutesPerFinding: 10,
  async *run(ctx) {
    const model = requireModel(ctx, 'unused-template');
    const types = new Map<string, { path: string; language: string }>();
    const usedOutside = new Set<string>();
    /** Users inside the type-definition area, which may sit inside the template they use. */
    const areaUsers = new Map<string, string[]>();
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        const scope = model.scope(item);
        if (model.role(item) === 'type' && scope.customType && !types.has(item.id)) types.set(item.id, { path: item.path, language: item.language });
        if (item.templateId === null) continue;
        if (!scope.typeArea) usedOutside.add(item.templateId);
        else {
          const users = areaUsers.get(item.templateId);
          if (users) users.push(item.path.toLowerCase());
          else areaUsers.set(item.templateId, [item.path.toLowerCase()]);
        }
      }
    }
    const usedAsBase = new Set<string>();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) for (const base of model.baseTypes(item)?.ids ?? []) if (base !== item.id) usedAsBase.add(base);
    }
    for (const [id, t] of types) {
      const own = `${t.path.toLowerCase()}/`;
      const used = usedOutside.has(id) || usedAsBase.has(id) || (areaUsers.get(id) ?? []).some((p) => !p.startsWith(own));
      if (used) continue;
      yield {
        rule: 'no-usage', itemId: id, itemPath: t.path, language: t.language,
        message: 'No item uses this template and no template inherits from it.',
        evidence: { field: 'usages', value: '0' },
      };
    }
  },
});
