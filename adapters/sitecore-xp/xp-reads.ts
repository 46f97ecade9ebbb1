import type { ContentItem, ItemRef, ListQuery, Page, ReadOptions } from '../../src/adapter-kit/index.ts';
import { toContentItem } from './map-ssc-item.ts';
import type { SscItem } from './ssc-schemas.ts';
import { clampLimit, decodeCursor, encodeCursor, fetchItem, mapOptions, readParams, resolveId, type XpContext } from './xp-context.ts';

export const LIST_DEFAULT_LIMIT = 50;
export const LIST_MAX_LIMIT = 500;

export async function getContent(ctx: XpContext, ref: ItemRef, options: ReadOptions = {}): Promise<ContentItem | null> {
  const item = await fetchItem(ctx, ref, readParams(ctx, options));
  return item ? toContentItem(item, mapOptions(ctx, options)) : null;
}

/**
 * One page of a parent's children. SSC's children endpoint is a bare array
 * with no paging, so every page request fetches the whole child list once and
 * slices it; the cursor is the offset. Cost: one children request per page
 * (plus one small lookup when the parent is given by path), and a page of a
 * parent with N children transfers all N.
 */
export async function listChildren<T>(
  ctx: XpContext, query: ListQuery, defaultParent: ItemRef, map: (item: SscItem) => T,
): Promise<Page<T>> {
  const offset = decodeCursor('o', query.cursor);
  const limit = clampLimit(query.limit, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT);
  const parentId = await resolveId(ctx, query.parent ?? defaultParent);
  const children = await ctx.api.getChildren(parentId, readParams(ctx, query));
  const end = offset + limit;
  const page: Page<T> = { items: children.slice(offset, end).map(map), total: children.length };
  if (end < children.length) page.nextCursor = encodeCursor('o', end);
  return page;
}

export function listContent(ctx: XpContext, query: ListQuery): Promise<Page<ContentItem>> {
  const options = mapOptions(ctx, query);
  return listChildren(ctx, query, { path: ctx.config.rootPath }, (item) => toContentItem(item, options));
}
