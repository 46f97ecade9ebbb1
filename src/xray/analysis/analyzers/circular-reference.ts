import { z } from 'zod';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';
import { stronglyConnected } from '../graph-cycles.ts';

const options = z.strictObject({});

/**
 * Types that inherit from themselves through their base types: every member
 * of a cycle is a finding (Sitecore's template engine loops or refuses such
 * templates). Only type items are kept in memory: a few thousand at most.
 */
export const circularReference = defineAnalyzer({
  id: 'circular-reference',
  version: '1.0.0',
  title: 'Circular template inheritance',
  category: 'circular-reference',
  severity: 'critical',
  options,
  needs: ['content', 'model'],
  hint: 'Remove one base template from the cycle so inheritance forms a tree again.',
  docsAnchor: 'circular-reference',
  minutesPerFinding: 20,
  async *run(ctx) {
    const model = requireModel(ctx, 'circular-reference');
    const types = new Map<string, { path: string; language: string; field: string; value: string; bases: string[] }>();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        const bases = model.baseTypes(item);
        if (bases !== null && !types.has(item.id)) types.set(item.id, { path: item.path, language: item.language, field: bases.field, value: bases.value, bases: bases.ids });
      }
    }
    const edges = new Map([...types].map(([id, t]) => [id, t.bases]));
    for (const component of stronglyConnected(edges)) {
      const cyclic = component.length > 1 || (edges.get(component[0] ?? '') ?? []).includes(component[0] ?? '');
      if (!cyclic) continue;
      for (const id of component) {
        const t = types.get(id);
        if (!t) continue;
        yield {
          rule: 'base-template-cycle', itemId: id, itemPath: t.path, language: t.language,
          message: `Inherits from itself through ${component.length === 1 ? 'its own base list' : `a cycle of ${component.length} templates`}.`,
          evidence: { field: t.field, value: t.value },
          detail: { cycle: [...component].sort() },
        };
      }
    }
  },
});
