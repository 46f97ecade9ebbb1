import {
  GraphQLError, Kind, getOperationAST, valueFromASTUntyped, type DocumentNode, type FieldNode,
  type FragmentDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { EDGE_DEFAULT_FIRST, EDGE_MAX_FIRST } from './edge-paging.ts';

/**
 * Edge's query-cost limits, checked before execution (like Edge, the result
 * does not depend on the data):
 * - `children` nested inside `children` or `search` results is rejected as too
 *   complex (reference §2.4: walk one level per query);
 * - at most 1,000 entities per query, estimated from `first` (default 10)
 *   multiplied through nesting.
 * The exact messages and the numeric complexity budget (≈250 in older docs)
 * are NOT verified; only the rules are modelled.
 */
export const MAX_ENTITIES_PER_QUERY = 1000;

const PAGED_FIELDS = new Set(['children', 'search']);

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  entities: number;
}

function firstArgument(field: FieldNode, variables: Record<string, unknown>): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
  if (typeof value !== 'number') return EDGE_DEFAULT_FIRST;
  // Oversized `first` fails in its resolver with Edge's own message; count it at the cap here.
  return Math.min(Math.max(value, 0), EDGE_MAX_FIRST);
}

function walkSelections(set: SelectionSetNode, multiplier: number, insidePaged: string | undefined, walk: Walk, seen: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkSelections(selection.selectionSet, multiplier, insidePaged, walk, seen);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (fragment && !seen.has(name)) walkSelections(fragment.selectionSet, multiplier, insidePaged, walk, new Set([...seen, name]));
      continue;
    }
    const field = selection;
    const name = field.name.value;
    let nextMultiplier = multiplier;
    let nextPaged = insidePaged;
    if (PAGED_FIELDS.has(name)) {
      if (name === 'children' && insidePaged !== undefined) {
        walk.errors.push(new GraphQLError(
          `Query is too complex to execute: "children" is nested inside "${insidePaged}". Query one level of the tree per request.`,
          { nodes: field },
        ));
        continue;
      }
      nextMultiplier = multiplier * firstArgument(field, walk.variables);
      walk.entities += nextMultiplier;
      nextPaged = name;
    }
    if (field.selectionSet) walkSelections(field.selectionSet, nextMultiplier, nextPaged, walk, seen);
  }
}

/** Errors for a validated document that breaks Edge's complexity or entity limits; empty when it may run. */
export function checkEdgeLimits(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [new GraphQLError('Could not determine the operation to execute; pass operationName.')];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const walk: Walk = { fragments, variables, errors: [], entities: 0 };
  walkSelections(operation.selectionSet, 1, undefined, walk, new Set());
  if (walk.errors.length === 0 && walk.entities > MAX_ENTITIES_PER_QUERY) {
    walk.errors.push(new GraphQLError(
      `Query exceeds the limit of ${MAX_ENTITIES_PER_QUERY} entities per request (estimated ${walk.entities}). Use pagination with first and after.`,
    ));
  }
  return walk.errors;
}
