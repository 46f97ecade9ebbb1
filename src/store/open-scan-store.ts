import type { Db } from './db-port.ts';
import { ensureMigrated, type MigrateResult } from './migrate.ts';
import { openPostgresDb, type PostgresDbOptions } from './postgres-db.ts';
import { createScanStore, type ScanStore, type ScanStoreOptions } from './scan-store.ts';
import { openSqliteDb, type SqliteDbOptions } from './sqlite-db.ts';

/** The `storage` block of the config (config has already folded DATABASE_URL into `postgres`). */
export interface StorageSettings {
  sqlite: string;
  postgres?: string;
  autoMigrate: boolean;
}

export interface OpenStoreOptions extends ScanStoreOptions {
  postgres?: PostgresDbOptions;
  sqlite?: SqliteDbOptions;
  /** Override of the shipped migrations folder (tests). */
  migrationsDir?: string;
}

/** Opens the configured database without migrating it (for `conduit db migrate`). Postgres when set, else SQLite. */
export function openDb(storage: StorageSettings, options: OpenStoreOptions = {}): Db {
  if (storage.postgres !== undefined) {
    return openPostgresDb(storage.postgres, { ...options.postgres, ...(options.logger ? { logger: options.logger } : {}) });
  }
  return openSqliteDb(storage.sqlite, options.sqlite);
}

/**
 * What the app calls at start-up: open the database, migrate it (or with
 * autoMigrate off, refuse one that is behind), and build the store.
 */
export async function openScanStore(storage: StorageSettings, options: OpenStoreOptions = {}): Promise<{ store: ScanStore; migration: MigrateResult }> {
  const db = openDb(storage, options);
  try {
    const migration = await ensureMigrated(db, {
      autoMigrate: storage.autoMigrate,
      ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return { store: createScanStore(db, options), migration };
  } catch (error) {
    await db.close();
    throw error;
  }
}
