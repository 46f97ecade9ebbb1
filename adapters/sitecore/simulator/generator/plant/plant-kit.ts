import type { XrayCategory } from '../../../../../src/adapter-kit/index.ts';
import type { SimItem } from '../../tree/sim-item.ts';
import type { GenContext, PageRecord } from '../gen-context.ts';
import { addPage, type NewPage } from '../fill-pages.ts';
import type { GroundTruthFinding } from '../ground-truth.ts';

/** A random readable page at most `maxDepth` deep with room for a few more children. */
export function plantParent(ctx: GenContext, maxDepth = 5): PageRecord {
  for (let tries = 0; tries < 1000; tries++) {
    const page = ctx.rng.pick(ctx.pages);
    if (page.depth <= maxDepth && page.item.readable && page.item.childIds.length < 90) return page;
  }
  throw new Error('no page to plant under');
}

export function randomSection(ctx: GenContext): PageRecord {
  const sections = ctx.pages.filter((p) => p.depth === 2);
  return ctx.rng.pick(sections);
}

/** A bare page (no links, media or layout) kept out of the generator's pools. */
export function plantPage(ctx: GenContext, spec: Partial<NewPage> & { name: string }): PageRecord {
  const parent = spec.parent ?? plantParent(ctx);
  return addPage(ctx, { ...spec, parent, bare: true, detached: true });
}

export type FindingInput = Omit<GroundTruthFinding, 'category' | 'path' | 'itemId'>;

export function record(ctx: GenContext, category: XrayCategory, item: SimItem, finding: FindingInput): void {
  ctx.truth.add({ category, itemId: item.id, path: ctx.tree.pathOf(item), ...finding });
}

export function control(ctx: GenContext, kind: string, item: SimItem, note: string, evidence: { field?: string; value?: string } = {}): void {
  ctx.truth.control({ kind, itemId: item.id, path: ctx.tree.pathOf(item), ...evidence, note });
}

export function enFields(item: SimItem): Record<string, string> {
  const en = item.langs['en'];
  if (!en) throw new Error(`item ${item.id} has no en version`);
  return en.fields;
}
