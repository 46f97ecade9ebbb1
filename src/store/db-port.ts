/**
 * The small seam between the portable scan store and a database driver.
 *
 * Portable SQL uses Postgres-style numbered placeholders ($1, $2, ...); the
 * SQLite driver rewrites them. Booleans are passed as JS booleans (the SQLite
 * driver stores 1/0), JSON as a JSON string (TEXT in SQLite, JSONB in
 * Postgres; both drivers hand it back as a string), timestamps as epoch
 * milliseconds (INTEGER / BIGINT, returned as JS numbers).
 */

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

export type Row = Record<string, unknown>;

export interface QueryResult {
  rows: Row[];
  /** Rows returned, or for statements that return nothing, rows changed. */
  rowCount: number;
}

export interface Queryable {
  query(sql: string, params?: readonly SqlValue[]): Promise<QueryResult>;
  /** Runs a script of one or more statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type DbKind = 'sqlite' | 'postgres';

/** The few places where portable SQL cannot be identical across dialects. */
export interface SqlDialect {
  readonly kind: DbKind;
  /**
   * Appended to a SELECT that picks rows to claim. Postgres: row locks that
   * skip rows other transactions hold. SQLite: empty, because BEGIN IMMEDIATE
   * already holds the only write lock.
   */
  readonly skipLocked: string;
  /** Serialises migration runners inside the current transaction ('' when BEGIN IMMEDIATE already does). */
  readonly migrationLock: string;
  /** A query with one parameter (a table name) that returns a row when that table exists. */
  readonly tableExists: string;
}

export interface TransactionOptions {
  /** A read-only transaction (SQLite: deferred BEGIN; Postgres: READ ONLY). Default false. */
  readOnly?: boolean;
}

export interface Db extends Queryable {
  readonly dialect: SqlDialect;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when
   * it throws. SQLite write transactions start with BEGIN IMMEDIATE. `fn` must
   * only touch the database through `tx`: Postgres may run it again after a
   * deadlock or serialisation failure.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /** A description safe to log (no password). */
  describe(): string;
  close(): Promise<void>;
}
