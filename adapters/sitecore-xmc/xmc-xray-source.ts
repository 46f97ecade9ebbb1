import { z } from 'zod';
import { ConduitError, type CrawlPage, type CrawlTask, type ItemRef, type XrayCategory, type XraySource } from '../../src/adapter-kit/index.ts';
import { normalizeGuid, withXrayReferences } from '../sitecore/shared/index.ts';
import { itemLanguagesDataSchema, type EdgeItem } from './edge-response-schemas.ts';
import { ITEM_LANGUAGES_QUERY } from './edge-queries.ts';
import { notOnEdge, type XmcContext } from './xmc-context.ts';
import { sitecoreXrayProfile } from '../sitecore/shared/xray-profile/sitecore-xray-profile.ts';
import { edgePathArgument, edgeItemToXray } from './xmc-mapping.ts';

/**
 * What an audit can see through Experience Edge. Edge holds published items
 * with their non-standard fields only: no `__` standard fields (so no
 * `__Updated`, `__Security`, `__Workflow state`, `__Renderings`), no template,
 * layout or system items. See README "X-Ray on Edge" for the reasoning per
 * category.
 */
export const XMC_XRAY_CATEGORIES: readonly XrayCategory[] = [
  'broken-link', 'duplicate', 'deep-nesting', 'too-many-children', 'large-media',
  'circular-reference', 'empty-container', 'invalid-field',
];

/** Categories Edge cannot support, with the reason the report can show. */
export const XMC_XRAY_UNSUPPORTED: Readonly<Partial<Record<XrayCategory, string>>> = {
  'orphan': 'needs template items and `__` fields to tell a missing template or parent; Edge publishes neither',
  'unused-template': 'templates are not items on Edge; only templates in use are visible',
  'unused-rendering': 'rendering items and `__Renderings` are not on Edge',
  'security': 'Edge exposes no `__Security` field and no item security (everything published is public)',
  'stale-content': 'Edge exposes no `__Updated`/`__Created` or workflow fields',
};

/** The crawl cursor: which item, and for children pages the Edge cursor to continue after. */
const taskCursorSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('item'), id: z.string() }),
  z.object({ k: z.literal('children'), id: z.string(), after: z.string().optional() }),
]);
type TaskCursor = z.infer<typeof taskCursorSchema>;

function task(cursor: TaskCursor, depth: number): CrawlTask {
  const key = cursor.k === 'item' ? `item:${cursor.id}` : `children:${cursor.id}${cursor.after ? `@${cursor.after}` : ''}`;
  return { key, cursor: JSON.stringify(cursor), depth };
}

function foreignCursor(t: CrawlTask, adapterName: string, cause: unknown): ConduitError {
  return new ConduitError('ADP_REQUEST_REJECTED', `Crawl task ${t.key} has a cursor adapter "${adapterName}" did not write.`, {
    hint: 'The stored scan was made by another adapter or version; start a new scan.',
    cause,
  });
}

function decode(t: CrawlTask, adapterName: string): TaskCursor {
  let json: unknown;
  try {
    json = JSON.parse(t.cursor);
  } catch (cause) {
    throw foreignCursor(t, adapterName, cause);
  }
  const parsed = taskCursorSchema.safeParse(json);
  if (!parsed.success) throw foreignCursor(t, adapterName, parsed.error);
  return parsed.data;
}

/**
 * Breadth-first, one tree level per Edge query (nested `children` trips Edge's
 * complexity limit): the root task reads the root item; each children task
 * reads one page of an item's children with their fields and spawns one task
 * per child that has children, plus the next page. Task keys are derived from
 * item ids and Edge cursors, so a replay after a crash yields the same keys.
 */
export function createXmcXraySource(ctx: XmcContext): XraySource {
  const language = ctx.config.language;
  const rootRef = (root: string | undefined): ItemRef => (root === undefined ? { path: ctx.config.rootPath } : normalizeGuid(root) === null ? { path: root } : { id: root });
  return {
    supportedCategories: XMC_XRAY_CATEGORIES,
    unsupportedCategories: XMC_XRAY_UNSUPPORTED,
    profile: sitecoreXrayProfile,
    async rootTasks(root, signal, scope) {
      refuseOtherLanguages(scope?.languages, language, ctx.name);
      const ref = rootRef(root);
      const id = await ctx.resolveId(ref, language, signal);
      if (id === null) throw notOnEdge(ref, 'X-Ray root', ctx.name);
      return [task({ k: 'item', id }, 0)];
    },
    async scopeNotes(root, signal) {
      const { data } = await ctx.gql.query('itemLanguages', ITEM_LANGUAGES_QUERY, { path: edgePathArgument(rootRef(root)), language }, itemLanguagesDataSchema, signal);
      const others = (data.item?.languages ?? []).map((v) => v?.language.name).filter((name): name is string => name !== undefined && name.toLowerCase() !== language.toLowerCase());
      if (others.length === 0) return [];
      return [`This scan reads ${language}; its root is also published in ${others.join(', ')}. An Experience Edge scan reads one language `
        + '(Edge lists an item only in the languages it is published in): to audit every language, scan the CM with the sitecore-xp adapter '
        + `and xrayLanguages: all, or run one scan per language with adapters.${ctx.name}.language.`];
    },
    async crawl(t, signal): Promise<CrawlPage> {
      const cursor = decode(t, ctx.name);
      if (cursor.k === 'item') {
        const item = await ctx.getItem({ id: cursor.id }, language, { withJson: false }, signal);
        if (!item) return { items: [], next: [], requests: 1 };
        const next = item.hasChildren ? [task({ k: 'children', id: cursor.id }, t.depth + 1)] : [];
        return { items: [withXrayReferences(edgeItemToXray(item, undefined))], next, requests: 1 };
      }
      const page = await ctx.children({ id: cursor.id }, language, { first: ctx.config.pageSize, ...(cursor.after ? { after: cursor.after } : {}) }, signal);
      // The parent was unpublished since it was queued: nothing left to read below it.
      if (!page) return { items: [], next: [], requests: 1 };
      const results = page.results.filter((r): r is EdgeItem => r !== null);
      const items = results.map((r) => withXrayReferences(edgeItemToXray(r, cursor.id)));
      const next: CrawlTask[] = [];
      if (page.pageInfo.hasNext) next.push(task({ k: 'children', id: cursor.id, after: page.pageInfo.endCursor }, t.depth));
      for (const child of items) if (child.hasChildren) next.push(task({ k: 'children', id: child.id }, t.depth + 1));
      return { items, next, requests: 1 };
    },
  };
}

/**
 * An Edge scan reads the adapter's language: Edge lists an item only in the languages it is published in, so
 * several languages would be several trees, which this source does not merge (yet). Asking for others is refused
 * rather than quietly scanning one.
 */
function refuseOtherLanguages(requested: 'all' | readonly string[] | undefined, language: string, adapter: string): void {
  if (requested === undefined || (requested !== 'all' && requested.length === 1 && requested[0]?.toLowerCase() === language.toLowerCase())) return;
  throw new ConduitError('TOOL_INVALID_ARGS', `Adapter "${adapter}" (sitecore-xmc) scans one language, ${language}; it cannot scan ${requested === 'all' ? 'all languages' : requested.join(', ')}.`, {
    hint: `Leave languages out, or set adapters.${adapter}.language to the language to scan and start one scan per language.`,
  });
}
