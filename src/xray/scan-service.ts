import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ScanScope, XraySource } from '../adapter-kit/xray-source-types.ts';
import { ConduitError, hasCode } from '../core/conduit-error.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { requireScan, type ScanStore } from '../store/scan-store.ts';
import type { ListScansQuery, ScanRecord } from '../store/scan-store-types.ts';
import { TERMINAL_STATUSES } from '../store/scan-store-types.ts';
import { COVERAGE_EVENT, readScopeNotes, SCOPE_NOTES_EVENT } from './analysis/scan-inputs.ts';
import { AutoResumer, resumeCandidates, type AutoResumeOptions } from './auto-resumer.ts';
import { CrawlWorker } from './engine/crawl-worker.ts';
import type { CrawlSettings, RunResult, ScanHooks, ScanProgress } from './engine/engine-types.ts';
import { storedErrorOf } from './engine/error-policy.ts';
import { scanView, type ScanView } from './scan-view.ts';

export interface StartScanInput {
  adapter: string;
  /** A path or id; the adapter's default root when absent. */
  root?: string;
  /** Stop (truncated, with a warning) once this many items are stored. */
  maxItems?: number;
  /** Lease per task for this scan's workers (default 30 s); stored with the scan so every worker uses it. */
  leaseMs?: number;
  /** Language versions to read (default: the adapter's own setting); stored with the scan. */
  languages?: ScanScope['languages'];
}

/** The adapter's X-Ray source and its bulkhead size (concurrent requests it allows). */
export interface XraySourceBinding { source: XraySource; concurrency: number }

export interface ScanServiceDeps {
  /** The scan store, opened on first use. */
  store(): Promise<ScanStore>;
  /** ADP_UNKNOWN / ADP_LOAD_FAILED / XRAY_SOURCE_MISSING when the adapter cannot crawl here. */
  source(adapter: string): XraySourceBinding;
  logger: Logger;
  clock: Clock;
  hooks?: ScanHooks;
  /** Engine settings for every run (tests use short leases); concurrency comes from the adapter. */
  settings?: Partial<Omit<CrawlSettings, 'concurrency' | 'maxItems'>>;
}

/** A crawl of one scan running in this process. */
export interface ScanRun {
  scanId: string;
  done: Promise<RunResult>;
}

export interface ScanService {
  /** Creates a scan and queues its root tasks, without crawling it here (a worker, serve or `xray resume` will). */
  create(input: StartScanInput): Promise<ScanView>;
  /**
   * What creating this scan would do at the CMS, without recording anything: resolve the root, check the
   * scope (languages). Throws the error the scan would fail with; returns the notes its report would carry.
   */
  preflight(input: StartScanInput): Promise<{ notes: string[] }>;
  /** Creates a scan and crawls it in this process, in the background. */
  start(input: StartScanInput): Promise<{ scan: ScanView; run: ScanRun }>;
  /** Crawls (resumes, joins) an existing scan in this process; the run already going for it, if any. */
  crawl(scanId: string): ScanRun;
  /**
   * Crawls every scan a restarted engine should pick up: pending, or running
   * with every lease expired; with `join` on Postgres also scans other workers crawl.
   */
  resumeAll(options?: { join?: boolean }): Promise<ScanRun[]>;
  get(scanId: string): Promise<ScanView>;
  list(query?: ListScansQuery): Promise<{ scans: ScanView[]; nextCursor: string | null }>;
  /** Cancels a scan (any process crawling it stops within a second); idempotent for a cancelled scan. */
  cancel(scanId: string): Promise<ScanView>;
  /** Progress of the runs of `scanId` in this process. */
  subscribe(scanId: string, listener: (progress: ScanProgress) => void): () => void;
  /** Background loop for serve and worker: resume (and on Postgres join) scans with work left. */
  startAutoResume(options?: AutoResumeOptions): void;
  /** Scan ids crawled in this process right now. */
  activeRuns(): string[];
  /** Graceful stop: no new leases, pages in flight finish, leases are released; scans resume later. */
  beginShutdown(): void;
  /** beginShutdown, then waits for every run and background loop. */
  close(): Promise<void>;
}

const DEFAULT_LEASE_MS = 30_000;

export function createScanService(deps: ScanServiceDeps): ScanService {
  return new XrayScanService(deps);
}

/** Scans in the store, and the crawls of them running in this process (tracked, closed by close()). */
class XrayScanService implements ScanService {
  private readonly deps: ScanServiceDeps;
  private readonly runs = new Map<string, ScanRun>();
  private readonly workers = new Map<string, CrawlWorker>();
  private readonly listeners = new Map<string, Set<(p: ScanProgress) => void>>();
  private readonly stopping = new AbortController();
  private readonly logger: Logger;
  private resumer: AutoResumer | undefined;

  constructor(deps: ScanServiceDeps) {
    this.deps = deps;
    this.logger = deps.logger.child({ component: 'xray' });
  }

  async create(input: StartScanInput): Promise<ScanView> {
    const { scan, notes } = await this.createScan(input);
    return scanView(scan, undefined, notes);
  }

  async preflight(input: StartScanInput): Promise<{ notes: string[] }> {
    const { source } = this.deps.source(input.adapter);
    const scope = scopeOfInput(input);
    await source.rootTasks(input.root, this.stopping.signal, scope);
    return { notes: await this.scopeNotes(source, input.root, scope) };
  }

  async start(input: StartScanInput): Promise<{ scan: ScanView; run: ScanRun }> {
    const { scan, notes } = await this.createScan(input);
    return { scan: scanView(scan, undefined, notes), run: this.crawl(scan.id) };
  }

  crawl(scanId: string): ScanRun {
    const existing = this.runs.get(scanId);
    if (existing) return existing;
    const done = this.stopping.signal.aborted
      ? Promise.reject(new ConduitError('SHUTTING_DOWN', 'Conduit is shutting down and starts no new crawls.'))
      : this.runScan(scanId);
    const run: ScanRun = { scanId, done };
    this.runs.set(scanId, run);
    const forget = (): void => {
      if (this.runs.get(scanId) === run) this.runs.delete(scanId);
    };
    done.then(forget, forget);
    return run;
  }

  async resumeAll(options: { join?: boolean } = {}): Promise<ScanRun[]> {
    const scans = await resumeCandidates(await this.deps.store(), options.join === true);
    return scans.filter((s) => canCrawl(this.deps, s.adapter)).map((s) => this.crawl(s.id));
  }

  async get(scanId: string): Promise<ScanView> {
    const store = await this.deps.store();
    const scan = await requireScan(store, scanId);
    return scanView(scan, await store.taskCounts(scanId), await readScopeNotes(store, scanId));
  }

  async list(query?: ListScansQuery): Promise<{ scans: ScanView[]; nextCursor: string | null }> {
    const page = await (await this.deps.store()).listScans(query);
    return { scans: page.entries.map((s) => scanView(s)), nextCursor: page.nextCursor };
  }

  async cancel(scanId: string): Promise<ScanView> {
    const store = await this.deps.store();
    const scan = await store.cancelScan(scanId);
    await store.appendEvent(scanId, 'cancelled', {});
    this.logger.info({ scanId }, 'X-Ray scan cancelled');
    // A crawl of it here stops now; crawls in other processes see it within a second.
    this.workers.get(scanId)?.checkScan();
    return scanView(scan, await store.taskCounts(scanId));
  }

  subscribe(scanId: string, listener: (progress: ScanProgress) => void): () => void {
    const set = this.listeners.get(scanId) ?? new Set();
    set.add(listener);
    this.listeners.set(scanId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(scanId);
    };
  }

  startAutoResume(options: AutoResumeOptions = {}): void {
    if (this.resumer || this.stopping.signal.aborted) return;
    this.resumer = new AutoResumer({
      store: this.deps.store, crawl: (id) => this.crawl(id), canCrawl: (adapter) => canCrawl(this.deps, adapter), logger: this.logger, stop: this.stopping.signal,
    }, options);
    this.resumer.start();
  }

  activeRuns(): string[] {
    return [...this.runs.keys()];
  }

  beginShutdown(): void {
    this.stopping.abort();
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.resumer?.stopped();
    await Promise.allSettled([...this.runs.values()].map((r) => r.done));
  }

  private notify(progress: ScanProgress): void {
    for (const listener of this.listeners.get(progress.scanId) ?? []) listener(progress);
  }

  private async createScan(input: StartScanInput): Promise<{ scan: ScanRecord; notes: string[] }> {
    if (this.stopping.signal.aborted) throw new ConduitError('SHUTTING_DOWN', 'Conduit is shutting down and starts no new scans.');
    const { source } = this.deps.source(input.adapter);
    const store = await this.deps.store();
    const scope = scopeOfInput(input);
    const options = { ...(input.maxItems !== undefined ? { maxItems: input.maxItems } : {}), ...(input.leaseMs !== undefined ? { leaseMs: input.leaseMs } : {}), ...scope };
    const roots = await source.rootTasks(input.root, this.stopping.signal, scope).then((tasks) => ({ tasks }), (error: unknown) => ({ error }));
    // A root the caller spelled wrong is the caller's error alone: no scan is recorded for it.
    if ('error' in roots && hasCode(roots.error, 'TOOL_INVALID_ARGS')) throw roots.error;
    const scan = await store.createScan({ adapter: input.adapter, ...(input.root !== undefined ? { root: input.root } : {}), options });
    if ('error' in roots) {
      // Any other failure (the CMS is down, the root does not exist) is kept on a failed scan, visible in `xray list`;
      // the caller gets the error too.
      await store.updateScanStatus(scan.id, 'failed', { error: storedErrorOf(roots.error), phase: 'root' });
      throw roots.error;
    }
    await store.addRootTasks(scan.id, roots.tasks);
    const running = await store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
    await store.appendEvent(scan.id, 'created', { adapter: input.adapter, root: input.root ?? null, options });
    // What this source can see, for the report (read by the analysis as the `xray.coverage` event).
    await store.appendEvent(scan.id, COVERAGE_EVENT, { supported: [...source.supportedCategories], unsupported: { ...source.unsupportedCategories } });
    const notes = await this.scopeNotes(source, input.root, scope);
    if (notes.length > 0) await store.appendEvent(scan.id, SCOPE_NOTES_EVENT, { notes });
    this.logger.info({ scanId: scan.id, adapter: input.adapter, root: input.root }, 'X-Ray scan created');
    return { scan: running, notes };
  }

  private async scopeNotes(source: XraySource, root: string | undefined, scope: ScanScope): Promise<string[]> {
    try {
      return (await source.scopeNotes?.(root, this.stopping.signal, scope)) ?? [];
    } catch (error) {
      // A note is a courtesy: the scan goes on without it.
      this.logger.warn({ err: error }, 'X-Ray could not work out the scan scope notes');
      return [];
    }
  }

  /** Prepares a stored scan for crawling here: root tasks if a crash lost them, status running, phase crawl. */
  private async prepare(store: ScanStore, scan: ScanRecord, source: XraySource): Promise<void> {
    const counts = await store.taskCounts(scan.id);
    if (counts.total === 0) await store.addRootTasks(scan.id, await source.rootTasks(scan.root ?? undefined, this.stopping.signal, scopeOf(scan)));
    if (scan.status === 'pending' || scan.phase === 'interrupted' || scan.phase === null) {
      await store.updateScanStatus(scan.id, 'running', { phase: scan.truncated ? 'truncated' : 'crawl' });
      if (scan.status === 'running') await store.appendEvent(scan.id, 'resumed', { host: hostname() });
    }
  }

  private async runScan(scanId: string): Promise<RunResult> {
    const store = await this.deps.store();
    const scan = await requireScan(store, scanId);
    if (TERMINAL_STATUSES.includes(scan.status)) return { outcome: 'finished', scan };
    const { source, concurrency } = this.deps.source(scan.adapter);
    await this.prepare(store, scan, source);
    const leaseMs = numberOption(scan, 'leaseMs') ?? this.deps.settings?.leaseMs ?? DEFAULT_LEASE_MS;
    const maxItems = numberOption(scan, 'maxItems');
    const worker = new CrawlWorker({
      store, source, scanId, owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      settings: { ...this.deps.settings, concurrency, leaseMs, ...(maxItems !== undefined ? { maxItems } : {}) },
      hooks: this.deps.hooks ?? {}, logger: this.logger.child({ scanId }), clock: this.deps.clock, stop: this.stopping.signal,
      onProgress: (p) => this.notify(p),
    });
    this.workers.set(scanId, worker);
    try {
      const result = await worker.run();
      this.logger.info({ scanId, outcome: result.outcome, status: result.scan.status, items: result.scan.itemsCrawled, code: result.error?.code }, 'X-Ray run ended');
      return result;
    } finally {
      this.workers.delete(scanId);
    }
  }
}

function scopeOfInput(input: StartScanInput): ScanScope {
  return input.languages === undefined ? {} : { languages: input.languages };
}

/** The scope a scan was created with, from its stored options. */
function scopeOf(scan: ScanRecord): ScanScope {
  const languages = scan.options['languages'];
  if (languages === 'all') return { languages };
  if (!Array.isArray(languages)) return {};
  const names = languages.filter((l): l is string => typeof l === 'string');
  return names.length > 0 && names.length === languages.length ? { languages: names } : {};
}

function numberOption(scan: ScanRecord, key: string): number | undefined {
  const value = scan.options[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function canCrawl(deps: ScanServiceDeps, adapter: string): boolean {
  try {
    deps.source(adapter);
    return true;
  } catch (error) {
    // Not configured or without X-Ray in this process: another Conduit instance may crawl it.
    deps.logger.debug({ err: error, adapter }, 'scan adapter not crawlable here');
    return false;
  }
}
