import { ConduitError } from '../core/conduit-error.ts';
import { silentLogger, systemClock, type Clock, type Logger } from '../core/ports.ts';
import type { Db, Queryable } from './db-port.ts';
import { defaultMigrationsDir, loadMigrationFiles, type MigrationFile } from './migration-files.ts';
import { int, text } from './row.ts';

export interface MigrateOptions {
  /** Report what would be applied without changing the database. */
  dryRun?: boolean;
  /** Folder of NNNN_name.sql files; defaults to the shipped migrations/<dialect>/. */
  migrationsDir?: string;
  logger?: Logger;
  clock?: Clock;
}

export interface MigrationStep { version: number; name: string }

export interface MigrateResult {
  dialect: 'sqlite' | 'postgres';
  dryRun: boolean;
  /** Highest applied version before this run (0 for an empty database). */
  fromVersion: number;
  /** Highest version shipped with this Conduit. */
  latestVersion: number;
  /** Applied by this run (empty for a dry run). */
  applied: MigrationStep[];
  /** Still to apply: after a dry run, what a real run would apply; otherwise empty. */
  pending: MigrationStep[];
}

interface AppliedRow { version: number; name: string; checksum: string }

const TABLE = 'conduit_migrations';
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE} (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)`;

/**
 * Brings the database to the latest shipped migration, one transaction per
 * file. Refuses a database ahead of the code (STORE_SCHEMA_AHEAD) or one whose
 * applied files changed (STORE_MIGRATION_CHANGED). Concurrent runners are
 * serialised (Postgres advisory lock, SQLite BEGIN IMMEDIATE) and each
 * re-reads the applied versions under the lock, so a file is applied once.
 */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = loadMigrationFiles(options.migrationsDir ?? defaultMigrationsDir(db.dialect.kind));
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const before = await db.transaction((tx) => readAndVerify(db, tx, files), { readOnly: true });
  const result: MigrateResult = {
    dialect: db.dialect.kind,
    dryRun: options.dryRun === true,
    fromVersion: before.applied.reduce((max, a) => Math.max(max, a.version), 0),
    latestVersion: files.length,
    applied: [],
    pending: [],
  };
  if (options.dryRun === true) {
    result.pending = before.pending.map(step);
    return result;
  }
  for (;;) {
    const next = await db.transaction((tx) => applyNext(db, tx, files, clock));
    if (next === undefined) break;
    logger.info({ migration: next.file, db: db.describe() }, 'applied migration');
    result.applied.push(step(next));
  }
  return result;
}

export interface EnsureMigratedOptions extends MigrateOptions {
  /** storage.autoMigrate: when false, a database behind the code is refused instead of migrated. */
  autoMigrate: boolean;
}

/** What the app calls at start-up: migrate, or with autoMigrate off, refuse a database that is behind. */
export async function ensureMigrated(db: Db, options: EnsureMigratedOptions): Promise<MigrateResult> {
  if (options.autoMigrate) return migrate(db, options);
  const check = await migrate(db, { ...options, dryRun: true });
  if (check.pending.length > 0) {
    throw new ConduitError('STORE_NOT_MIGRATED', `The database ${db.describe()} is at migration ${check.fromVersion}; this Conduit needs ${check.latestVersion}.`, {
      details: { fromVersion: check.fromVersion, latestVersion: check.latestVersion },
    });
  }
  return check;
}

async function applyNext(db: Db, tx: Queryable, files: MigrationFile[], clock: Clock): Promise<MigrationFile | undefined> {
  if (db.dialect.migrationLock !== '') await tx.query(db.dialect.migrationLock);
  await tx.exec(CREATE_TABLE);
  const { pending } = await readAndVerify(db, tx, files);
  const next = pending[0];
  if (next === undefined) return undefined;
  try {
    await tx.exec(next.sql);
  } catch (error) {
    throw new ConduitError('STORE_MIGRATION_FAILED', `Migration ${db.dialect.kind}/${next.file} failed on ${db.describe()}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { version: next.version, file: next.file },
    });
  }
  await tx.query(`INSERT INTO ${TABLE} (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)`,
    [next.version, next.name, next.checksum, clock.now()]);
  return next;
}

async function readAndVerify(db: Db, tx: Queryable, files: MigrationFile[]): Promise<{ applied: AppliedRow[]; pending: MigrationFile[] }> {
  const exists = await tx.query(db.dialect.tableExists, [TABLE]);
  const applied: AppliedRow[] = exists.rows.length === 0 ? [] : (await tx.query(`SELECT version, name, checksum FROM ${TABLE} ORDER BY version`)).rows
    .map((r) => ({ version: int(r, 'version'), name: text(r, 'name'), checksum: text(r, 'checksum') }));
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const a of applied) {
    const file = byVersion.get(a.version);
    if (file === undefined) {
      throw new ConduitError('STORE_SCHEMA_AHEAD', `The database ${db.describe()} has migration ${a.version} (${a.name}); this Conduit only knows migrations up to ${files.length}.`, {
        details: { databaseVersion: Math.max(...applied.map((x) => x.version)), codeVersion: files.length },
      });
    }
    if (file.checksum !== a.checksum) {
      throw new ConduitError('STORE_MIGRATION_CHANGED', `Migration ${db.dialect.kind}/${file.file} was changed after it was applied to ${db.describe()}.`, {
        details: { version: a.version, file: file.file },
      });
    }
  }
  const done = new Set(applied.map((a) => a.version));
  return { applied, pending: files.filter((f) => !done.has(f.version)) };
}

function step(file: MigrationFile): MigrationStep {
  return { version: file.version, name: file.name };
}
