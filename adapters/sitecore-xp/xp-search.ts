import { ConduitError, type ContentItem, type Page, type SearchPart, type SearchQuery } from '../../src/adapter-kit/index.ts';
import { toContentItem } from './map-ssc-item.ts';
import { normalizeGuid, toIndexGuid } from '../sitecore/shared/index.ts';
import { clampLimit, decodeCursor, encodeCursor, mapOptions, readParams, resolveId, type XpContext } from './xp-context.ts';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 100;

/**
 * The SSC `term`: clauses in content-search index syntax joined by `;`, `+`
 * marking a must (`+_templatename:Device;+_group:aa30d078*`, watchTowr
 * write-up). Free text goes first as typed, so a caller may also pass index
 * syntax directly; a type becomes a `_template` (by id, 32 hex) or
 * `_templatename` clause, and `under` a `_path` clause (the index stores each
 * ancestor id as 32 lower-case hex).
 */
export function buildSearchTerm(text: string | undefined, type: string | undefined, underId: string | undefined): string {
  const clauses: string[] = [];
  const trimmed = text?.trim();
  if (trimmed) clauses.push(trimmed);
  if (type) {
    const typeId = normalizeGuid(type);
    clauses.push(typeId ? `+_template:${toIndexGuid(typeId)}` : `+_templatename:${type}`);
  }
  if (underId) clauses.push(`+_path:${toIndexGuid(underId)}`);
  return clauses.join(';');
}

/**
 * Search through the content-search index: results lag edits until the index
 * catches up, and TotalCount includes items the account cannot read (they are
 * only dropped from Results), so a page may hold fewer items than asked for.
 * The cursor is the next zero-based page number; the last page is TotalPage - 1.
 */
export async function searchContent(ctx: XpContext, query: SearchQuery): Promise<Page<ContentItem>> {
  const page = decodeCursor('p', query.cursor);
  const pageSize = clampLimit(query.limit, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
  const underId = query.under ? await resolveId(ctx, query.under) : undefined;
  const term = buildSearchTerm(query.text, query.type, underId);
  if (term === '') {
    throw new ConduitError('TOOL_INVALID_ARGS', `Adapter "${ctx.adapter}": a Sitecore search needs text, a type or an "under" item.`, {
      hint: 'Pass text (free text or index syntax such as _templatename:Sample Item), type, or under.',
    });
  }
  const result = await ctx.api.search({ ...readParams(ctx, query), term, page, pageSize });
  const options = mapOptions(ctx, query);
  const out: Page<ContentItem> = { items: result.Results.map((item) => toContentItem(item, options)), total: result.TotalCount };
  if (page + 1 < result.TotalPage) out.nextCursor = encodeCursor('p', page + 1);
  return out;
}

export function createSearchPart(ctx: XpContext): SearchPart {
  return { search: (query) => searchContent(ctx, query) };
}
