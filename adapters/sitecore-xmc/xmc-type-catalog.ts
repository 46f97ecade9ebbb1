import { ConduitError, quoted, type ContentType, type Page } from '../../src/adapter-kit/index.ts';
import { normalizeGuid, toIndexGuid } from '../sitecore/shared/index.ts';
import { TEMPLATE_DETAIL_QUERY, TEMPLATE_SCAN_QUERY } from './edge-queries.ts';
import { templateDetailDataSchema, templateScanDataSchema, type EdgeTemplate, type TemplateScanData } from './edge-response-schemas.ts';
import type { XmcContext } from './xmc-context.ts';
import { canonicalEdgeId, edgeTemplateToType } from './xmc-mapping.ts';

/**
 * Templates are not items on Experience Edge, so there is no "list templates"
 * query. The catalogue is derived from the `template { id name }` of the items
 * under rootPath (a paged search, at most MAX_SCAN_PAGES × 1000 items), and a
 * template's fields come from `ItemTemplate.fields` of an item that uses it.
 * Templates no published item uses are invisible from Edge.
 */
export interface TypeCatalog {
  list(query: { cursor?: string; limit?: number }): Promise<Page<ContentType>>;
  get(idOrName: string): Promise<ContentType | null>;
  idForName(name: string): Promise<string | undefined>;
}

const MAX_SCAN_PAGES = 50;
const SCAN_PAGE_SIZE = 1000;
const CATALOG_TTL_MS = 5 * 60_000;

interface Scan { at: number; types: { id: string; name: string }[] }

export function createTypeCatalog(ctx: XmcContext): TypeCatalog {
  let cached: Scan | undefined;
  let running: Promise<Scan> | undefined;

  async function scan(): Promise<Scan> {
    const language = ctx.config.language;
    const rootId = await ctx.resolveId({ path: ctx.config.rootPath }, language);
    if (rootId === null) return { at: ctx.clock.now(), types: [] };
    const where = { AND: [{ name: '_path', value: toIndexGuid(rootId), operator: 'CONTAINS' }, { name: '_language', value: language, operator: 'EQ' }] };
    const seen = new Map<string, string>();
    let after: string | null = null;
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const { data }: { data: TemplateScanData } = await ctx.gql.query('scanTemplates', TEMPLATE_SCAN_QUERY, { where, first: SCAN_PAGE_SIZE, after }, templateScanDataSchema);
      if (!data.search) break;
      for (const r of data.search.results) if (r) seen.set(canonicalEdgeId(r.template.id, 'a template id'), r.template.name);
      if (!data.search.pageInfo.hasNext) break;
      after = data.search.pageInfo.endCursor;
      if (page === MAX_SCAN_PAGES - 1) ctx.logger.warn({ scanned: (page + 1) * SCAN_PAGE_SIZE }, 'Template catalogue scan stopped at its page cap; some templates may be missing');
    }
    const types = [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { at: ctx.clock.now(), types };
  }

  async function catalogue(): Promise<Scan> {
    if (cached && ctx.clock.now() - cached.at < CATALOG_TTL_MS) return cached;
    running ??= scan().finally(() => { running = undefined; });
    cached = await running;
    return cached;
  }

  async function detail(id: string): Promise<ContentType | null> {
    const where = { AND: [{ name: '_templates', value: toIndexGuid(id), operator: 'CONTAINS' }, { name: '_language', value: ctx.config.language, operator: 'EQ' }] };
    const { data } = await ctx.gql.query('getTemplate', TEMPLATE_DETAIL_QUERY, { where, first: 10 }, templateDetailDataSchema);
    const templates = (data.search?.results ?? []).flatMap((r) => (r ? [r.template] : []));
    const exact = templates.find((t) => normalizeGuid(t.id) === id);
    if (exact) return edgeTemplateToType(exact, (exact.baseTemplates ?? []).filter((b): b is EdgeTemplate => b !== null));
    const base = templates.flatMap((t) => t.baseTemplates ?? []).find((b) => b !== null && normalizeGuid(b.id) === id);
    return base ? edgeTemplateToType(base) : null;
  }

  async function idForName(name: string): Promise<string | undefined> {
    const { types } = await catalogue();
    return types.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id;
  }

  return {
    idForName,
    async list(query) {
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      if (!Number.isInteger(offset) || offset < 0) {
        throw new ConduitError('TOOL_CURSOR_INVALID', `${quoted(query.cursor ?? '')} is not a type listing cursor of adapter "${ctx.name}".`);
      }
      const limit = Math.min(1000, Math.max(1, query.limit ?? 100));
      const { types } = await catalogue();
      const slice = types.slice(offset, offset + limit);
      const page: Page<ContentType> = { items: slice.map((t) => ({ id: t.id, name: t.name, fields: [] })), total: types.length };
      if (offset + slice.length < types.length) page.nextCursor = String(offset + slice.length);
      return page;
    },
    async get(idOrName) {
      const id = normalizeGuid(idOrName) ?? await idForName(idOrName);
      return id === undefined ? null : detail(id);
    },
  };
}
