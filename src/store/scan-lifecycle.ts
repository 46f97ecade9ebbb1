import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConduitError } from '../core/conduit-error.ts';
import type { Row, SqlValue } from './db-port.ts';
import { bool, int, intOrNull, json, jsonOrNull, text, textOrNull } from './row.ts';
import type { ListScansQuery, NewScan, Page, ScanRecord, ScanStatus, ScanStatusPatch, StoredError } from './scan-store-types.ts';
import { decodeCursor, encodeCursor, jsonObject, jsonParam, type StoreContext } from './store-context.ts';
import { scanNotFound } from './scan-store-types.ts';

export interface ScanLifecycle {
  createScan(input: NewScan): Promise<ScanRecord>;
  /** null when no scan has that id. */
  getScan(scanId: string): Promise<ScanRecord | null>;
  /** Newest first. */
  listScans(query?: ListScansQuery): Promise<Page<ScanRecord>>;
  /**
   * Moves a scan to `status` and applies the patch. A finished scan
   * (completed, failed, cancelled) cannot change: XRAY_SCAN_FINISHED.
   */
  updateScanStatus(scanId: string, status: ScanStatus, patch?: ScanStatusPatch): Promise<ScanRecord>;
  /** Idempotent for an already cancelled scan; XRAY_SCAN_FINISHED for a completed or failed one. */
  cancelScan(scanId: string): Promise<ScanRecord>;
  /** Deletes a scan and everything stored for it. False when it did not exist. */
  deleteScan(scanId: string): Promise<boolean>;
  /** Scans a restarted engine should pick up: pending, or running with no live lease. */
  listResumableScans(): Promise<ScanRecord[]>;
}

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
const statusSchema = z.enum(STATUSES);
const errorSchema = z.object({ code: z.string(), message: z.string() });
const cursorSchema = z.tuple([z.number(), z.string()]);
const FINISHED = "('completed', 'failed', 'cancelled')";
/**
 * Named columns, never `*`: Postgres prepared statements fail ("cached plan must
 * not change result type") when a newer Conduit adds a column while this one runs.
 */
const SCAN_COLS = `id, adapter, root, options, status, phase, error, truncated, warning, created_at, started_at, finished_at,
  updated_at, last_commit_at, pages_committed, items_crawled, references_crawled, requests`;

export function scanFromRow(r: Row): ScanRecord {
  const error = jsonOrNull(r, 'error');
  return {
    id: text(r, 'id'),
    adapter: text(r, 'adapter'),
    root: textOrNull(r, 'root'),
    options: jsonObject.parse(json(r, 'options')),
    status: statusSchema.parse(text(r, 'status')),
    phase: textOrNull(r, 'phase'),
    error: error === null ? null : errorSchema.parse(error),
    truncated: bool(r, 'truncated'),
    warning: textOrNull(r, 'warning'),
    createdAt: int(r, 'created_at'),
    startedAt: intOrNull(r, 'started_at'),
    finishedAt: intOrNull(r, 'finished_at'),
    updatedAt: int(r, 'updated_at'),
    lastCommitAt: intOrNull(r, 'last_commit_at'),
    pagesCommitted: int(r, 'pages_committed'),
    itemsCrawled: int(r, 'items_crawled'),
    referencesCrawled: int(r, 'references_crawled'),
    requests: int(r, 'requests'),
  };
}

export function createScanLifecycle(ctx: StoreContext): ScanLifecycle {
  const { db, clock } = ctx;

  async function getScan(scanId: string): Promise<ScanRecord | null> {
    const { rows } = await db.query(`SELECT ${SCAN_COLS} FROM scans WHERE id = $1`, [scanId]);
    return rows[0] === undefined ? null : scanFromRow(rows[0]);
  }

  async function updateScanStatus(scanId: string, status: ScanStatus, patch: ScanStatusPatch = {}): Promise<ScanRecord> {
    const now = clock.now();
    const sets = ['status = $2', 'updated_at = $3'];
    const params: SqlValue[] = [scanId, status, now];
    const set = (column: string, value: SqlValue) => { params.push(value); sets.push(`${column} = $${params.length}`); };
    if (status === 'running') sets.push('started_at = COALESCE(started_at, $3)');
    if (status === 'completed' || status === 'failed' || status === 'cancelled') sets.push('finished_at = $3');
    if (patch.phase !== undefined) set('phase', patch.phase);
    if (patch.error !== undefined) set('error', jsonParam(storedError(patch.error)));
    if (patch.truncated !== undefined) set('truncated', patch.truncated);
    if (patch.warning !== undefined) set('warning', patch.warning);
    const { rows } = await db.query(`UPDATE scans SET ${sets.join(', ')} WHERE id = $1 AND status NOT IN ${FINISHED} RETURNING ${SCAN_COLS}`, params);
    if (rows[0] !== undefined) return scanFromRow(rows[0]);
    throw await finishedOrMissing(scanId);
  }

  async function finishedOrMissing(scanId: string): Promise<ConduitError> {
    const scan = await getScan(scanId);
    if (scan === null) return scanNotFound(scanId);
    return new ConduitError('XRAY_SCAN_FINISHED', `Scan ${scanId} is already ${scan.status}.`, { details: { scanId, status: scan.status } });
  }

  return {
    getScan,
    updateScanStatus,

    async createScan(input) {
      const now = clock.now();
      const { rows } = await db.query(
        `INSERT INTO scans (id, adapter, root, options, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5) RETURNING ${SCAN_COLS}`,
        [input.id ?? randomUUID(), input.adapter, input.root ?? null, jsonParam(input.options ?? {}), now],
      );
      if (rows[0] === undefined) throw new ConduitError('INTERNAL', 'Creating a scan returned no row.');
      return scanFromRow(rows[0]);
    },

    async listScans(query = {}) {
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
      const where = ['1 = 1'];
      const params: SqlValue[] = [];
      const add = (sql: (n: number) => string, value: SqlValue) => { params.push(value); where.push(sql(params.length)); };
      if (query.status !== undefined) add((n) => `status = $${n}`, query.status);
      if (query.adapter !== undefined) add((n) => `adapter = $${n}`, query.adapter);
      if (query.cursor !== undefined) {
        const [createdAt, id] = decodeCursor(query.cursor, cursorSchema);
        params.push(createdAt, id);
        const a = params.length - 1;
        where.push(`(created_at < $${a} OR (created_at = $${a} AND id < $${a + 1}))`);
      }
      params.push(limit + 1);
      const { rows } = await db.query(`SELECT ${SCAN_COLS} FROM scans WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
      const entries = rows.slice(0, limit).map(scanFromRow);
      const last = entries[entries.length - 1];
      return { entries, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
    },

    async cancelScan(scanId) {
      const scan = await getScan(scanId);
      if (scan === null) throw scanNotFound(scanId);
      if (scan.status === 'cancelled') return scan;
      return updateScanStatus(scanId, 'cancelled');
    },

    async deleteScan(scanId) {
      const { rowCount } = await db.transaction((tx) => tx.query('DELETE FROM scans WHERE id = $1', [scanId]));
      return rowCount > 0;
    },

    async listResumableScans() {
      const { rows } = await db.query(
        `SELECT ${SCAN_COLS} FROM scans s WHERE s.status IN ('pending', 'running') AND NOT EXISTS (
           SELECT 1 FROM crawl_tasks t WHERE t.scan_id = s.id AND t.state = 'leased' AND t.lease_expires_at > $1)
         ORDER BY s.created_at, s.id`,
        [clock.now()],
      );
      return rows.map(scanFromRow);
    },
  };
}

function storedError(e: StoredError): StoredError {
  return { code: e.code, message: e.message };
}
