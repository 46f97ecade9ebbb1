import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCode } from '../core/conduit-error.ts';
import { packageRoot } from '../package-info.ts';
import { checksumOf, defaultMigrationsDir, loadMigrationFiles } from './migration-files.ts';

void test('both dialects ship the same numbered migrations, found from the package root', () => {
  assert.equal(defaultMigrationsDir('sqlite'), join(packageRoot(), 'migrations', 'sqlite'));
  const sqlite = loadMigrationFiles(defaultMigrationsDir('sqlite')).map((f) => f.file);
  const postgres = loadMigrationFiles(defaultMigrationsDir('postgres')).map((f) => f.file);
  assert.ok(sqlite.length > 0);
  assert.deepEqual(postgres, sqlite);
});

void test('a gap or a misnamed file in the migrations folder is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-migrations-'));
  try {
    writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), 'ignored: not .sql');
    assert.deepEqual(loadMigrationFiles(dir).map((f) => [f.version, f.name]), [[1, 'first']]);
    writeFileSync(join(dir, '0003_third.sql'), 'SELECT 3;');
    assert.throws(() => loadMigrationFiles(dir), (e: unknown) => hasCode(e, 'STORE_MIGRATION_FAILED') && e.message.includes('0003_third.sql'));
    rmSync(join(dir, '0003_third.sql'));
    writeFileSync(join(dir, '0002 Second.sql'), 'SELECT 2;');
    assert.throws(() => loadMigrationFiles(dir), (e: unknown) => hasCode(e, 'STORE_MIGRATION_FAILED'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('checksums ignore CRLF versus LF but see any other change', () => {
  assert.equal(checksumOf('CREATE TABLE a (x INTEGER);\r\n'), checksumOf('CREATE TABLE a (x INTEGER);\n'));
  assert.notEqual(checksumOf('CREATE TABLE a (x INTEGER);\n'), checksumOf('CREATE TABLE a (x BIGINT);\n'));
  assert.match(checksumOf(''), /^[0-9a-f]{64}$/);
});
