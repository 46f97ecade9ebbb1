// The store contract against SQLite: a temp database file per test.
import { describe } from 'node:test';
import { storeContract } from './test-support/store-contract.ts';
import { sqliteTarget } from './test-support/test-databases.ts';

void describe('scan store contract (sqlite)', () => storeContract(sqliteTarget));
