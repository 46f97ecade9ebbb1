import { ConduitError, type ContentItem, type WritePart } from '../../src/adapter-kit/index.ts';
import { toContentItem } from './map-ssc-item.ts';
import { badResponseError, notFoundError } from './ssc-errors.ts';
import { ITEM_PATH } from './ssc-api.ts';
import { findTemplate } from './xp-types.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import { mapOptions, parseRef, refLabel, resolveId, type XpContext } from './xp-context.ts';

/** Reads an item back after a write; a missing item right after a successful write is an upstream inconsistency. */
async function readBack(ctx: XpContext, id: string, language: string, operation: string): Promise<ContentItem> {
  const item = await ctx.api.getItemById(id, { database: ctx.config.database, language });
  if (!item) throw badResponseError({ adapter: ctx.adapter, operation, path: `${ITEM_PATH}/${id}` }, `item ${id} was written but cannot be read back`);
  return toContentItem(item, mapOptions(ctx));
}

async function parentPathOf(ctx: XpContext, parent: Parameters<typeof parseRef>[0]): Promise<string> {
  const parsed = parseRef(parent);
  if ('path' in parsed) return parsed.path;
  const item = await ctx.api.getItemById(parsed.id, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemPath'] });
  if (!item) throw notFoundError({ adapter: ctx.adapter, operation: 'createItem', path: `${ITEM_PATH}/${parsed.id}`, target: parsed.id });
  return item.ItemPath;
}

async function templateIdOf(ctx: XpContext, type: string): Promise<string> {
  const direct = normalizeGuid(type);
  if (direct) return direct;
  const template = await findTemplate(ctx, type);
  if (!template) {
    throw new ConduitError('ADP_NOT_FOUND', `Adapter "${ctx.adapter}": no Sitecore template "${type}".`, {
      hint: 'Pass the template id, its path under /sitecore/templates, or its exact name (schema_list shows them).',
    });
  }
  return normalizeGuid(template.ItemID) ?? template.ItemID;
}

/**
 * Create (POST to the URL-encoded parent path, 201 + Location), update (PATCH,
 * 204) and delete (DELETE, 204). The HTTP client never retries these; each
 * write reads the item back so the caller sees what Sitecore stored.
 */
export function createWritePart(ctx: XpContext): WritePart {
  return {
    async create(input) {
      const language = input.locale ?? ctx.config.language;
      const [parentPath, templateId] = await Promise.all([parentPathOf(ctx, input.parent), templateIdOf(ctx, input.type)]);
      const body: Record<string, string> = { ...input.fields, ItemName: input.name, TemplateID: templateId };
      const id = await ctx.api.create(parentPath, body, { database: ctx.config.database, language });
      ctx.logger.info({ operation: 'createItem', id, parent: parentPath }, 'created a Sitecore item');
      return readBack(ctx, id, language, 'createItem');
    },
    async update(input) {
      const language = input.locale ?? ctx.config.language;
      const id = await resolveId(ctx, input.ref);
      await ctx.api.update(id, input.fields, {
        database: ctx.config.database, language, ...(input.version !== undefined ? { version: input.version } : {}),
      });
      ctx.logger.info({ operation: 'updateItem', id, fields: Object.keys(input.fields) }, 'updated a Sitecore item');
      return readBack(ctx, id, language, 'updateItem');
    },
    async delete(ref) {
      const id = await resolveId(ctx, ref);
      await ctx.api.remove(id, { database: ctx.config.database });
      ctx.logger.info({ operation: 'deleteItem', id, ref: refLabel(ref) }, 'deleted a Sitecore item');
    },
  };
}
