import { formatSitecoreDate } from '../../../shared/sitecore-date.ts';
import { ITEM_IDS } from '../../../shared/well-known-ids.ts';
import { DAY_MS, type GenContext } from '../gen-context.ts';
import { guidList } from '../field-values.ts';
import { addMediaItem, mediaCategoryFolder } from '../media-library.ts';
import { enFields, plantPage, record } from './plant-kit.ts';

export const CONTENT_ITEMS = 4 + 4;
const LARGE_SIZES = [262_144, 1_258_291, 5_347_737];

/** Oversized media (referenced from a page, so not orphans) and pages not updated for over a year. */
export function plantContent(ctx: GenContext): void {
  const folder = mediaCategoryFolder(ctx, 'Banners');
  const set = ctx.tree.children(folder).find((c) => c.childIds.length < 55) ?? folder;
  const large = LARGE_SIZES.map((size, i) => {
    const item = addMediaItem(ctx, set, { name: `campaign-hero-${['4k', 'print', 'raw'][i] ?? i}`, kind: 'image', size });
    record(ctx, 'large-media', item, { kind: 'size', field: 'Size', value: String(size) });
    return item;
  });
  const kit = plantPage(ctx, { name: 'Media Kit', templateKey: 'contentPage' }).item;
  enFields(kit)['Downloads'] = guidList(large.map((m) => m.id));

  for (const days of [400, 800, 1500, 3000]) {
    const updatedAt = ctx.now - days * DAY_MS - 3_600_000;
    const page = plantPage(ctx, { name: `Archived Notice ${days}`, templateKey: 'contentPage', updatedAt, workflowState: ITEM_IDS.stateApproved }).item;
    record(ctx, 'stale-content', page, { kind: 'not-updated', field: '__Updated', value: formatSitecoreDate(updatedAt), language: 'en' });
  }
}
