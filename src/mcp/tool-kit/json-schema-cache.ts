import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';

const TARGET = 'draft-2020-12';
const cache = new WeakMap<object, { input?: Record<string, unknown>; output?: Record<string, unknown> }>();

/**
 * The JSON Schema a tool advertises, converted once per schema object and
 * kept for the life of the process: schemas are built at module level, so
 * the per-request servers share one conversion instead of redoing it on
 * every tools/list. Follows the SDK's rules: input roots are objects, and an
 * output root that is provably object-shaped (a union of objects) is stamped
 * `type: "object"` so 2025-era clients do not see it wrapped.
 */
export function jsonSchemaOf(schema: StandardSchemaWithJSON, io: 'input' | 'output'): Record<string, unknown> {
  let entry = cache.get(schema);
  if (!entry) {
    entry = {};
    cache.set(schema, entry);
  }
  const known = entry[io];
  if (known) return known;
  const converted = schema['~standard'].jsonSchema[io]({ target: TARGET });
  const json = converted['type'] !== undefined || (io === 'output' && !isObjectUnion(converted)) ? converted : { type: 'object', ...converted };
  entry[io] = json;
  return json;
}

function isObjectUnion(json: Record<string, unknown>): boolean {
  const branches = json['anyOf'] ?? json['oneOf'];
  return Array.isArray(branches) && branches.length > 0
    && branches.every((b: unknown) => typeof b === 'object' && b !== null && Reflect.get(b, 'type') === 'object');
}

const lenientCache = new WeakMap<object, StandardSchemaWithJSON>();

/**
 * The schema handed to the SDK for a Conduit tool: it advertises the tool's
 * real JSON Schema but lets every argument through, so the tool itself parses
 * the arguments and reports a problem as a TOOL_INVALID_ARGS result with a
 * hint — the same shape as every other tool error — instead of the SDK's
 * bare validation text.
 */
export function advertiseOnly(schema: StandardSchemaWithJSON): StandardSchemaWithJSON {
  const known = lenientCache.get(schema);
  if (known) return known;
  const std = schema['~standard'];
  const wrapped: StandardSchemaWithJSON = {
    '~standard': {
      version: 1,
      vendor: 'conduit',
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: () => jsonSchemaOf(schema, 'input'), output: () => jsonSchemaOf(schema, 'output') },
      ...(std.types ? { types: std.types } : {}),
    },
  };
  lenientCache.set(schema, wrapped);
  return wrapped;
}
