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
 * site root, a judgement with no official number). Folders the CMS generates
 * itself (Sitecore item-bucket folders, five levels by default) are not
 * levels anyone designed and do not count. The structure pass comes in id
 * order, not parents first, so the deep items are held until it ends; only
 * those and the generated folders' paths are kept.
 */
export const deepNesting = defineAnalyzer({
  id: 'deep-nesting',
  version: '1.1.0',
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
    const generatedFolders = new Set<string>();
    const deep: Array<{ id: string; path: string; language: string; depth: number }> = [];
    let last: string | undefined;
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        if (item.id === last) continue;
        last = item.id;
        if (model.isGeneratedFolder(item)) generatedFolders.add(item.path.toLowerCase());
        const depth = model.scope(item).contentDepth;
        if (depth !== null && depth > ctx.options.maxDepth) deep.push({ id: item.id, path: item.path, language: item.language, depth });
      }
    }
    for (const item of deep) {
      const depth = item.depth - generatedAncestors(item.path, generatedFolders);
      if (depth <= ctx.options.maxDepth) continue;
      yield {
        rule: 'depth', itemId: item.id, itemPath: item.path, language: item.language,
        message: `${depth} levels below the content root (more than ${ctx.options.maxDepth}).`,
        evidence: { field: 'depth', value: String(depth) },
      };
    }
  },
});

/** How many proper ancestors of `path` are generated folders. */
function generatedAncestors(path: string, folders: ReadonlySet<string>): number {
  if (folders.size === 0) return 0;
  const lower = path.toLowerCase();
  let count = 0;
  for (let i = lower.lastIndexOf('/'); i > 0; i = lower.lastIndexOf('/', i - 1)) if (folders.has(lower.slice(0, i))) count += 1;
  return count;
}
