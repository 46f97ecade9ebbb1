import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { ConduitError } from '../core/conduit-error.ts';
import { AsyncMutex } from './async-mutex.ts';
import type { Db, Queryable, QueryResult, SqlDialect, SqlValue, TransactionOptions } from './db-port.ts';
import { sqlPlaceholders, type TranslatedSql } from './sql-placeholders.ts';

export interface SqliteDbOptions {
  /** How long a statement waits for another process's write lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** Prepared statements kept per connection. Default 500. */
  statementCacheSize?: number;
}

export const sqliteDialect: SqlDialect = {
  kind: 'sqlite',
  skipLocked: '',
  migrationLock: '',
  tableExists: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1",
};

interface Prepared { stmt: Database.Statement; t: TranslatedSql }

/**
 * better-sqlite3 is synchronous: a long run of statements (an analysis reading
 * a 100k scan) would hold the event loop for seconds, and /health, MCP calls
 * and lease heartbeats with it. After this much time without a turn of the
 * event loop, the next statement first lets it run.
 */
const MAX_BLOCKING_MS = 20;
let lastTurnAt = performance.now();

function giveEventLoopATurn(): Promise<void> | undefined {
  if (performance.now() - lastTurnAt < MAX_BLOCKING_MS) return undefined;
  return new Promise((resolve) => {
    setImmediate(() => {
      lastTurnAt = performance.now();
      resolve();
    });
  });
}

/**
 * better-sqlite3 behind the async Db port. One connection per database file
 * per process: every statement and transaction goes through one FIFO lock, so
 * an async transaction never sees another caller's statements. Several
 * processes share the file through WAL, BEGIN IMMEDIATE and the busy timeout.
 */
export function openSqliteDb(path: string, options: SqliteDbOptions = {}): Db {
  const file = path === ':memory:' ? path : resolve(path);
  const raw = openRaw(file, options.busyTimeoutMs ?? 5000);
  const cache = new LRUCache<string, Prepared>({ max: options.statementCacheSize ?? 500 });
  const mutex = new AsyncMutex();
  let closed = false;

  const prepare = (sql: string): Prepared => {
    let p = cache.get(sql);
    if (p === undefined) {
      const t = sqlPlaceholders(sql);
      p = { stmt: raw.prepare(t.sql), t };
      cache.set(sql, p);
    }
    return p;
  };

  const direct: Queryable = {
    query: async (sql, params = []) => {
      await giveEventLoopATurn();
      return settle(() => runStatement(prepare(sql), params), file);
    },
    exec: (script) => settle(() => { raw.exec(script); }, file),
  };

  return {
    dialect: sqliteDialect,
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    exec: (script) => mutex.run(() => direct.exec(script)),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>, opts: TransactionOptions = {}) =>
      mutex.run(() => inTransaction(raw, file, opts.readOnly === true ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE', () => fn(direct))),
    ping: () => mutex.run(async () => { await direct.query('SELECT 1'); }),
    describe: () => `sqlite:${file}`,
    close: () => mutex.run(async () => {
      if (closed) return;
      closed = true;
      cache.clear();
      raw.close();
    }),
  };
}

function openRaw(file: string, busyTimeoutMs: number): Database.Database {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const raw = new Database(file, { timeout: busyTimeoutMs });
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    // A scan writes items and references under random GUID keys all over large B-trees: checkpointing every
    // ~40 MiB of WAL (not 4) copies a page rewritten by many commits once. A 4 MiB page cache (not 2): a
    // bigger one bought some speed but pushed a 100k crawl's peak RSS past 300 MB (bench:xray).
    raw.pragma('cache_size = -4096');
    raw.pragma('wal_autocheckpoint = 10000');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    return raw;
  } catch (error) {
    throw new ConduitError('STORE_UNAVAILABLE', `Could not open the SQLite database ${file}: ${messageOf(error)}`, {
      hint: 'Check storage.sqlite: the directory must be writable by the Conduit process.',
      cause: error,
    });
  }
}

async function inTransaction<T>(raw: Database.Database, file: string, begin: string, fn: () => Promise<T>): Promise<T> {
  await settle(() => { raw.exec(begin); }, file);
  try {
    const result = await fn();
    raw.exec('COMMIT');
    return result;
  } catch (error) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw error;
  }
}

function runStatement(p: Prepared, params: readonly SqlValue[]): QueryResult {
  if (params.length < p.t.maxIndex) {
    throw new Error(`SQL uses $${p.t.maxIndex} but only ${params.length} parameters were given`);
  }
  const bound = p.t.order.map((i) => toSqlite(params[i] ?? null));
  if (p.stmt.reader) {
    const rows: unknown[] = p.stmt.all(...bound);
    return { rows: rows.filter(isRow), rowCount: rows.length };
  }
  return { rows: [], rowCount: p.stmt.run(...bound).changes };
}

function toSqlite(value: SqlValue): string | number | bigint | null | Uint8Array {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function isRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Runs a synchronous driver call as a promise, turning a busy database into a retryable coded error. */
async function settle<T>(fn: () => T, file: string): Promise<T> {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Database.SqliteError && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED')) {
      throw new ConduitError('STORE_UNAVAILABLE', `The SQLite database ${file} is locked by another process.`, {
        hint: 'Another Conduit process holds the write lock; retry, or give each process its own storage.sqlite file.',
        retryable: true,
        cause: error,
      });
    }
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
