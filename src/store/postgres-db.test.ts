import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasCode } from '../core/conduit-error.ts';
import { openPostgresDb } from './postgres-db.ts';
import { describePostgres, POSTGRES_TEST_URL } from './test-support/postgres-test-gate.ts';
import { postgresTarget } from './test-support/test-databases.ts';

const SECRET = 'Sup3r-secret-pw';

/** Every string reachable from an error (message, cause chain, own properties), to look for leaks. */
function everythingIn(error: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): string => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return String(v);
    seen.add(v);
    return Object.getOwnPropertyNames(v).map((k) => `${k}=${walk(Reflect.get(v, k))}`).join(' ');
  };
  return walk(error);
}

void test('an unreachable server is a retryable STORE_UNAVAILABLE that never shows the password', async () => {
  const db = openPostgresDb(`postgres://app:${SECRET}@127.0.0.1:1/conduit`, { connectTimeoutMs: 1000 });
  try {
    assert.equal(db.describe(), 'postgres:postgres://app:***@127.0.0.1:1/conduit');
    const error: unknown = await db.ping().then(() => undefined, (e: unknown) => e);
    assert.ok(hasCode(error, 'STORE_UNAVAILABLE'), everythingIn(error));
    assert.equal(error.retryable, true);
    assert.match(error.message, /127\.0\.0\.1:1/);
    assert.ok(!everythingIn(error).includes(SECRET));
  } finally {
    await db.close();
  }
});

void test('a malformed connection string is reported without echoing it', async () => {
  const db = openPostgresDb(`postgres://app:${SECRET}@[not-a-host/conduit`);
  try {
    const error: unknown = await db.ping().then(() => undefined, (e: unknown) => e);
    assert.ok(hasCode(error, 'STORE_UNAVAILABLE'), String(error));
    assert.equal(error.retryable, false);
    assert.ok(!everythingIn(error).includes(SECRET));
  } finally {
    await db.close();
  }
});

void test('a schema name that is not a plain identifier is refused', () => {
  assert.throws(() => openPostgresDb(POSTGRES_TEST_URL, { schema: 'x; DROP TABLE scans' }), (e: unknown) => hasCode(e, 'STORE_UNAVAILABLE'));
});

await describePostgres('postgres driver', () => {
  const target = postgresTarget(POSTGRES_TEST_URL);

  void test('BIGINT comes back as a number, JSON and JSONB as text, like SQLite', async () => {
    const { db, cleanup } = await target.fresh();
    try {
      const { rows } = await db.query(`SELECT CAST($1 AS BIGINT) AS b, CAST('{"a": [1, 2]}' AS JSONB) AS j, COUNT(*) AS n FROM (SELECT 1) x`, [9_007_199_254_740_991]);
      assert.deepEqual(rows, [{ b: 9_007_199_254_740_991, j: '{"a": [1, 2]}', n: 1 }]);
    } finally {
      await cleanup();
    }
  });

  void test('TLS options reach the connection (this server has no TLS, so asking for it fails clearly)', async () => {
    for (const db of [openPostgresDb(POSTGRES_TEST_URL, { ssl: true }), openPostgresDb(`${POSTGRES_TEST_URL}?sslmode=no-verify`)]) {
      try {
        await assert.rejects(db.ping(), (e: unknown) => hasCode(e, 'STORE_UNAVAILABLE') && /SSL/.test(e.message) && !e.retryable);
      } finally {
        await db.close();
      }
    }
  });

  void test('an unknown database is a non-retryable STORE_UNAVAILABLE without the password', async () => {
    const url = new URL(POSTGRES_TEST_URL);
    url.password = SECRET;
    url.pathname = '/conduit_no_such_database';
    const db = openPostgresDb(url.toString());
    try {
      const error: unknown = await db.ping().then(() => undefined, (e: unknown) => e);
      assert.ok(hasCode(error, 'STORE_UNAVAILABLE') && !error.retryable, String(error));
      assert.ok(!everythingIn(error).includes(SECRET));
    } finally {
      await db.close();
    }
  });

  void test('a deadlocked transaction is retried, so both sides complete', async () => {
    const { db, cleanup } = await target.fresh();
    try {
      await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL); INSERT INTO t VALUES (1, 0), (2, 0)');
      let calls = 0;
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothLocked = new Promise<void>((resolve) => { release = resolve; });
      const side = (first: number, second: number) => db.transaction(async (tx) => {
        calls++;
        await tx.query("SET LOCAL deadlock_timeout = '50ms'");
        await tx.query('UPDATE t SET v = v + 1 WHERE id = $1', [first]);
        if (++arrived === 2) release();
        await bothLocked;
        await tx.query('UPDATE t SET v = v + 1 WHERE id = $1', [second]);
      });
      await Promise.all([side(1, 2), side(2, 1)]);
      assert.equal(calls, 3, 'one side ran twice');
      assert.deepEqual((await db.query('SELECT id, v FROM t ORDER BY id')).rows, [{ id: 1, v: 2 }, { id: 2, v: 2 }]);
    } finally {
      await cleanup();
    }
  });

  void test('a transaction rolls back when its function throws', async () => {
    const { db, cleanup } = await target.fresh();
    try {
      await db.exec('CREATE TABLE t (v INTEGER)');
      await assert.rejects(db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (v) VALUES (1)');
        throw new Error('boom');
      }), /boom/);
      await db.transaction((tx) => tx.query('INSERT INTO t (v) VALUES (2)'));
      assert.deepEqual((await db.query('SELECT v FROM t')).rows, [{ v: 2 }]);
    } finally {
      await cleanup();
    }
  });
});
