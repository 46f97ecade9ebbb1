import type { ContentItem, ItemRef, ListQuery, Page, ReadOptions, SearchQuery } from '../../src/adapter-kit/index.ts';
import { normalizeGuid, toIndexGuid } from '../sitecore/shared/index.ts';
import { SEARCH_QUERY } from './edge-queries.ts';
import { searchDataSchema, type EdgeItem, type EdgeResults } from './edge-response-schemas.ts';
import { edgePageSize, notOnEdge, type XmcContext } from './xmc-context.ts';
import { edgeItemToContent } from './xmc-mapping.ts';

/** A predicate of Edge's ItemSearchPredicateInput. */
export interface EdgePredicate {
  name?: string;
  value?: string;
  operator?: 'EQ' | 'CONTAINS' | 'NEQ' | 'NCONTAINS';
  AND?: EdgePredicate[];
  OR?: EdgePredicate[];
}

const DEFAULT_LIST_LIMIT = 50;

export function toPage<T>(results: EdgeResults, map: (item: EdgeItem) => T): Page<T> {
  const page: Page<T> = {
    items: results.results.filter((r): r is EdgeItem => r !== null).map(map),
    total: results.total,
  };
  if (results.pageInfo.hasNext) page.nextCursor = results.pageInfo.endCursor;
  return page;
}

export async function getContent(ctx: XmcContext, ref: ItemRef, options: ReadOptions = {}): Promise<ContentItem | null> {
  const item = await ctx.getItem(ref, options.locale ?? ctx.config.language, { withJson: options.includeRaw ?? false });
  return item ? edgeItemToContent(item, options) : null;
}

/** Children of `query.parent` (default rootPath) in Edge's order, one Edge page per call. */
export async function listContent(ctx: XmcContext, query: ListQuery): Promise<Page<ContentItem>> {
  const parent: ItemRef = query.parent ?? { path: ctx.config.rootPath };
  const results = await ctx.children(parent, query.locale ?? ctx.config.language, {
    first: edgePageSize(query.limit, DEFAULT_LIST_LIMIT),
    ...(query.cursor ? { after: query.cursor } : {}),
    withJson: query.includeRaw ?? false,
  });
  if (!results) throw notOnEdge(parent, 'parent item', ctx.name);
  return toPage(results, (item) => edgeItemToContent(item, query));
}

export interface SearchDeps {
  /** Template id for a template name (from the type catalogue), or undefined when no item uses it. */
  templateIdForName(name: string): Promise<string | undefined>;
}

/**
 * Edge search: `_path` CONTAINS the scope root (32-hex id, as the JSS
 * services send it), `_language`, `_templates` for a type, and free text
 * against the item name and the configured custom fields.
 */
export async function searchContent(ctx: XmcContext, deps: SearchDeps, query: SearchQuery): Promise<Page<ContentItem>> {
  const language = query.locale ?? ctx.config.language;
  const under: ItemRef = query.under ?? { path: ctx.config.rootPath };
  const underId = await ctx.resolveId(under, language);
  if (underId === null) throw notOnEdge(under, 'search scope', ctx.name);
  const and: EdgePredicate[] = [
    { name: '_path', value: toIndexGuid(underId), operator: 'CONTAINS' },
    { name: '_language', value: language, operator: 'EQ' },
  ];
  if (query.type !== undefined && query.type !== '') {
    const typeId = normalizeGuid(query.type) ?? await deps.templateIdForName(query.type);
    if (typeId === undefined) return { items: [], total: 0 };
    and.push({ name: '_templates', value: toIndexGuid(typeId), operator: 'CONTAINS' });
  }
  const text = query.text?.trim();
  if (text) {
    and.push({ OR: [{ name: '_name', value: text, operator: 'CONTAINS' }, ...ctx.config.searchFields.map((f) => ({ name: f, value: text, operator: 'CONTAINS' as const }))] });
  }
  const variables = {
    where: { AND: and }, first: edgePageSize(query.limit, DEFAULT_LIST_LIMIT), after: query.cursor ?? null,
    ownFields: false, withJson: query.includeRaw ?? false,
  };
  const { data } = await ctx.gql.query('search', SEARCH_QUERY, variables, searchDataSchema);
  if (!data.search) return { items: [], total: 0 };
  return toPage(data.search, (item) => edgeItemToContent(item, query));
}
