import { z } from 'zod';
import { ConduitError } from '../core/conduit-error.ts';
import type { Clock, Logger } from '../core/ports.ts';
import type { Db, SqlValue } from './db-port.ts';

/** What every part of the scan store shares. */
export interface StoreContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Leases a task may take before it fails for good (a worker crashing on it counts). */
  maxAttempts: number;
}

/**
 * "($1, $2, $3), ($1, $4, $5)" for `rows` rows of `cols` parameters numbered
 * from `first`, each row starting with the shared `lead` cells (e.g. "$1" for the scan id).
 */
export function valuesList(rows: number, cols: number, first: number, lead: readonly string[] = []): string {
  const out: string[] = [];
  let n = first;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [...lead];
    for (let c = 0; c < cols; c++) cells.push(`$${n++}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}

/** "$2, $3, $4" for an IN list of `count` parameters numbered from `first`. */
export function paramList(count: number, first: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Last one wins, so a batch never upserts the same key twice (Postgres refuses that in one statement). */
export function dedupeBy<T>(values: readonly T[], key: (v: T) => string): T[] {
  const map = new Map<string, T>();
  for (const v of values) map.set(key(v), v);
  return [...map.values()];
}

export function jsonParam(value: unknown): SqlValue {
  return JSON.stringify(value ?? {});
}

/** Epoch ms of an ISO timestamp, or null when absent or unparseable. */
export function epochMs(iso: string | undefined): number | null {
  if (iso === undefined || iso === '') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export const jsonObject = z.record(z.string(), z.unknown());
export const fieldsSchema = z.record(z.string(), z.string());

/** Keyset cursors are opaque to callers: base64url of a JSON array of the last row's key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(safeJson(Buffer.from(cursor, 'base64url').toString('utf8')));
  if (!parsed.success) {
    throw new ConduitError('TOOL_CURSOR_INVALID', 'The cursor is not one this store handed out.', { hint: 'Start again without a cursor.' });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Returned, not thrown: the caller's schema check rejects it with the cursor error.
    return error;
  }
}
