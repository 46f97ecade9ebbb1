import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { redactConnectionString } from '../redact-connection-string.ts';

/**
 * Whether the Postgres tests run. The server is CONDUIT_TEST_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/test). When it cannot be
 * reached the Postgres suites are skipped with the reason, except under
 * CI=true, where a failing test says so: CI must not go green without them.
 */
export const POSTGRES_TEST_URL = process.env['CONDUIT_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env['CI'] === 'true';

export interface PostgresGate { available: boolean; reason: string }

let probe: Promise<PostgresGate> | undefined;

export function postgresTestGate(): Promise<PostgresGate> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 2000 });
    let connected = false;
    try {
      await client.connect();
      connected = true;
      await client.query('SELECT 1');
      return { available: true, reason: '' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { available: false, reason: `Postgres at ${redactConnectionString(POSTGRES_TEST_URL)} is unreachable (${message}); set CONDUIT_TEST_POSTGRES_URL or start it` };
    } finally {
      if (connected) await client.end();
    }
  })();
  return probe;
}

/** A describe() that runs only with Postgres: skipped with the reason locally, failing under CI=true. */
export async function describePostgres(name: string, body: () => void): Promise<void> {
  const gate = await postgresTestGate();
  if (!gate.available && required) {
    await test(`${name}: Postgres is required under CI=true`, () => assert.fail(gate.reason));
    return;
  }
  await describe(name, { skip: gate.available ? false : gate.reason }, body);
}
