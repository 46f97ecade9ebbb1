import { TEMPLATE_IDS } from '../../../shared/well-known-ids.ts';
import type { SimItem } from '../../tree/sim-item.ts';
import { addItem, idOf, mustGet, uniqueChildName, type GenContext } from '../gen-context.ts';
import { addMediaItem } from '../media-library.ts';
import { record } from './plant-kit.ts';

export const ORPHAN_ITEMS = 6;

/** Data folders of baseline pages (their items are all referenced). */
function dataFolders(ctx: GenContext): SimItem[] {
  const out: SimItem[] = [];
  for (const page of ctx.pages) {
    if (page.depth > 6) continue;
    const data = ctx.tree.children(page.item).find((c) => c.name === 'Data' && c.templateId === TEMPLATE_IDS.folder);
    if (data && data.childIds.length > 0 && data.childIds.length < 50) out.push(data);
  }
  return out;
}

/** Datasource and media items nothing references. */
export function plantOrphans(ctx: GenContext): void {
  const folders = dataFolders(ctx);
  for (let i = 0; i < 3; i++) {
    const folder = ctx.rng.pick(folders);
    const name = uniqueChildName(ctx, folder, 'Unused Promo');
    const item = addItem(ctx, folder, name, idOf(ctx, 't.promo'), { content: true, en: { 'Heading': 'Old offer', 'Text': '<p>Expired.</p>', 'Link': '', 'Image': '' } });
    record(ctx, 'orphan', item, { kind: 'datasource' });
  }
  const promos = mustGet(ctx, idOf(ctx, 'folder.promos'));
  const retired = addItem(ctx, promos, 'Campaign Retired', idOf(ctx, 't.promo'), { content: true, en: { 'Heading': 'Retired', 'Text': '', 'Link': '', 'Image': '' } });
  record(ctx, 'orphan', retired, { kind: 'datasource' });

  for (let i = 0; i < 2; i++) {
    const anyMedia = ctx.tree.items.get(ctx.rng.pick(ctx.media));
    const folder = anyMedia?.parentId ? ctx.tree.items.get(anyMedia.parentId) : undefined;
    if (!folder) throw new Error('generator: no media folder for an orphan');
    const item = addMediaItem(ctx, folder, { name: uniqueChildName(ctx, folder, `unused-banner-${i + 1}`), kind: 'image', size: ctx.rng.int(20_000, 150_000) });
    record(ctx, 'orphan', item, { kind: 'media' });
  }
}
