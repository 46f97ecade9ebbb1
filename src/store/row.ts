import { ConduitError } from '../core/conduit-error.ts';
import type { Row } from './db-port.ts';

/**
 * Typed column readers. Rows come from our own schema, but the drivers type
 * them as unknown; these check instead of casting, so a schema/code mismatch
 * fails loudly at the column that is wrong.
 */

function wrongType(col: string, value: unknown): ConduitError {
  return new ConduitError('INTERNAL', `Store column "${col}" holds an unexpected ${value === null ? 'null' : typeof value}.`);
}

export function text(row: Row, col: string): string {
  const v = row[col];
  if (typeof v === 'string') return v;
  throw wrongType(col, v);
}

export function textOrNull(row: Row, col: string): string | null {
  const v = row[col];
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  throw wrongType(col, v);
}

export function int(row: Row, col: string): number {
  const v = row[col];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // sum()/count() on Postgres may arrive as numeric text.
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw wrongType(col, v);
}

export function intOrNull(row: Row, col: string): number | null {
  const v = row[col];
  return v === null || v === undefined ? null : int(row, col);
}

export function bool(row: Row, col: string): boolean {
  const v = row[col];
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  throw wrongType(col, v);
}

/** A JSON column (TEXT in SQLite, JSONB returned as text by our Postgres type parser). */
export function json(row: Row, col: string): unknown {
  const v = row[col];
  if (typeof v !== 'string') throw wrongType(col, v);
  return JSON.parse(v);
}

export function jsonOrNull(row: Row, col: string): unknown {
  const v = row[col];
  return v === null || v === undefined ? null : json(row, col);
}
