import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCode } from '../core/conduit-error.ts';
import { defaultMigrationsDir } from './migration-files.ts';
import { openSqliteDb } from './sqlite-db.ts';

const CHILD = join(import.meta.dirname, 'test-support', 'sqlite-child.ts');

function tempFile(): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-sqlite-'));
  return { file: join(dir, 'nested', 'scans.db'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the child script; resolves once it printed its first line, and gives the exit promise. */
function child(args: string[]): Promise<{ firstLine: string; exited: Promise<{ code: number | null; out: string; err: string }> }> {
  const proc = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) => proc.on('close', (code) => resolve({ code, out, err })));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ firstLine: out.split('\n')[0] ?? '', exited });
    });
    proc.on('close', (code) => { if (!out.includes('\n')) reject(new Error(`child exited ${code}: ${err}`)); });
  });
}

void test('opens in WAL mode with a busy timeout, creating the folder', async () => {
  const t = tempFile();
  const db = openSqliteDb(t.file, { busyTimeoutMs: 1234 });
  try {
    assert.deepEqual((await db.query('PRAGMA journal_mode')).rows, [{ journal_mode: 'wal' }]);
    assert.deepEqual((await db.query('PRAGMA busy_timeout')).rows, [{ timeout: 1234 }]);
    assert.deepEqual((await db.query('PRAGMA foreign_keys')).rows, [{ foreign_keys: 1 }]);
    assert.equal(db.describe(), `sqlite:${t.file}`);
  } finally {
    await db.close();
    t.dispose();
  }
});

void test('numbered placeholders bind in any order and repeat; booleans become 1/0', async () => {
  const db = openSqliteDb(':memory:');
  try {
    await db.exec('CREATE TABLE t (a TEXT, b INTEGER, c INTEGER)');
    assert.equal((await db.query('INSERT INTO t (c, a, b) VALUES ($3, $1, $2), ($3, $1, $2)', ['x', 7, true])).rowCount, 2);
    const { rows } = await db.query('SELECT a, b, c FROM t WHERE a = $2 AND b = $1 AND c = $3', [7, 'x', true]);
    assert.deepEqual(rows, [{ a: 'x', b: 7, c: 1 }, { a: 'x', b: 7, c: 1 }]);
    await assert.rejects(db.query('SELECT $2 AS v', ['only one']), /only 1 parameters/);
  } finally {
    await db.close();
  }
});

void test('a transaction commits when its function resolves and rolls back when it throws', async () => {
  const db = openSqliteDb(':memory:');
  try {
    await db.exec('CREATE TABLE t (v INTEGER)');
    await db.transaction(async (tx) => { await tx.query('INSERT INTO t (v) VALUES (1)'); });
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (v) VALUES (2)');
      throw new Error('boom');
    }), /boom/);
    await assert.rejects(db.transaction(async (tx) => { await tx.query('INSERT INTO nope (v) VALUES (3)'); }), /no such table/);
    assert.deepEqual((await db.query('SELECT v FROM t')).rows, [{ v: 1 }]);
  } finally {
    await db.close();
  }
});

void test('a write lock held by another process is waited for within the busy timeout, then is STORE_UNAVAILABLE', async () => {
  const t = tempFile();
  const setup = openSqliteDb(t.file);
  await setup.exec('CREATE TABLE t (v INTEGER)');
  await setup.close();
  const impatient = openSqliteDb(t.file, { busyTimeoutMs: 50 });
  const patient = openSqliteDb(t.file, { busyTimeoutMs: 5000 });
  try {
    const holder = await child(['hold', t.file, '400']);
    assert.equal(holder.firstLine, 'locked');
    await assert.rejects(impatient.transaction((tx) => tx.query('INSERT INTO t (v) VALUES (1)')),
      (e: unknown) => hasCode(e, 'STORE_UNAVAILABLE') && e.retryable && e.message.includes(t.file));
    // WAL: readers are not blocked by the writer.
    assert.deepEqual((await impatient.query('SELECT COUNT(*) AS n FROM t')).rows, [{ n: 0 }]);
    await patient.transaction((tx) => tx.query('INSERT INTO t (v) VALUES (2)'));
    assert.equal((await holder.exited).code, 0);
    assert.deepEqual((await patient.query('SELECT v FROM t')).rows, [{ v: 2 }]);
  } finally {
    await impatient.close();
    await patient.close();
    t.dispose();
  }
});

void test('processes migrating one file at the same time apply each migration once', async () => {
  const t = tempFile();
  const init = openSqliteDb(t.file);
  await init.close();
  try {
    const runs = await Promise.all([1, 2, 3].map(() => child(['migrate', t.file]).then((c) => c.exited)));
    const applied = runs.flatMap((r) => {
      assert.equal(r.code, 0, r.err);
      const parsed: unknown = JSON.parse(r.out);
      return Array.isArray(parsed) ? parsed : [];
    });
    const shipped = readdirSync(defaultMigrationsDir('sqlite')).filter((f) => f.endsWith('.sql')).length;
    assert.deepEqual(applied.sort(), Array.from({ length: shipped }, (_, i) => i + 1));
  } finally {
    t.dispose();
  }
});

void test('a path that cannot be a database is STORE_UNAVAILABLE naming the path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-sqlite-'));
  const aFile = join(dir, 'plain-file');
  writeFileSync(aFile, 'not a folder');
  try {
    assert.throws(() => openSqliteDb(join(aFile, 'scans.db')), (e: unknown) => hasCode(e, 'STORE_UNAVAILABLE') && e.message.includes(aFile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
