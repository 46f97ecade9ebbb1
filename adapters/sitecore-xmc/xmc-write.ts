import { ConduitError, quoted, type ContentItem, type ItemRef, type Logger, type WritePart } from '../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import type { AuthoringGraphqlClient } from './authoring-graphql-client.ts';
import { canonicalAuthoringId, authoringItemToContent } from './authoring-mapping.ts';
import {
  AUTHORING_ITEM_QUERY, CREATE_ITEM_MUTATION, DELETE_ITEM_MUTATION, UPDATE_ITEM_MUTATION,
  createItemDataSchema, deleteItemDataSchema, itemLookupDataSchema, updateItemDataSchema, type AuthoringItem,
} from './authoring-queries.ts';
import { describeRef } from './xmc-context.ts';

export interface XmcWriteContext {
  gql: AuthoringGraphqlClient;
  adapterName: string;
  language: string;
  logger: Logger;
  /** A template id for a name, from the Edge type catalogue (templates published items use). */
  templateIdForName(name: string): Promise<string | undefined>;
}

function notFound(ctx: XmcWriteContext, what: string, ref: ItemRef): ConduitError {
  return new ConduitError('ADP_NOT_FOUND', `No ${what} at ${describeRef(ref)} in the authoring database (adapter "${ctx.adapterName}").`, {
    hint: 'Check the id or path; the automation client must be able to read the item.',
  });
}

/** The canonical id of an item in the master database (unpublished items included), or null. */
async function lookup(ctx: XmcWriteContext, ref: ItemRef, language: string): Promise<string | null> {
  const id = ref.id !== undefined ? normalizeGuid(ref.id) : null;
  if (ref.id !== undefined && id === null) {
    throw new ConduitError('ADP_REQUEST_REJECTED', `${quoted(ref.id)} is not a Sitecore item ID.`, { hint: 'Pass a GUID in any spelling, or use path instead.' });
  }
  const where = id !== null ? { itemId: `{${id.toUpperCase()}}`, language } : { path: ref.path ?? '', language };
  const { data } = await ctx.gql.query('authoringItem', AUTHORING_ITEM_QUERY, { where }, itemLookupDataSchema);
  return data.item ? canonicalAuthoringId(data.item.itemId, 'an item id') : null;
}

async function existing(ctx: XmcWriteContext, ref: ItemRef, language: string, what: string): Promise<string> {
  const id = await lookup(ctx, ref, language);
  if (id === null) throw notFound(ctx, what, ref);
  return id;
}

/**
 * A template given by id, by path (absolute, or relative to /sitecore/templates
 * like "Sample/Sample Item"), or by the name the Edge catalogue knows.
 */
async function templateIdOf(ctx: XmcWriteContext, type: string, language: string): Promise<string> {
  const direct = normalizeGuid(type);
  if (direct !== null) return direct;
  const path = type.startsWith('/') ? type : type.includes('/') ? `/sitecore/templates/${type}` : undefined;
  const id = path !== undefined ? await lookup(ctx, { path }, language) : await ctx.templateIdForName(type);
  if (id === null || id === undefined) {
    throw new ConduitError('ADP_NOT_FOUND', `Adapter "${ctx.adapterName}": no template "${type.slice(0, 100)}".`, {
      hint: 'Pass the template id or its path under /sitecore/templates; names are only known for templates that published items use (schema_list shows them).',
    });
  }
  return id;
}

function written(ctx: XmcWriteContext, item: AuthoringItem | null | undefined, operation: string): ContentItem {
  if (!item) {
    throw new ConduitError('ADP_BAD_RESPONSE', `The Authoring and Management API answered ${operation} without the item (adapter "${ctx.adapterName}").`, {
      hint: 'Read the item back to see whether the write happened before retrying: writes are not retried automatically.',
    });
  }
  return authoringItemToContent(item);
}

function fieldList(fields: Record<string, string>): Array<{ name: string; value: string }> {
  return Object.entries(fields).map(([name, value]) => ({ name, value }));
}

/**
 * createItem / updateItem / deleteItem through the Authoring and Management
 * API. Mutations are never retried automatically; each returns the item as
 * the API stored it. Deletes move the item to the recycle bin (not `permanently`).
 */
export function createXmcWritePart(ctx: XmcWriteContext): WritePart {
  return {
    async create(input) {
      const language = input.locale ?? ctx.language;
      const [parentId, templateId] = await Promise.all([existing(ctx, input.parent, language, 'parent item'), templateIdOf(ctx, input.type, language)]);
      const variables = { input: { name: input.name, templateId: `{${templateId.toUpperCase()}}`, parent: `{${parentId.toUpperCase()}}`, language, fields: fieldList(input.fields) } };
      const { data } = await ctx.gql.mutate('createItem', CREATE_ITEM_MUTATION, variables, createItemDataSchema);
      const item = written(ctx, data.createItem?.item, 'createItem');
      ctx.logger.info({ operation: 'createItem', id: item.id, parentId }, 'created an item through the Authoring API');
      return item;
    },
    async update(input) {
      const language = input.locale ?? ctx.language;
      const id = await existing(ctx, input.ref, language, 'item');
      const variables = {
        input: { itemId: `{${id.toUpperCase()}}`, language, fields: fieldList(input.fields), ...(input.version !== undefined ? { version: input.version } : {}) },
      };
      const { data } = await ctx.gql.mutate('updateItem', UPDATE_ITEM_MUTATION, variables, updateItemDataSchema);
      const item = written(ctx, data.updateItem?.item, 'updateItem');
      ctx.logger.info({ operation: 'updateItem', id, fields: Object.keys(input.fields) }, 'updated an item through the Authoring API');
      return item;
    },
    async delete(ref) {
      const id = await existing(ctx, ref, ctx.language, 'item');
      const { data } = await ctx.gql.mutate('deleteItem', DELETE_ITEM_MUTATION, { input: { itemId: `{${id.toUpperCase()}}` } }, deleteItemDataSchema);
      if (data.deleteItem?.successful !== true) {
        throw new ConduitError('ADP_REQUEST_REJECTED', `The Authoring and Management API did not delete item ${id} (adapter "${ctx.adapterName}").`, {
          hint: 'The item may be locked, protected or a system item; check it in the Content Editor.',
        });
      }
      ctx.logger.info({ operation: 'deleteItem', id }, 'deleted an item through the Authoring API');
    },
  };
}
