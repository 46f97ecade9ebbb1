import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCode } from '../../core/conduit-error.ts';
import type { ErrorCode } from '../../core/error-catalogue.ts';
import type { Db } from '../db-port.ts';
import { ensureMigrated, migrate } from '../migrate.ts';
import { defaultMigrationsDir } from '../migration-files.ts';
import { createScanStore } from '../scan-store.ts';
import type { StoreTestTarget } from './test-databases.ts';

const code = (c: ErrorCode) => (e: unknown) => hasCode(e, c);

/** A writable copy of the shipped migrations plus `extra` files numbered after them. */
function migrationsCopy(target: StoreTestTarget, extra: string[] = []): { dir: string; shipped: number; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-migrations-'));
  cpSync(defaultMigrationsDir(target.kind), dir, { recursive: true });
  const shipped = readdirSync(dir).filter((f) => f.endsWith('.sql')).length;
  extra.forEach((sql, i) => writeFileSync(join(dir, `${String(shipped + i + 1).padStart(4, '0')}_extra_${i + 1}.sql`), sql));
  return { dir, shipped, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  return (await db.query(db.dialect.tableExists, [name])).rows.length > 0;
}

async function withDb(target: StoreTestTarget, fn: (db: Db, another: () => Db) => Promise<void>): Promise<void> {
  const database = await target.fresh();
  try {
    await fn(database.db, database.another);
  } finally {
    await database.cleanup();
  }
}

export function migrationContract(target: StoreTestTarget): void {
  void test('an empty database reaches the latest migration; a second run applies nothing', () => withDb(target, async (db) => {
    const shipped = readdirSync(defaultMigrationsDir(target.kind)).filter((f) => f.endsWith('.sql')).length;
    const first = await migrate(db);
    assert.equal(first.fromVersion, 0);
    assert.equal(first.latestVersion, shipped);
    assert.deepEqual(first.applied.map((s) => s.version), Array.from({ length: shipped }, (_, i) => i + 1));
    assert.equal(first.applied[0]?.name, 'initial');
    for (const table of ['scans', 'crawl_tasks', 'items', 'item_references', 'findings', 'accepted_findings', 'scan_scores', 'scan_events']) {
      assert.ok(await tableExists(db, table), `table ${table} exists`);
    }
    const second = await migrate(db);
    assert.deepEqual({ from: second.fromVersion, applied: second.applied, pending: second.pending }, { from: shipped, applied: [], pending: [] });
    // The schema is usable: a store works on it.
    const scan = await createScanStore(db).createScan({ adapter: 'a' });
    assert.equal(scan.status, 'pending');
  }));

  void test('a dry run lists what would be applied and changes nothing', () => withDb(target, async (db) => {
    const dry = await migrate(db, { dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.equal(dry.fromVersion, 0);
    assert.deepEqual(dry.applied, []);
    assert.equal(dry.pending.length, dry.latestVersion);
    assert.equal(await tableExists(db, 'conduit_migrations'), false);
    assert.equal(await tableExists(db, 'scans'), false);
    await migrate(db);
    assert.deepEqual((await migrate(db, { dryRun: true })).pending, []);
  }));

  void test('a database ahead of the code is refused with STORE_SCHEMA_AHEAD', () => withDb(target, async (db) => {
    const newer = migrationsCopy(target, ['CREATE TABLE from_the_future (id INTEGER)']);
    try {
      const applied = await migrate(db, { migrationsDir: newer.dir });
      assert.equal(applied.latestVersion, newer.shipped + 1);
      await assert.rejects(migrate(db), code('STORE_SCHEMA_AHEAD'));
      await assert.rejects(migrate(db, { dryRun: true }), code('STORE_SCHEMA_AHEAD'));
      await assert.rejects(ensureMigrated(db, { autoMigrate: false }), code('STORE_SCHEMA_AHEAD'));
    } finally {
      newer.remove();
    }
  }));

  void test('an applied migration whose file changed is refused with STORE_MIGRATION_CHANGED', () => withDb(target, async (db) => {
    const copy = migrationsCopy(target);
    try {
      await migrate(db, { migrationsDir: copy.dir });
      appendFileSync(join(copy.dir, '0001_initial.sql'), '\n-- an innocent-looking edit\n');
      await assert.rejects(migrate(db, { migrationsDir: copy.dir }), (e: unknown) => hasCode(e, 'STORE_MIGRATION_CHANGED') && /0001_initial\.sql/.test(e.message));
    } finally {
      copy.remove();
    }
  }));

  void test('a failing migration is rolled back whole and reported as STORE_MIGRATION_FAILED', () => withDb(target, async (db) => {
    const copy = migrationsCopy(target, ['CREATE TABLE half_done (id INTEGER);\nCREATE TABLE broken (;\n']);
    try {
      await assert.rejects(migrate(db, { migrationsDir: copy.dir }), (e: unknown) => hasCode(e, 'STORE_MIGRATION_FAILED') && /_extra_1\.sql/.test(e.message));
      assert.equal(await tableExists(db, 'half_done'), false, 'the statements before the failure were rolled back');
      const after = await migrate(db, { dryRun: true });
      assert.equal(after.fromVersion, copy.shipped, 'the migrations before the failing one stay applied');
    } finally {
      copy.remove();
    }
  }));

  void test('with autoMigrate off, a database behind is STORE_NOT_MIGRATED and one at latest is accepted', () => withDb(target, async (db) => {
    await assert.rejects(ensureMigrated(db, { autoMigrate: false }), code('STORE_NOT_MIGRATED'));
    assert.equal(await tableExists(db, 'scans'), false);
    const migrated = await ensureMigrated(db, { autoMigrate: true });
    assert.ok(migrated.applied.length > 0);
    const check = await ensureMigrated(db, { autoMigrate: false });
    assert.deepEqual(check.pending, []);
  }));

  if (target.concurrentInstances) {
    void test('runners starting at the same time apply each migration exactly once', () => withDb(target, async (db, another) => {
      const copy = migrationsCopy(target, ['CREATE TABLE extra_one (id INTEGER)', 'CREATE TABLE extra_two (id INTEGER)']);
      try {
        const results = await Promise.all([db, another(), another(), another()].map((d) => migrate(d, { migrationsDir: copy.dir })));
        const applied = results.flatMap((r) => r.applied.map((s) => s.version)).sort((a, b) => a - b);
        assert.deepEqual(applied, Array.from({ length: copy.shipped + 2 }, (_, i) => i + 1));
        const { rows } = await db.query('SELECT COUNT(*) AS n FROM conduit_migrations');
        assert.equal(Number(rows[0]?.['n']), copy.shipped + 2);
      } finally {
        copy.remove();
      }
    }));
  }
}
