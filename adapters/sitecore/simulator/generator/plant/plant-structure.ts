import { ITEM_IDS, TEMPLATE_IDS } from '../../../shared/well-known-ids.ts';
import { addItem, hasChildNamed, idOf, mustGet, type GenContext, type PageRecord } from '../gen-context.ts';
import { braced } from '../field-values.ts';
import { deltaLayout } from '../layout-xml.ts';
import { mediaCategoryFolder } from '../media-library.ts';
import { plantPage, plantParent, randomSection, record } from './plant-kit.ts';

export const STRUCTURE_ITEMS = 11 + 11 + 102 + 3;
const CHAIN = ['Archive', '2015', 'Q1', 'January', 'Week 1', 'Monday', 'Morning', 'Session A', 'Part 1', 'Appendix', 'Notes'];

/** A parent under which none of `names` exists yet (case-insensitively). */
function parentFreeOf(ctx: GenContext, names: string[]): PageRecord {
  for (;;) {
    const parent = plantParent(ctx);
    if (names.every((n) => !hasChildNamed(ctx, parent.item, n))) return parent;
  }
}

function plantDuplicates(ctx: GenContext): void {
  const groups = [['Contact Us', 'Contact Us'], ['Press Kit', 'press kit'], ['Overview', 'Overview', 'OVERVIEW']];
  for (const names of groups) {
    const parent = parentFreeOf(ctx, names);
    for (const name of names) {
      const page = plantPage(ctx, { name, parent, templateKey: 'contentPage' }).item;
      record(ctx, 'duplicate', page, { kind: 'same-name-siblings', field: 'ItemName', value: name });
    }
  }
  // Two datasource items with the same name in one Data folder, both placed on the page (so neither is an orphan).
  const hub = plantPage(ctx, { name: 'Campaign Hub', templateKey: 'contentPage' }).item;
  const data = addItem(ctx, hub, 'Data', TEMPLATE_IDS.folder, { content: true });
  const promos = [0, 1].map(() => addItem(ctx, data, 'Promo', idOf(ctx, 't.promo'), { content: true, en: { 'Heading': 'Offer', 'Text': '', 'Link': '', 'Image': '' } }));
  hub.shared['__Renderings'] = deltaLayout(ITEM_IDS.defaultDevice, promos.map((p) => ({ uid: ctx.rng.guid(), id: idOf(ctx, 'r.promo'), ds: braced(p.id), ph: 'main' })));
  for (const promo of promos) record(ctx, 'duplicate', promo, { kind: 'same-name-siblings', field: 'ItemName', value: 'Promo' });
}

function plantDeepChain(ctx: GenContext): void {
  let parent = randomSection(ctx);
  for (const name of CHAIN) {
    const page = plantPage(ctx, { name, parent, templateKey: 'contentPage' });
    if (page.depth > 10) record(ctx, 'deep-nesting', page.item, { kind: 'depth', field: 'depth', value: String(page.depth) });
    if (page.depth === 10) ctx.truth.control({ kind: 'depth-boundary', itemId: page.item.id, path: ctx.tree.pathOf(page.item), field: 'depth', value: '10', note: 'Exactly at the maximum depth: not a finding.' });
    parent = page;
  }
}

function plantManyChildren(ctx: GenContext): void {
  const hub = plantPage(ctx, { name: 'Press Releases', parent: randomSection(ctx), templateKey: 'contentPage' });
  for (let i = 1; i <= 101; i++) plantPage(ctx, { name: `Press Release ${String(i).padStart(3, '0')}`, parent: hub, templateKey: 'articlePage' });
  record(ctx, 'too-many-children', hub.item, { kind: 'children', field: 'children', value: '101' });
}

function plantEmptyContainers(ctx: GenContext): void {
  let parent = plantParent(ctx);
  while (hasChildNamed(ctx, parent.item, 'Data')) parent = plantParent(ctx);
  const data = addItem(ctx, parent.item, 'Data', TEMPLATE_IDS.folder, { content: true });
  record(ctx, 'empty-container', data, { kind: 'folder' });
  const shared = mustGet(ctx, idOf(ctx, 'folder.shared'));
  const archive = addItem(ctx, shared, 'Archive', TEMPLATE_IDS.folder, { content: true });
  record(ctx, 'empty-container', archive, { kind: 'folder' });
  const images = mediaCategoryFolder(ctx, 'Products');
  const unsorted = addItem(ctx, mustGet(ctx, images.parentId ?? ''), 'Unsorted', TEMPLATE_IDS.mediaFolder);
  record(ctx, 'empty-container', unsorted, { kind: 'media-folder' });
}

/** Same-name siblings, an over-deep branch, an over-full parent and empty folders. */
export function plantStructure(ctx: GenContext): void {
  plantDuplicates(ctx);
  plantDeepChain(ctx);
  plantManyChildren(ctx);
  plantEmptyContainers(ctx);
}
