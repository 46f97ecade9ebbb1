import { z } from 'zod';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Most children a node should have (Sitecore: "100 items or less", reference §4.1). */
  maxChildren: z.number().int().positive().default(100),
});

/**
 * Parents with more children than the limit (reference §4.1, §4.2: Sitecore
 * recommends 100 or fewer; the content tree and the Item Service slow down,
 * since SSC returns children unpaged). Counted during the structure pass:
 * one small counter per parent, far cheaper than an SQL aggregate per batch.
 */
export const tooManyChildren = defineAnalyzer({
  id: 'too-many-children',
  version: '1.0.0',
  title: 'Too many children',
  category: 'too-many-children',
  severity: 'warning',
  options,
  needs: ['structure'],
  hint: 'Group the children into folders (by date or topic) or make the parent an item bucket.',
  docsAnchor: 'too-many-children',
  minutesPerFinding: 30,
  async *run(ctx) {
    const counts = new Map<string, number>();
    let last: string | undefined;
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        if (item.id === last || item.parentId === null) continue;
        last = item.id;
        counts.set(item.parentId, (counts.get(item.parentId) ?? 0) + 1);
      }
    }
    const over = [...counts].filter(([, n]) => n > ctx.options.maxChildren);
    counts.clear();
    const parents = new Map((await ctx.query.itemsById(over.map(([id]) => id))).map((i) => [i.id, i]));
    for (const [parentId, children] of over.sort(([a], [b]) => (a < b ? -1 : 1))) {
      const parent = parents.get(parentId);
      // A parent outside the scan (the root's parent) cannot be reported on.
      if (!parent) continue;
      yield {
        rule: 'children', itemId: parent.id, itemPath: parent.path, language: parent.language,
        message: `${children} children (more than ${ctx.options.maxChildren}).`,
        evidence: { field: 'children', value: String(children) },
      };
    }
  },
});
