import { commitPageContract } from './contract-commit.ts';
import { findingsAndEventsContract } from './contract-findings-events.ts';
import { migrationContract } from './contract-migrations.ts';
import { readsContract } from './contract-reads.ts';
import { scanLifecycleContract } from './contract-scans.ts';
import { taskQueueContract } from './contract-tasks.ts';
import type { StoreTestTarget } from './test-databases.ts';

/**
 * The one store contract: every database the store supports must pass all of
 * it. Call inside a describe(); each test opens its own fresh database from
 * `target` and drops it afterwards.
 */
export function storeContract(target: StoreTestTarget): void {
  migrationContract(target);
  scanLifecycleContract(target);
  taskQueueContract(target);
  commitPageContract(target);
  readsContract(target);
  findingsAndEventsContract(target);
}
