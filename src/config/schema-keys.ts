import type { z } from 'zod';

interface DefLike { type?: unknown; shape?: unknown; innerType?: unknown; valueType?: unknown; element?: unknown; in?: unknown }

function defOf(schema: unknown): DefLike | undefined {
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return undefined;
  const internals: unknown = Reflect.get(schema, '_zod');
  if (typeof internals !== 'object' || internals === null) return undefined;
  const def: unknown = Reflect.get(internals, 'def');
  return typeof def === 'object' && def !== null ? def : undefined;
}

/**
 * The keys an object schema accepts at a dot-path, used to suggest the
 * intended key for an unknown one. Walks zod 4's schema definitions through
 * wrappers (default, optional, pipe), records and arrays.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (let i = 0; i <= path.length; i++) {
    current = unwrap(current);
    const def = defOf(current);
    if (def === undefined) return [];
    if (i === path.length) {
      return def.type === 'object' && typeof def.shape === 'object' && def.shape !== null ? Object.keys(def.shape) : [];
    }
    const segment = path[i];
    if (def.type === 'object' && typeof def.shape === 'object' && def.shape !== null) {
      current = Reflect.get(def.shape, String(segment));
    } else if (def.type === 'record') {
      current = def.valueType;
    } else if (def.type === 'array') {
      current = def.element;
    } else {
      return [];
    }
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = defOf(current);
    if (def === undefined) return current;
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else return current;
  }
  return current;
}
