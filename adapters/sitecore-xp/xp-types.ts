import type { ContentType, Page } from '../../src/adapter-kit/index.ts';
import { isTemplate, isTemplateSection, toContentType, TEMPLATE_TEMPLATE_ID, TEMPLATES_ROOT_PATH, type TemplateSection } from './map-ssc-template.ts';
import type { SscItem } from './ssc-schemas.ts';
import { normalizeGuid, toIndexGuid } from '../sitecore/shared/index.ts';
import { clampLimit, decodeCursor, encodeCursor, type XpContext } from './xp-context.ts';

export const TYPES_DEFAULT_LIMIT = 10;
export const TYPES_MAX_LIMIT = 50;

function params(ctx: XpContext) {
  // Standard fields carry `__Base template` and `__Sortorder`; templates are small items.
  return { database: ctx.config.database, language: ctx.config.language, includeStandardTemplateFields: true };
}

/** A template's fields: its section children, then each section's field children (1 + sections requests). */
export async function loadTemplate(ctx: XpContext, template: SscItem): Promise<ContentType> {
  const children = await ctx.api.getChildren(normalizeGuid(template.ItemID) ?? template.ItemID, params(ctx));
  const sections: TemplateSection[] = await Promise.all(children.filter(isTemplateSection).map(async (section) => ({
    section,
    fields: await ctx.api.getChildren(normalizeGuid(section.ItemID) ?? section.ItemID, params(ctx)),
  })));
  return toContentType(template, sections);
}

/**
 * Templates found through the index (`_template` = the Template template),
 * each loaded with its fields. Cost per page: one search plus, per template,
 * 1 + (number of sections) children requests, hence the small page size.
 */
export async function listTypes(ctx: XpContext, query: { cursor?: string; limit?: number }): Promise<Page<ContentType>> {
  const page = decodeCursor('p', query.cursor);
  const pageSize = clampLimit(query.limit, TYPES_DEFAULT_LIMIT, TYPES_MAX_LIMIT);
  const result = await ctx.api.search({
    ...params(ctx), term: `+_template:${toIndexGuid(TEMPLATE_TEMPLATE_ID)}`, page, pageSize,
  });
  const items = await Promise.all(result.Results.filter(isTemplate).map((t) => loadTemplate(ctx, t)));
  const out: Page<ContentType> = { items, total: result.TotalCount };
  if (page + 1 < result.TotalPage) out.nextCursor = encodeCursor('p', page + 1);
  return out;
}

/** A template by id, by path, or by name (index lookup, exact name, case-insensitive; first by path). */
export async function findTemplate(ctx: XpContext, idOrName: string): Promise<SscItem | null> {
  const id = normalizeGuid(idOrName);
  if (id) return ctx.api.getItemById(id, params(ctx));
  if (idOrName.startsWith('/')) return ctx.api.getItemByPath(idOrName, params(ctx));
  if (idOrName.includes('/')) return ctx.api.getItemByPath(`${TEMPLATES_ROOT_PATH}/${idOrName}`, params(ctx));
  const result = await ctx.api.search({
    ...params(ctx), term: `+_template:${toIndexGuid(TEMPLATE_TEMPLATE_ID)};+_name:${idOrName}`, page: 0, pageSize: 50,
  });
  const wanted = idOrName.toLowerCase();
  const matches = result.Results.filter((t) => isTemplate(t) && t.ItemName.toLowerCase() === wanted)
    .sort((a, b) => a.ItemPath.localeCompare(b.ItemPath));
  return matches[0] ?? null;
}

/** null when nothing by that id/path/name exists or it is not a template. */
export async function getType(ctx: XpContext, idOrName: string): Promise<ContentType | null> {
  const template = await findTemplate(ctx, idOrName);
  if (!template || !isTemplate(template)) return null;
  return loadTemplate(ctx, template);
}
