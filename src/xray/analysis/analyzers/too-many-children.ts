import { z } from 'zod';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Most children a node should have (Sitecore: "100 items or less", reference §4.1). */
  maxChildren: z.number().int().positive().default(100),
});

/**
 * Parents with more children than the limit (reference §4.1, §4.2: Sitecore
 * recommends 100 or fewer; the content tree and the Item Service slow down,
 * since SSC returns children unpaged). Counted in the store by one aggregate.
 */
export const tooManyChildren = defineAnalyzer({
  id: 'too-many-children',
  version: '1.0.0',
  title: 'Too many children',
  category: 'too-many-children',
  severity: 'warning',
  options,
  needs: [],
  hint: 'Group the children into folders (by date or topic) or make the parent an item bucket.',
  docsAnchor: 'too-many-children',
  minutesPerFinding: 30,
  async *run(ctx) {
    const over: Array<{ parentId: string; children: number }> = [];
    for await (const batch of ctx.query.childCounts()) for (const c of batch) if (c.children > ctx.options.maxChildren) over.push(c);
    const items = new Map((await ctx.query.itemsById(over.map((o) => o.parentId))).map((i) => [i.id, i]));
    for (const o of over) {
      const parent = items.get(o.parentId);
      // A parent outside the scan (the root's parent) cannot be reported on.
      if (!parent) continue;
      yield {
        rule: 'children', itemId: parent.id, itemPath: parent.path, language: parent.language,
        message: `${o.children} children (more than ${ctx.options.maxChildren}).`,
        evidence: { field: 'children', value: String(o.children) },
      };
    }
  },
});
