import { GraphQLError, defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { z } from 'zod';
import { itemNameProblem, normalizeGuid, toBracedGuid } from '../../shared/index.ts';
import type { SimItem } from '../tree/sim-item.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import { isStandardFieldName } from '../tree/standard-fields.ts';
import { applyFields, createSimItem, stampUpdate } from '../tree/tree-writes.ts';

/** What the resolvers need from the simulator: the shared tree, the clock, and the account writes are stamped with. */
export interface AuthoringContext {
  tree: SimTree;
  now(): number;
  user: string;
}

/** One item in one language: the source object of `Item` fields. */
interface ItemNode { kind: 'authoring-item'; item: SimItem; language: string }

const DATABASES = new Set(['master']);
const fieldInput = z.object({ name: z.string(), value: z.string().nullish(), reset: z.boolean().nullish() });
const whereInput = z.object({
  itemId: z.string().nullish(), path: z.string().nullish(), language: z.string().nullish(),
  version: z.number().int().nullish(), database: z.string().nullish(),
});
const createInput = z.object({
  name: z.string(), templateId: z.string(), parent: z.string(), language: z.string().nullish(),
  database: z.string().nullish(), fields: z.array(fieldInput).nullish(),
});
const updateInput = whereInput.extend({ fields: z.array(fieldInput).nullish() });
const deleteInput = z.object({ itemId: z.string().nullish(), path: z.string().nullish(), permanently: z.boolean().nullish(), database: z.string().nullish() });

/** .NET Guid.ToString(format), lower-case like the documented responses (`30a8616d…`, `353587a6-19ed-…`). */
function formatGuid(id: string, format: unknown): string {
  const dashed = normalizeGuid(id) ?? id;
  if (format === 'D') return dashed;
  if (format === 'B') return toBracedGuid(dashed).toLowerCase();
  if (format === 'P') return `(${dashed})`;
  return dashed.replaceAll('-', '');
}

function checkDatabase(database: string | null | undefined): void {
  if (database !== null && database !== undefined && !DATABASES.has(database.toLowerCase())) {
    throw new GraphQLError(`Database "${database}" was not found.`);
  }
}

/** By id when given (the path is then ignored, as documented for deleteItem), else by path. Unreadable items are invisible. */
function findItem(ctx: AuthoringContext, where: { itemId?: string | null | undefined; path?: string | null | undefined }): SimItem | undefined {
  checkDatabase((where as { database?: string | null }).database);
  let item: SimItem | undefined;
  if (where.itemId) item = normalizeGuid(where.itemId) === null ? undefined : ctx.tree.get(where.itemId);
  else if (where.path) item = ctx.tree.getByPath(where.path);
  return item?.readable ? item : undefined;
}

function notFound(what: string): GraphQLError {
  return new GraphQLError(`Item "${what}" was not found.`);
}

function fieldValues(fields: readonly z.infer<typeof fieldInput>[] | null | undefined): Record<string, string> {
  return Object.fromEntries((fields ?? []).map((f) => [f.name, f.reset ? '' : (f.value ?? '')]));
}

function node(item: SimItem, language: string): ItemNode {
  return { kind: 'authoring-item', item, language };
}

const mutations: Record<string, (args: Record<string, unknown>, ctx: AuthoringContext) => unknown> = {
  createItem(args, ctx) {
    const input = createInput.parse(args['input']);
    checkDatabase(input.database);
    const parent = findItem(ctx, { itemId: input.parent });
    if (!parent) throw notFound(input.parent);
    const templateId = normalizeGuid(input.templateId);
    if (templateId === null || !ctx.tree.templates.has(templateId)) throw new GraphQLError(`Template "${input.templateId}" was not found.`);
    const problem = itemNameProblem(input.name);
    if (problem !== null) throw new GraphQLError(`"${input.name}" is not a valid item name: ${problem}`);
    const language = input.language ?? 'en';
    const item = createSimItem(ctx.tree, { parent, name: input.name, templateId, language, user: ctx.user, now: ctx.now() });
    applyFields(ctx.tree, item, fieldValues(input.fields), language);
    return { item: node(item, language) };
  },
  updateItem(args, ctx) {
    const input = updateInput.parse(args['input']);
    const item = findItem(ctx, input);
    if (!item) throw notFound(input.itemId ?? input.path ?? '');
    const language = input.language ?? 'en';
    applyFields(ctx.tree, item, fieldValues(input.fields), language);
    stampUpdate(item, language, ctx.user, ctx.now());
    return { item: node(item, language) };
  },
  deleteItem(args, ctx) {
    const input = deleteInput.parse(args['input']);
    const item = findItem(ctx, input);
    if (!item) throw notFound(input.itemId ?? input.path ?? '');
    if (item.parentId === null) throw new GraphQLError('The root item cannot be deleted.');
    ctx.tree.remove(item);
    return { successful: true };
  },
};

function itemField(source: ItemNode, name: string, args: Record<string, unknown>, ctx: AuthoringContext): unknown {
  const { item, language } = source;
  switch (name) {
    case 'itemId': return formatGuid(item.id, args['format']);
    case 'path': return ctx.tree.pathOf(item);
    case 'displayName': return ctx.tree.fieldValue(item, '__Display name', language) || item.name;
    case 'database': return 'master';
    case 'version': return item.langs[language]?.version ?? 0;
    case 'hasChildren': return ctx.tree.children(item, true).length > 0;
    case 'language': return { name: language };
    case 'parent': {
      const parent = item.parentId === null ? undefined : ctx.tree.get(item.parentId);
      return parent?.readable ? node(parent, language) : null;
    }
    case 'template': {
      const info = ctx.tree.templates.get(item.templateId);
      const templateItem = ctx.tree.get(item.templateId);
      const fullName = templateItem ? ctx.tree.pathOf(templateItem).replace(/^\/sitecore\/templates\//i, '') : (info?.name ?? '');
      return { templateId: item.templateId, name: info?.name ?? '', fullName };
    }
    case 'fields': {
      const own = args['ownFields'] === true;
      const defs = own ? (ctx.tree.templates.get(item.templateId)?.fields ?? []) : ctx.tree.templateFields(item.templateId);
      const names = defs.map((d) => d.name);
      if (args['excludeStandardFields'] !== true) {
        for (const key of [...Object.keys(item.shared), ...Object.keys(item.langs[language]?.fields ?? {})]) {
          if (isStandardFieldName(key) && !names.includes(key)) names.push(key);
        }
      }
      return { nodes: names.map((n) => ({ name: n, value: ctx.tree.fieldValue(item, n, language) })) };
    }
    default: return (item as unknown as Record<string, unknown>)[name];
  }
}

function isItemNode(value: unknown): value is ItemNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'authoring-item';
}

/** One field resolver for the whole schema: root fields, then Item fields, then plain objects. */
export function authoringFieldResolver(ctx: AuthoringContext): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (info.parentType.name === 'Query' && info.fieldName === 'item') {
      const where = whereInput.parse(args['where']);
      const item = findItem(ctx, where);
      return item ? node(item, where.language ?? 'en') : null;
    }
    if (info.parentType.name === 'Mutation') {
      const mutation = mutations[info.fieldName];
      if (mutation) return mutation(args, ctx);
    }
    if (isItemNode(source)) return itemField(source, info.fieldName, args, ctx);
    if (info.parentType.name === 'ItemTemplate' && info.fieldName === 'templateId') {
      return formatGuid(String((source as { templateId: string }).templateId), args['format']);
    }
    return defaultFieldResolver(source, args, context, info);
  };
}
