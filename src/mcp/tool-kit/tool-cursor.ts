import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConduitError } from '../../core/conduit-error.ts';

/**
 * What an opaque tool cursor carries: the adapter it belongs to, a hash of
 * the query it continues, the adapter's own cursor for the page to fetch, and
 * how many items of that page were already returned (when a page was cut to
 * fit the response budget).
 */
export interface CursorState {
  adapter: string;
  /** The adapter's cursor for the page; absent for the first page. */
  page?: string;
  /** Items of that page already returned. */
  skip: number;
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  a: z.string().min(1),
  q: z.string().min(1),
  p: z.string().optional(),
  s: z.number().int().nonnegative(),
});

/** Stable hash of the parts of a query that decide which items a listing holds. */
export function queryHash(tool: string, query: Record<string, unknown>): string {
  return createHash('sha256').update(stableJson({ tool, ...query })).digest('base64url').slice(0, 16);
}

export function encodeCursor(state: CursorState, hash: string): string {
  const payload = { v: 1, a: state.adapter, q: hash, ...(state.page === undefined ? {} : { p: state.page }), s: state.skip };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Reads a cursor handed back by a client. A cursor that is malformed, or that
 * was issued for another adapter or another query, is refused with
 * TOOL_CURSOR_INVALID rather than silently restarting the listing.
 */
export function decodeCursor(cursor: string, expected: { adapter: string; hash: string }): CursorState {
  const invalid = (why: string): ConduitError => new ConduitError('TOOL_CURSOR_INVALID', `The cursor ${why}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new ConduitError('TOOL_CURSOR_INVALID', 'The cursor is not one Conduit issued (it does not decode).', { cause: error });
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success) throw invalid('is not one Conduit issued (unexpected shape)');
  if (payload.data.a !== expected.adapter) throw invalid(`belongs to adapter "${payload.data.a}", not "${expected.adapter}"`);
  if (payload.data.q !== expected.hash) throw invalid('belongs to a different query (the arguments changed between pages)');
  return { adapter: payload.data.a, skip: payload.data.s, ...(payload.data.p === undefined ? {} : { page: payload.data.p }) };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
