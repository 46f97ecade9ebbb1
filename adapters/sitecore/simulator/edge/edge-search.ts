import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { edgeCanonicalId } from './edge-ids.ts';
import type { EdgeItemNode, EdgePublishedView } from './edge-published-view.ts';

/**
 * Evaluates Edge's `ItemSearchPredicateInput` over the published view.
 * Semantics follow Sitecore's docs and the JSS search/dictionary services:
 * system fields `_path` (ancestor-or-self ids), `_templates` (template and
 * base templates), `_language`, `_name`, `_hasLayout`, `_parent`; EQ on text
 * behaves like a token match (the index is tokenised), CONTAINS like a
 * substring; custom field names must not start with `_`.
 */
export interface EdgePredicate {
  name?: string | null;
  value?: string | null;
  operator?: 'EQ' | 'CONTAINS' | 'NEQ' | 'NCONTAINS' | null;
  AND?: readonly (EdgePredicate | null)[] | null;
  OR?: readonly (EdgePredicate | null)[] | null;
}

const predicateSchema: z.ZodType<EdgePredicate> = z.lazy(() => z.object({
  name: z.string().nullish(),
  value: z.string().nullish(),
  operator: z.enum(['EQ', 'CONTAINS', 'NEQ', 'NCONTAINS']).nullish(),
  AND: z.array(predicateSchema.nullable()).nullish(),
  OR: z.array(predicateSchema.nullable()).nullish(),
}));

const orderBySchema = z.object({ name: z.string(), direction: z.enum(['ASC', 'DESC']).nullish() }).nullish();

/** Coerced GraphQL arguments are trusted in shape, but parse them anyway instead of casting. */
export function parsePredicate(value: unknown): EdgePredicate {
  return predicateSchema.parse(value);
}

const SYSTEM_FIELDS = new Set(['_path', '_templates', '_language', '_name', '_hasLayout', '_parent']);

function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

function textMatches(fieldValue: string, value: string, operator: string): boolean {
  if (operator === 'CONTAINS' || operator === 'NCONTAINS') return fieldValue.toLowerCase().includes(value.toLowerCase());
  const have = new Set(tokens(fieldValue));
  const want = tokens(value);
  return want.length === 0 ? fieldValue === value : want.every((t) => have.has(t));
}

function idListMatches(ids: readonly string[], value: string): boolean {
  const wanted = edgeCanonicalId(value);
  return wanted !== undefined && ids.includes(wanted);
}

function positiveMatch(node: EdgeItemNode, name: string, value: string, operator: string, view: EdgePublishedView): boolean {
  switch (name) {
    case '_path': return idListMatches([node.item.id, ...view.ancestors(node).map((a) => a.item.id)], value);
    case '_templates': return idListMatches(view.templateIds(node.item.templateId), value);
    case '_parent': return node.item.parentId !== undefined && idListMatches([node.item.parentId], value);
    case '_language': return node.language.toLowerCase() === value.toLowerCase();
    case '_hasLayout': return String(view.hasLayout(node)) === value.toLowerCase();
    case '_name': return textMatches(node.item.name, value, operator);
    default: return textMatches(node.version.fields[name] ?? '', value, operator);
  }
}

function leafMatches(node: EdgeItemNode, p: EdgePredicate, view: EdgePublishedView): boolean {
  if (p.name === undefined || p.name === null) return true;
  const operator = p.operator ?? 'EQ';
  const positive = positiveMatch(node, p.name, p.value ?? '', operator, view);
  return operator === 'NEQ' || operator === 'NCONTAINS' ? !positive : positive;
}

function matches(node: EdgeItemNode, p: EdgePredicate, view: EdgePublishedView): boolean {
  if (!leafMatches(node, p, view)) return false;
  const and = (p.AND ?? []).filter((x): x is EdgePredicate => x !== null);
  const or = (p.OR ?? []).filter((x): x is EdgePredicate => x !== null);
  if (!and.every((x) => matches(node, x, view))) return false;
  return or.length === 0 || or.some((x) => matches(node, x, view));
}

/** Field names a predicate uses, checked before evaluation so errors do not depend on the data. */
function checkFieldNames(p: EdgePredicate): void {
  const name = p.name ?? undefined;
  if (name !== undefined && name.startsWith('_') && !SYSTEM_FIELDS.has(name)) {
    throw new GraphQLError(`NotSupportedFieldException: The field '${name}' is not supported. Custom field names must not start with '_'.`);
  }
  for (const child of [...(p.AND ?? []), ...(p.OR ?? [])]) if (child) checkFieldNames(child);
}

/** All published (item, language) pairs matching `where`, ordered by `orderBy` or by path. */
export function searchEdge(view: EdgePublishedView, whereArg: unknown, orderByArg: unknown): EdgeItemNode[] {
  const where = parsePredicate(whereArg);
  const orderBy = orderBySchema.parse(orderByArg);
  checkFieldNames(where);
  const hits = view.allNodes().filter((n) => matches(n, where, view));
  if (!orderBy) return hits;
  const key = (n: EdgeItemNode): string => (orderBy.name === '_name' ? n.item.name : n.version.fields[orderBy.name] ?? '');
  const sign = orderBy.direction === 'DESC' ? -1 : 1;
  return hits.sort((a, b) => sign * key(a).localeCompare(key(b)));
}
