import {
  defaultFieldResolver, execute, type DocumentNode, type ExecutionResult, type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import { z } from 'zod';
import type { EdgeTemplate, EdgeTemplateField } from './edge-content-source.ts';
import type { EdgeFieldNode } from './edge-field-nodes.ts';
import {
  fieldResolvers, itemResolvers, templateFieldResolvers, templateResolvers, type EdgeRequestContext, type Resolver,
} from './edge-item-resolvers.ts';
import { resolveRoute } from './edge-layout.ts';
import { edgePage } from './edge-paging.ts';
import type { EdgeItemNode } from './edge-published-view.ts';
import { edgeSchema } from './edge-schema.ts';
import { searchEdge } from './edge-search.ts';

const itemArgs = z.object({ path: z.string().nullish(), language: z.string() });
const layoutArgs = z.object({ site: z.string(), routePath: z.string(), language: z.string() });
const searchArgs = z.object({ where: z.unknown(), first: z.number().int().nullish(), after: z.string().nullish(), orderBy: z.unknown().optional() });

const queryResolvers: Record<string, Resolver<unknown>> = {
  item: (_root, args, ctx) => {
    const a = itemArgs.parse(args);
    return a.path === undefined || a.path === null ? null : ctx.view.resolve(a.path, a.language) ?? null;
  },
  layout: (_root, args, ctx) => {
    const a = layoutArgs.parse(args);
    return { item: resolveRoute(ctx.view, a.site, a.routePath, a.language) ?? null };
  },
  search: (_root, args, ctx) => {
    const a = searchArgs.parse(args);
    return edgePage(searchEdge(ctx.view, a.where, a.orderBy), a.first, a.after);
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
function isItemNode(value: unknown): value is EdgeItemNode {
  return isObject(value) && value['kind'] === 'item';
}
function isFieldNode(value: unknown): value is EdgeFieldNode {
  return isObject(value) && value['kind'] === 'field';
}
function isTemplate(value: unknown): value is EdgeTemplate {
  return isObject(value) && Array.isArray(value['baseTemplateIds']) && Array.isArray(value['ownFields']);
}
function isTemplateField(value: unknown): value is EdgeTemplateField {
  return isObject(value) && typeof value['name'] === 'string' && typeof value['type'] === 'string';
}

function dispatch(ctx: EdgeRequestContext): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const name = info.fieldName;
    const pick = <S>(table: Record<string, Resolver<S>>, s: S): unknown => {
      const resolver = table[name];
      return resolver ? resolver(s, args, ctx) : defaultFieldResolver(source, args, context, info);
    };
    if (info.parentType.name === 'Query') return pick(queryResolvers, source);
    if (isItemNode(source)) return pick(itemResolvers, source);
    if (isFieldNode(source)) return pick(fieldResolvers, source);
    if (info.parentType.name === 'ItemTemplate' && isTemplate(source)) return pick(templateResolvers, source);
    if (info.parentType.name === 'ItemTemplateField' && isTemplateField(source)) return pick(templateFieldResolvers, source);
    return defaultFieldResolver(source, args, context, info);
  };
}

/** Every item is an UnknownItem (no per-template types); fields carry their concrete type. */
const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value) => {
  if (isFieldNode(value)) return value.typeName;
  return 'UnknownItem';
};

export interface EdgeExecution {
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  context: EdgeRequestContext;
  signal?: AbortSignal;
}

/** Executes an already validated document against the published view. */
export async function executeEdge(run: EdgeExecution): Promise<ExecutionResult> {
  return await execute({
    schema: edgeSchema(),
    document: run.document,
    variableValues: run.variables,
    operationName: run.operationName,
    fieldResolver: dispatch(run.context),
    typeResolver,
    abortSignal: run.signal,
  });
}
