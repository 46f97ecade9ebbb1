import { z } from 'zod';
import { requireModel } from '../analyzer-support.ts';
import { defineAnalyzer } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Deepest allowed level below the content root (its first level, e.g. Home, is 1). */
  maxDepth: z.number().int().positive().default(10),
});

/**
 * Content nested too deep (reference §4.3: serialization path limits, and
 * editors lose their way; practitioners warn at about 8-10 levels below the
 * site root, a judgement with no official number).
 */
export const deepNesting = defineAnalyzer({
  id: 'deep-nesting',
  version: '1.0.0',
  title: 'Deeply nested content',
  category: 'deep-nesting',
  severity: 'info',
  options,
  needs: ['structure', 'model'],
  hint: 'Flatten the branch (move items up, or into buckets/folders by topic) so paths stay short.',
  docsAnchor: 'deep-nesting',
  minutesPerFinding: 10,
  async *run(ctx) {
    const model = requireModel(ctx, 'deep-nesting');
    let last: string | undefined;
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        if (item.id === last) continue;
        last = item.id;
        const depth = model.scope(item).contentDepth;
        if (depth === null || depth <= ctx.options.maxDepth) continue;
        yield {
          rule: 'depth', itemId: item.id, itemPath: item.path, language: item.language,
          message: `${depth} levels below the content root (more than ${ctx.options.maxDepth}).`,
          evidence: { field: 'depth', value: String(depth) },
        };
      }
    }
  },
});
