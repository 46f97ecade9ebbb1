import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db, DbKind } from '../db-port.ts';
import { openPostgresDb } from '../postgres-db.ts';
import { openSqliteDb } from '../sqlite-db.ts';

/** One fresh, empty database for one test. */
export interface TestDatabase {
  db: Db;
  /** Another connection (pool) to the same database, as a second process would open. */
  another(): Db;
  cleanup(): Promise<void>;
}

export interface StoreTestTarget {
  kind: DbKind;
  /** Whether two Db instances may work on the database at the same time (Postgres; not two SQLite connections in one process). */
  concurrentInstances: boolean;
  fresh(): Promise<TestDatabase>;
}

/** A temp-file SQLite database per test. */
export const sqliteTarget: StoreTestTarget = {
  kind: 'sqlite',
  concurrentInstances: false,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-store-'));
    const file = join(dir, 'scans.db');
    const opened: Db[] = [];
    const open = () => {
      const db = openSqliteDb(file, { busyTimeoutMs: 2000 });
      opened.push(db);
      return db;
    };
    return {
      db: open(),
      another: open,
      async cleanup() {
        for (const db of opened) await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A Postgres schema per test (search_path set on every pooled connection), dropped afterwards. */
export function postgresTarget(url: string): StoreTestTarget {
  return {
    kind: 'postgres',
    concurrentInstances: true,
    async fresh() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `CREATE SCHEMA ${schema}`);
      const opened: Db[] = [];
      const open = () => {
        const db = openPostgresDb(url, { schema, max: 6, connectTimeoutMs: 3000, statementTimeoutMs: 30_000 });
        opened.push(db);
        return db;
      };
      return {
        db: open(),
        another: open,
        async cleanup() {
          for (const db of opened) await db.close();
          await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
