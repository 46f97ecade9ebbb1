import type { ContentItem, ItemRef, ListQuery, Page, ReadOptions } from '../../src/adapter-kit/index.ts';
import { toContentItem } from './map-ssc-item.ts';
import type { SscItem } from './ssc-schemas.ts';
import { decodeListCursor, encodeListCursor } from './child-list-snapshots.ts';
import { clampLimit, fetchItem, mapOptions, readParams, resolveId, type XpContext } from './xp-context.ts';

export const LIST_DEFAULT_LIMIT = 50;
export const LIST_MAX_LIMIT = 500;

export async function getContent(ctx: XpContext, ref: ItemRef, options: ReadOptions = {}): Promise<ContentItem | null> {
  const item = await fetchItem(ctx, ref, readParams(ctx, options));
  return item ? toContentItem(item, mapOptions(ctx, options)) : null;
}

/**
 * One page of a parent's children. SSC's children endpoint is a bare array
 * with no paging, so the first page fetches the whole child list (plus one
 * small lookup when the parent is given by path) and slices it; the list is
 * kept for the pages after it (ChildListSnapshots), which cost no request
 * while it is kept. The cursor is the offset and the snapshot's name.
 */
export async function listChildren<T>(
  ctx: XpContext, query: ListQuery, defaultParent: ItemRef, map: (item: SscItem) => T,
): Promise<Page<T>> {
  const cursor = decodeListCursor(query.cursor);
  const limit = clampLimit(query.limit, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT);
  const parent = query.parent ?? defaultParent;
  const params = readParams(ctx, query);
  // The parent as the caller named it: a later page needs no path lookup to find its snapshot.
  const key = JSON.stringify([parent.id ?? null, parent.path ?? null, params]);
  const children = ctx.childLists.take(cursor.snapshot, key) ?? await ctx.api.getChildren(await resolveId(ctx, parent), params);
  const end = cursor.offset + limit;
  const page: Page<T> = { items: children.slice(cursor.offset, end).map(map), total: children.length };
  if (end < children.length) page.nextCursor = encodeListCursor({ offset: end, snapshot: ctx.childLists.keep(key, children, cursor.snapshot) });
  else ctx.childLists.release(cursor.snapshot);
  return page;
}

export function listContent(ctx: XpContext, query: ListQuery): Promise<Page<ContentItem>> {
  const options = mapOptions(ctx, query);
  return listChildren(ctx, query, { path: ctx.config.rootPath }, (item) => toContentItem(item, options));
}
