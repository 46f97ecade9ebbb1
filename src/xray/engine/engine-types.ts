import type { XraySource } from '../../adapter-kit/xray-source-types.ts';
import type { Clock, Logger } from '../../core/ports.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { ScanRecord, ScanStatus, StoredError } from '../../store/scan-store-types.ts';

/** How one process crawls one scan. */
export interface CrawlSettings {
  /** Pages in flight at once: the adapter's bulkhead (`resilience.maxConcurrent`). */
  concurrency: number;
  /** Lease on each task; a crashed worker's tasks are crawled again by others after this. */
  leaseMs: number;
  /** Lease renewal period. Default leaseMs / 3. */
  heartbeatMs?: number;
  /** How often to look again when other workers hold the remaining tasks. Default min(1000, leaseMs / 2). */
  pollMs?: number;
  /** Stop (truncate) once the scan holds this many items. */
  maxItems?: number;
  /**
   * The crawl is interrupted (resumably) when pages keep failing transiently
   * (CMS or store unreachable, circuit open) with no page succeeding for this
   * long. Default 20 s.
   */
  outageMs?: number;
  /** Retries of a page in this worker, holding its lease, before a transient failure counts as an attempt. Default 5. */
  localRetries?: number;
  /** How long a graceful stop waits for pages in flight before aborting them. Default 10 s. */
  stopGraceMs?: number;
  /** Progress events at most this often. Default 1000 ms. */
  progressMs?: number;
}

/** What the analysis side plugs into a scan (see src/xray/analysis). */
export interface ScanHooks {
  /**
   * Ids of items that need their full (tier-2) fields, in batches: the engine
   * fetches them with the source's `fetchFull` after the crawl and upserts
   * them. Analyzers declare the need; the engine never guesses it.
   */
  planDeepFetch?(ctx: HookContext): AsyncIterable<string[]>;
  /**
   * Runs once the crawl (and deep fetch) is complete, before the scan is
   * marked completed. It may run again after a crash, so it must be
   * idempotent (findings are upserted by fingerprint). A throw fails the
   * scan with the error as its reason; the crawled data stays.
   */
  analyze?(ctx: HookContext): Promise<void>;
}

export interface HookContext {
  scan: ScanRecord;
  store: ScanStore;
  source: XraySource;
  signal: AbortSignal;
  logger: Logger;
  /** Reports the current phase (shown in progress and status). */
  setPhase(phase: string): Promise<void>;
}

/** A snapshot for progress bars, JSON lines and MCP progress notifications. */
export interface ScanProgress {
  scanId: string;
  /** What happened: progress ticks, and the transitions of this run. */
  event: 'started' | 'progress' | 'truncated' | 'finishing' | 'interrupted' | 'stopped' | 'ended';
  at: number;
  status: ScanStatus;
  phase: string | null;
  /** Scan totals (all workers, all runs). */
  items: number;
  references: number;
  pages: number;
  requests: number;
  /** Failed page attempts in this run. */
  errors: number;
  /** Rates of this run. */
  itemsPerSecond: number;
  requestsPerSecond: number;
  /** Tasks not crawled yet (pending or leased), when known. */
  tasksLeft: number | null;
  /** Rough estimate; null while the tree still grows faster than it is crawled. */
  etaSeconds: number | null;
  elapsedMs: number;
}

/**
 * How a run of one worker on one scan ended.
 * finished: the scan reached a terminal status (this worker or another finished it).
 * stopped: asked to stop (shutdown, Ctrl-C); leases released, the scan resumes later.
 * interrupted: the CMS or store stayed unreachable; leases released, the scan resumes later.
 */
export interface RunResult {
  outcome: 'finished' | 'stopped' | 'interrupted';
  scan: ScanRecord;
  error?: StoredError;
  /** What this run (this worker) committed. */
  committed?: { pages: number; items: number; requests: number };
}

export interface WorkerContext {
  store: ScanStore;
  source: XraySource;
  scanId: string;
  /** Lease owner id: unique per run. */
  owner: string;
  settings: CrawlSettings;
  hooks: ScanHooks;
  logger: Logger;
  clock: Clock;
  /** Graceful stop: no new leases; pages in flight finish (up to stopGraceMs), leases are released. */
  stop: AbortSignal;
  onProgress?(progress: ScanProgress): void;
}
