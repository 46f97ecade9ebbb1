import type { CrawlTask } from '../adapter-kit/xray-source-types.ts';
import { ConduitError } from '../core/conduit-error.ts';
import type { Queryable } from './db-port.ts';
import { int, text } from './row.ts';
import type { FailTaskOptions, FailTaskOutcome, LeasedTask, StoredError, TaskCounts } from './scan-store-types.ts';
import { chunks, dedupeBy, jsonParam, paramList, valuesList, type StoreContext } from './store-context.ts';
import { scanNotFound } from './scan-store-types.ts';

export interface TaskQueue {
  /** Queues the first tasks of a scan; keys already known are ignored. Returns how many were new. */
  addRootTasks(scanId: string, tasks: readonly CrawlTask[]): Promise<number>;
  /**
   * Leases up to `n` pending tasks of a running scan to `owner` for `leaseMs`,
   * oldest first. Expired leases are reclaimed first (or failed, past
   * maxAttempts). Postgres: FOR UPDATE SKIP LOCKED, so concurrent leasers never
   * get the same task; SQLite: one BEGIN IMMEDIATE transaction.
   */
  leaseTasks(scanId: string, owner: string, n: number, leaseMs: number): Promise<LeasedTask[]>;
  /**
   * Extends the leases `owner` still holds; returns the keys renewed. A missing
   * key means the lease was lost; none are renewed once the scan stopped
   * running (cancelled, failed), which tells workers to abandon their pages.
   */
  heartbeat(scanId: string, owner: string, taskKeys: readonly string[], leaseMs: number): Promise<string[]>;
  /** A failed attempt: back to pending (after retryAfterMs) or failed for good after maxAttempts. 'stale' if owner no longer holds the lease. */
  failTask(scanId: string, taskKey: string, owner: string, error: StoredError, options?: FailTaskOptions): Promise<FailTaskOutcome>;
  /** Gives leases back without counting an attempt (graceful shutdown). Returns how many. */
  releaseTasks(scanId: string, owner: string): Promise<number>;
  /** Expired leases back to pending (or failed past maxAttempts). */
  reclaimExpiredLeases(scanId: string): Promise<{ reclaimed: number; failed: number }>;
  taskCounts(scanId: string): Promise<TaskCounts>;
}

const TASK_COLS = 5;

/** Recorded on a task whose lease expired maxAttempts times: each worker holding it died or hung, which is a bug. */
const ABANDONED = (attempts: number): StoredError => ({
  code: 'INTERNAL',
  message: `The lease on this task expired ${attempts} times: the worker crawling it stopped or hung each time.`,
});

/** Inserts tasks, ignoring keys the scan already has; returns how many were inserted. */
export async function insertTasks(tx: Queryable, scanId: string, tasks: readonly CrawlTask[], now: number): Promise<number> {
  let inserted = 0;
  const unique = dedupeBy(tasks, (t) => t.key);
  for (const batch of chunks(unique, 200)) {
    const params = batch.flatMap((t) => [t.key, t.cursor, t.depth, now]);
    const values = valuesList(batch.length, TASK_COLS - 1, 2, ['$1']);
    const { rowCount } = await tx.query(
      `INSERT INTO crawl_tasks (scan_id, task_key, cursor, depth, created_at) VALUES ${values} ON CONFLICT (scan_id, task_key) DO NOTHING`,
      [scanId, ...params],
    );
    inserted += rowCount;
  }
  return inserted;
}

async function reclaim(ctx: StoreContext, tx: Queryable, scanId: string, now: number): Promise<{ reclaimed: number; failed: number }> {
  const expired = `SELECT id FROM crawl_tasks WHERE scan_id = $1 AND state = 'leased' AND lease_expires_at <= $2`;
  const failed = await tx.query(
    `UPDATE crawl_tasks SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, done_at = $2, last_error = $4
     WHERE id IN (${expired} AND attempts >= $3 ORDER BY id ${ctx.db.dialect.skipLocked})`,
    [scanId, now, ctx.maxAttempts, jsonParam(ABANDONED(ctx.maxAttempts))],
  );
  const reclaimed = await tx.query(
    `UPDATE crawl_tasks SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL
     WHERE id IN (${expired} ORDER BY id ${ctx.db.dialect.skipLocked})`,
    [scanId, now],
  );
  return { reclaimed: reclaimed.rowCount, failed: failed.rowCount };
}

export function createTaskQueue(ctx: StoreContext): TaskQueue {
  const { db, clock } = ctx;
  return {
    async addRootTasks(scanId, tasks) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query('SELECT status FROM scans WHERE id = $1', [scanId]);
        if (rows[0] === undefined) throw scanNotFound(scanId);
        const status = text(rows[0], 'status');
        if (status !== 'pending' && status !== 'running') {
          throw new ConduitError('XRAY_SCAN_FINISHED', `Scan ${scanId} is already ${status}.`, { details: { scanId, status } });
        }
        return insertTasks(tx, scanId, tasks, clock.now());
      });
    },

    async leaseTasks(scanId, owner, n, leaseMs) {
      if (n <= 0) return [];
      return db.transaction(async (tx) => {
        const now = clock.now();
        await reclaim(ctx, tx, scanId, now);
        const { rows } = await tx.query(
          `UPDATE crawl_tasks SET state = 'leased', lease_owner = $2, lease_expires_at = $3, attempts = attempts + 1
           WHERE id IN (
             SELECT t.id FROM crawl_tasks t WHERE t.scan_id = $1 AND t.state = 'pending' AND t.available_at <= $4
               AND EXISTS (SELECT 1 FROM scans s WHERE s.id = $1 AND s.status = 'running')
             ORDER BY t.id LIMIT $5 ${db.dialect.skipLocked})
           RETURNING id, task_key, cursor, depth, attempts, lease_expires_at`,
          [scanId, owner, now + leaseMs, now, n],
        );
        return rows
          .map((r) => ({ id: int(r, 'id'), task: leasedFromRow(scanId, r) }))
          .sort((a, b) => a.id - b.id)
          .map((x) => x.task);
      });
    },

    async heartbeat(scanId, owner, taskKeys, leaseMs) {
      const renewed: string[] = [];
      for (const batch of chunks(taskKeys, 500)) {
        const { rows } = await db.transaction((tx) => tx.query(
          `UPDATE crawl_tasks SET lease_expires_at = $3 WHERE scan_id = $1 AND lease_owner = $2 AND state = 'leased'
             AND task_key IN (${paramList(batch.length, 4)})
             AND EXISTS (SELECT 1 FROM scans s WHERE s.id = $1 AND s.status = 'running') RETURNING task_key`,
          [scanId, owner, clock.now() + leaseMs, ...batch],
        ));
        renewed.push(...rows.map((r) => text(r, 'task_key')));
      }
      return renewed;
    },

    async failTask(scanId, taskKey, owner, error, options = {}) {
      const maxAttempts = options.maxAttempts ?? ctx.maxAttempts;
      return db.transaction(async (tx) => {
        const now = clock.now();
        const base = `lease_owner = NULL, lease_expires_at = NULL, last_error = $4`;
        const mine = `scan_id = $1 AND task_key = $2 AND lease_owner = $3 AND state = 'leased'`;
        const errorJson = jsonParam({ code: error.code, message: error.message });
        const failed = await tx.query(`UPDATE crawl_tasks SET state = 'failed', done_at = $5, ${base} WHERE ${mine} AND attempts >= $6`,
          [scanId, taskKey, owner, errorJson, now, maxAttempts]);
        if (failed.rowCount > 0) return 'failed';
        const retry = await tx.query(`UPDATE crawl_tasks SET state = 'pending', available_at = $5, ${base} WHERE ${mine}`,
          [scanId, taskKey, owner, errorJson, now + (options.retryAfterMs ?? 0)]);
        return retry.rowCount > 0 ? 'retry' : 'stale';
      });
    },

    async releaseTasks(scanId, owner) {
      const { rowCount } = await db.transaction((tx) => tx.query(
        `UPDATE crawl_tasks SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, attempts = attempts - 1
         WHERE scan_id = $1 AND lease_owner = $2 AND state = 'leased'`,
        [scanId, owner],
      ));
      return rowCount;
    },

    reclaimExpiredLeases: (scanId) => db.transaction((tx) => reclaim(ctx, tx, scanId, clock.now())),

    async taskCounts(scanId) {
      const { rows } = await db.query('SELECT state, COUNT(*) AS n FROM crawl_tasks WHERE scan_id = $1 GROUP BY state', [scanId]);
      const counts: TaskCounts = { pending: 0, leased: 0, done: 0, failed: 0, total: 0 };
      for (const r of rows) {
        const state = text(r, 'state');
        const n = int(r, 'n');
        if (state === 'pending' || state === 'leased' || state === 'done' || state === 'failed') counts[state] = n;
        counts.total += n;
      }
      return counts;
    },
  };
}

function leasedFromRow(scanId: string, r: Record<string, unknown>): LeasedTask {
  return {
    scanId,
    key: text(r, 'task_key'),
    cursor: text(r, 'cursor'),
    depth: int(r, 'depth'),
    attempts: int(r, 'attempts'),
    leaseExpiresAt: int(r, 'lease_expires_at'),
  };
}
