import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCode } from '../core/conduit-error.ts';
import { openScanStore } from './open-scan-store.ts';
import { describePostgres, POSTGRES_TEST_URL } from './test-support/postgres-test-gate.ts';
import { postgresTarget } from './test-support/test-databases.ts';
import { text } from './row.ts';

void test('SQLite is the default: the file is created and migrated, and the store works', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-open-'));
  try {
    const { store, migration } = await openScanStore({ sqlite: join(dir, 'conduit.db'), autoMigrate: true });
    try {
      assert.equal(store.kind, 'sqlite');
      assert.equal(migration.fromVersion, 0);
      assert.ok(existsSync(join(dir, 'conduit.db')));
      assert.equal((await store.createScan({ adapter: 'a' })).status, 'pending');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('with autoMigrate off, a fresh database is refused and left unmigrated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-open-'));
  try {
    await assert.rejects(openScanStore({ sqlite: join(dir, 'conduit.db'), autoMigrate: false }), (e: unknown) => hasCode(e, 'STORE_NOT_MIGRATED'));
    const { migration, store } = await openScanStore({ sqlite: join(dir, 'conduit.db'), autoMigrate: true });
    await store.close();
    assert.equal(migration.fromVersion, 0, 'the refused open changed nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

await describePostgres('openScanStore with postgres', () => {
  void test('a postgres connection string selects Postgres', async () => {
    const database = await postgresTarget(POSTGRES_TEST_URL).fresh();
    try {
      const schema = text((await database.db.query('SELECT current_schema() AS s')).rows[0] ?? {}, 's');
      const { store, migration } = await openScanStore({ sqlite: '/nonexistent/never-used.db', postgres: POSTGRES_TEST_URL, autoMigrate: true }, { postgres: { schema } });
      try {
        assert.equal(store.kind, 'postgres');
        assert.ok(migration.applied.length > 0);
        assert.deepEqual(await store.check(), { ok: true });
      } finally {
        await store.close();
      }
    } finally {
      await database.cleanup();
    }
  });
});
