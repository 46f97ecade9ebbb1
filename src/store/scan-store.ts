import { silentLogger, systemClock, type Clock, type Logger } from '../core/ports.ts';
import type { Db, DbKind } from './db-port.ts';
import { createEventLog, type EventLog } from './event-log.ts';
import { createFindingsStore, type FindingsStore } from './findings-store.ts';
import { createItemReads, type ItemReads } from './item-reads.ts';
import { createGroupCommitter } from './group-commit.ts';
import { commitPages } from './page-commit.ts';
import { createScanLifecycle, type ScanLifecycle } from './scan-lifecycle.ts';
import { scanNotFound, type CommitResult, type PageCommit, type ScanCounts, type ScanRecord } from './scan-store-types.ts';
import type { StoreContext } from './store-context.ts';
import { createTaskQueue, type TaskQueue } from './task-queue.ts';

/**
 * The one portable X-Ray store. Everything above the Db port is the same SQL
 * for SQLite and Postgres; only the drivers and migrations differ.
 */
export interface ScanStore extends ScanLifecycle, TaskQueue, Omit<ItemReads, 'rowCounts'>, FindingsStore, EventLog {
  readonly kind: DbKind;
  /**
   * Stores one crawled page atomically: items and references upserted, spawned
   * tasks inserted (known keys ignored), the task marked done and the scan's
   * counters and checkpoint updated, in ONE transaction. Safe to replay.
   */
  commitPage(scanId: string, taskKey: string, owner: string, page: PageCommit): Promise<CommitResult>;
  counts(scanId: string): Promise<ScanCounts>;
  /** For /ready: a round trip to the database. */
  check(): Promise<{ ok: boolean; message?: string }>;
  /** A description safe to log (no password). */
  describe(): string;
  /** Closes the database. */
  close(): Promise<void>;
}

/** The scan, or XRAY_SCAN_NOT_FOUND: for callers that cannot go on without it. */
export async function requireScan(store: Pick<ScanStore, 'getScan'>, scanId: string): Promise<ScanRecord> {
  const scan = await store.getScan(scanId);
  if (scan === null) throw scanNotFound(scanId);
  return scan;
}

export interface ScanStoreOptions {
  clock?: Clock;
  logger?: Logger;
  /** Leases a task may take before it fails for good. Default 5. */
  maxAttempts?: number;
}

/** Builds the store over an open, migrated Db. The store owns the Db: close() closes it. */
export function createScanStore(db: Db, options: ScanStoreOptions = {}): ScanStore {
  const ctx: StoreContext = {
    db,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    maxAttempts: options.maxAttempts ?? 5,
  };
  const tasks = createTaskQueue(ctx);
  const groupCommit = createGroupCommitter((scanId, pages) => commitPages(ctx, scanId, pages));
  const { rowCounts, ...reads } = createItemReads(ctx);
  return {
    kind: db.dialect.kind,
    ...createScanLifecycle(ctx),
    ...tasks,
    ...reads,
    ...createFindingsStore(ctx),
    ...createEventLog(ctx),
    commitPage: (scanId, taskKey, owner, page) => groupCommit(scanId, { taskKey, owner, page }),
    counts: async (scanId) => ({ ...(await rowCounts(scanId)), tasks: await tasks.taskCounts(scanId) }),
    async check() {
      try {
        await db.ping();
        return { ok: true };
      } catch (error) {
        // Readiness reports the failure rather than throwing; the message is the driver's, already free of secrets.
        ctx.logger.warn({ err: error, db: db.describe() }, 'store check failed');
        return { ok: false, message: error instanceof Error ? error.message : 'store check failed' };
      }
    },
    describe: () => db.describe(),
    close: () => db.close(),
  };
}
