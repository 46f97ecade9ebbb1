// Crash torture on Postgres: the same scenarios as on SQLite, against a real server (a fresh schema).
import { POSTGRES_TEST_URL, describePostgres } from '../../src/store/test-support/postgres-test-gate.ts';
import { tortureSuite } from './support/torture-suite.ts';

await describePostgres('X-Ray crash torture (Postgres)', () => tortureSuite('postgres', POSTGRES_TEST_URL));
