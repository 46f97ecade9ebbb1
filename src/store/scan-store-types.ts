import type { CrawlTask, XrayItem } from '../adapter-kit/xray-source-types.ts';
import { ConduitError, quoted } from '../core/conduit-error.ts';
import type { DbKind } from './db-port.ts';

// ── scans ───────────────────────────────────────────────────────────────────

export type ScanStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export const TERMINAL_STATUSES: readonly ScanStatus[] = ['completed', 'failed', 'cancelled'];

/** The one XRAY_SCAN_NOT_FOUND, wherever a scan id (from a caller or a stored task) names no scan. */
export function scanNotFound(scanId: string): ConduitError {
  return new ConduitError('XRAY_SCAN_NOT_FOUND', `No scan with id ${quoted(scanId)} exists in the store.`, { details: { scanId: scanId.slice(0, 100) } });
}

/** What went wrong with a scan or a task: a ConduitError's code and message (never secrets). */
export interface StoredError { code: string; message: string }

export interface NewScan {
  /** Configured adapter name (the CMS instance). */
  adapter: string;
  /** Scan root (a path or id) as the user gave it; undefined for the adapter's default root. */
  root?: string;
  /** Scan options as given (limits, categories...); stored as JSON. */
  options?: Record<string, unknown>;
  /** Defaults to a random UUID. */
  id?: string;
}

export interface ScanRecord {
  id: string;
  adapter: string;
  root: string | null;
  options: Record<string, unknown>;
  status: ScanStatus;
  /** Free-form stage the engine is in (crawl, analyze, report...). */
  phase: string | null;
  error: StoredError | null;
  truncated: boolean;
  warning: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
  /** Time of the last committed page: the crawl checkpoint. */
  lastCommitAt: number | null;
  pagesCommitted: number;
  itemsCrawled: number;
  referencesCrawled: number;
  requests: number;
}

export interface ScanStatusPatch {
  phase?: string;
  error?: StoredError;
  truncated?: boolean;
  warning?: string;
}

export interface ListScansQuery {
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  status?: ScanStatus;
  adapter?: string;
}

export interface Page<T> { entries: T[]; nextCursor: string | null }

// ── crawl tasks ─────────────────────────────────────────────────────────────

export type TaskState = 'pending' | 'leased' | 'done' | 'failed';

export interface LeasedTask extends CrawlTask {
  scanId: string;
  /** Leases so far, including this one. */
  attempts: number;
  leaseExpiresAt: number;
}

export interface TaskCounts { pending: number; leased: number; done: number; failed: number; total: number }

/** A reference found in a crawled item's fields. At least one of targetId / targetPath is set. */
export interface ItemReference {
  sourceId: string;
  sourceLanguage?: string;
  field: string;
  /** link | media | datasource | rendering | template | base-template | other... */
  kind: string;
  targetId?: string;
  targetPath?: string;
}

export interface PageCommit {
  items: readonly XrayItem[];
  references?: readonly ItemReference[];
  /** Tasks this page spawns; keys already known for the scan are ignored. */
  nextTasks?: readonly CrawlTask[];
  /** Upstream requests this page cost. */
  requests?: number;
}

/**
 * committed: this call stored the page and marked the task done.
 * duplicate: the task was already done (a replay, or another worker committed it first); nothing changed.
 * rejected: nothing changed because the task failed/does not exist, or the scan is no longer running.
 */
export interface CommitResult {
  outcome: 'committed' | 'duplicate' | 'rejected';
  /** New tasks inserted by this commit (spawned minus already-known keys). */
  newTasks: number;
  /** Set for committed pages whose lease this owner no longer held (it expired); the page is still valid data. */
  leaseLost?: boolean;
  reason?: string;
}

export interface FailTaskOptions {
  /** Attempts after which the task fails for good. Default: the store's maxAttempts. */
  maxAttempts?: number;
  /** Wait before the task may be leased again. Default 0. */
  retryAfterMs?: number;
}

export type FailTaskOutcome = 'retry' | 'failed' | 'stale';

// ── items (read side) ───────────────────────────────────────────────────────

export interface StoredItem {
  id: string;
  /** '' when the CMS has no languages. */
  language: string;
  version: number | null;
  parentId: string | null;
  path: string;
  name: string;
  templateId: string | null;
  templateName: string | null;
  createdAt: number | null;
  updatedAt: number | null;
  depth: number;
  hasChildren: boolean;
  fields: Record<string, string>;
}

export interface StoredReference {
  sourceId: string;
  sourceLanguage: string;
  field: string;
  kind: string;
  /** '' when the reference is by path only. */
  targetId: string;
  /** '' when the reference is by id only. */
  targetPath: string;
}

export interface IterateOptions {
  /** Rows per batch (default 500). Each batch is one keyset-paginated query. */
  batchSize?: number;
}

export interface IterateItemsOptions extends IterateOptions {
  language?: string;
  templateId?: string;
  /** Skip the fields JSON (cheaper when an analyzer only needs the tree). */
  withoutFields?: boolean;
}

export interface ScanCounts { items: number; references: number; findings: number; tasks: TaskCounts }

// ── findings, scores, events ────────────────────────────────────────────────

export type FindingSeverity = 'critical' | 'warning' | 'info';

export interface NewFinding {
  /** Stable across scans for the same problem (analyzer + item + detail), so scans compare and acceptances stick. */
  fingerprint: string;
  analyzerId: string;
  analyzerVersion: string;
  category: string;
  severity: FindingSeverity;
  itemId?: string;
  itemPath?: string;
  language?: string;
  message: string;
  evidence?: Record<string, unknown>;
  hint?: string;
}

export interface StoredFinding extends Required<Pick<NewFinding, 'fingerprint' | 'analyzerId' | 'analyzerVersion' | 'category' | 'severity' | 'message'>> {
  scanId: string;
  itemId: string | null;
  itemPath: string | null;
  language: string | null;
  evidence: Record<string, unknown>;
  hint: string | null;
  createdAt: number;
  /** The acceptance for this finding's adapter and fingerprint, if any. */
  accepted: AcceptedFinding | null;
}

export interface ListFindingsQuery {
  category?: string;
  severity?: FindingSeverity;
  analyzerId?: string;
  /** Leave out accepted findings. Default false. */
  excludeAccepted?: boolean;
  limit?: number;
  cursor?: string;
}

export interface AcceptedFinding {
  adapter: string;
  fingerprint: string;
  reason: string;
  acceptedBy: string | null;
  acceptedAt: number;
  scanId: string | null;
}

export interface ScoreEntry { category: string; score: number; details?: Record<string, unknown> }

export interface ScanEvent { scanId: string; seq: number; at: number; type: string; data: Record<string, unknown> }

export interface ScanStoreInfo { kind: DbKind; description: string }
