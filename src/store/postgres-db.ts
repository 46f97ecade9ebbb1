import { createHash } from 'node:crypto';
import pg from 'pg';
import type { ConnectionOptions } from 'node:tls';
import { ConduitError } from '../core/conduit-error.ts';
import { silentLogger, type Logger } from '../core/ports.ts';
import type { Db, Queryable, QueryResult, SqlDialect, SqlValue, TransactionOptions } from './db-port.ts';
import { redactConnectionString } from './redact-connection-string.ts';
import { connectionProblem, errorCode, sanitizedCause } from './postgres-errors.ts';

export interface PostgresDbOptions {
  /** Pool size. Default 10. */
  max?: number;
  /**
   * TLS for the connection: true, false or Node TLS options (ca, cert, key,
   * rejectUnauthorized, servername). An sslmode in the connection string takes
   * precedence, as in pg itself.
   */
  ssl?: boolean | ConnectionOptions;
  /** Schema the store lives in (sets search_path on every pooled connection). Default: the server's search_path. */
  schema?: string;
  /** Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Server-side limit for one statement. Default 120 000 ms. */
  statementTimeoutMs?: number;
  /** Default 30 000 ms. */
  idleTimeoutMs?: number;
  /**
   * Distinct statements prepared (named) on each connection; statements beyond
   * that are parsed on every run. Bounds server memory, since batch inserts
   * have one statement text per batch size. Default 400.
   */
  maxPreparedStatements?: number;
  /** Extra attempts of a transaction that hit a deadlock or serialisation failure. Default 3. */
  conflictRetries?: number;
  logger?: Logger;
}

export const postgresDialect: SqlDialect = {
  kind: 'postgres',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  // One lock per schema, so test schemas (and separate installations) do not wait on each other.
  migrationLock: 'SELECT pg_advisory_xact_lock(72707, hashtext(current_schema()))',
  tableExists: 'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1',
};

const INT8_OID = 20;
const JSON_OIDS = new Set([114, 3802]);

/** BIGINT as a JS number (our values are counts and epoch ms), JSON/JSONB as text so both drivers return the same. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (JSON_OIDS.has(oid)) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

const CONFLICT_CODES = new Set(['40P01', '40001']);

/** node-postgres behind the Db port: a pool, named prepared statements, retries of deadlocked transactions. */
export function openPostgresDb(connectionString: string, options: PostgresDbOptions = {}): Db {
  const safe = redactConnectionString(connectionString);
  const logger = options.logger ?? silentLogger;
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new ConduitError('STORE_UNAVAILABLE', `"${schema}" is not a valid Postgres schema name.`, { retryable: false });
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    statement_timeout: options.statementTimeoutMs ?? 120_000,
    application_name: 'conduit',
    types: typeParsers,
    ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.warn({ err: sanitizedCause(error, connectionString), db: safe }, 'idle Postgres connection failed'));
  const names = new Map<string, string>();
  const maxNamed = options.maxPreparedStatements ?? 400;
  const describe = () => `postgres:${safe}${schema === undefined ? '' : ` (schema ${schema})`}`;
  const fail = (error: unknown): never => { throw mapError(error, connectionString, safe); };
  let ended: Promise<void> | undefined;
  // Inside an async function, so errors pg throws synchronously (a malformed URL) are mapped too.
  const guarded = <T>(fn: () => Promise<T>): Promise<T> => (async () => fn())().catch(fail);

  const run = async (client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlValue[]): Promise<QueryResult> => {
    let name = names.get(sql);
    if (name === undefined && names.size < maxNamed) {
      name = 'c' + createHash('sha1').update(sql).digest('hex').slice(0, 20);
      names.set(sql, name);
    }
    const result = await client.query({ ...(name === undefined ? {} : { name }), text: sql, values: [...params] });
    return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
  };

  return {
    dialect: postgresDialect,
    query: (sql, params = []) => run(pool, sql, params).catch(fail),
    exec: (script) => guarded(async () => { await pool.query(script); }),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>, opts: TransactionOptions = {}) =>
      withRetries(options.conflictRetries ?? 3, () => inTransaction(pool, opts, fn, run)).catch(fail),
    ping: () => guarded(async () => { await pool.query('SELECT 1'); }),
    describe,
    close: () => (ended ??= pool.end()),
  };
}

type Runner = (client: pg.PoolClient, sql: string, params: readonly SqlValue[]) => Promise<QueryResult>;

async function inTransaction<T>(pool: pg.Pool, opts: TransactionOptions, fn: (tx: Queryable) => Promise<T>, run: Runner): Promise<T> {
  const client = await pool.connect();
  const tx: Queryable = {
    query: (sql, params = []) => run(client, sql, params),
    exec: async (script) => { await client.query(script); },
  };
  let broken: Error | undefined;
  try {
    await client.query(opts.readOnly === true ? 'BEGIN READ ONLY' : 'BEGIN');
    const result = await fn(tx);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // The connection is unusable; release(error) below destroys it instead of pooling it.
      broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

async function withRetries<T>(retries: number, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries || !CONFLICT_CODES.has(errorCode(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

function mapError(error: unknown, connectionString: string, safe: string): unknown {
  const problem = error instanceof ConduitError ? undefined : connectionProblem(error);
  if (problem === undefined) return error;
  const cause = sanitizedCause(error, connectionString);
  return new ConduitError('STORE_UNAVAILABLE', `Could not use Postgres at ${safe}: ${cause.message}`, {
    retryable: problem === 'network',
    cause,
  });
}
