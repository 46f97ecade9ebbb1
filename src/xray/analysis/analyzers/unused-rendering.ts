import { z } from 'zod';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({});

/**
 * Rendering definitions no layout places (reference §4.1, SPE "uses per
 * rendering"): counted over every layout field of every scanned item, standard
 * values included, both the shared layout and the per-language final layout
 * deltas (reading only one of them misreports renderings as unused, §3.1).
 */
export const unusedRendering = defineAnalyzer({
  id: 'unused-rendering',
  version: '1.0.0',
  title: 'Unused renderings',
  category: 'unused-rendering',
  severity: 'info',
  options,
  needs: ['structure', 'content', 'model'],
  hint: 'Remove the rendering definition (and its code) if no layout, branch or SXA variant needs it.',
  docsAnchor: 'unused-rendering',
  minutesPerFinding: 15,
  async *run(ctx) {
    const model = requireModel(ctx, 'unused-rendering');
    const components = new Map<string, { path: string; language: string }>();
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) if (model.role(item) === 'component' && !components.has(item.id)) components.set(item.id, { path: item.path, language: item.language });
    }
    const used = new Set<string>();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) for (const ref of ctx.referencesOf(item)) if (ref.use === 'component' && ref.targetId !== undefined) used.add(ref.targetId);
    }
    for (const [id, c] of components) {
      if (used.has(id)) continue;
      yield {
        rule: 'no-usage', itemId: id, itemPath: c.path, language: c.language,
        message: 'No layout (shared, final or standard values) places this rendering.',
        evidence: { field: 'placements', value: '0' },
      };
    }
  },
});
