// The store contract against the real Postgres (a schema per test). Skipped with a reason when
// Postgres is unreachable, failing instead under CI=true (see test-support/postgres-test-gate.ts).
import { describePostgres, POSTGRES_TEST_URL } from './test-support/postgres-test-gate.ts';
import { storeContract } from './test-support/store-contract.ts';
import { postgresTarget } from './test-support/test-databases.ts';

await describePostgres('scan store contract (postgres)', () => storeContract(postgresTarget(POSTGRES_TEST_URL)));
