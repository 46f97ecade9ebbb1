import { setTimeout as sleep } from 'node:timers/promises';
import { ConduitError, toSafeError } from '../../core/conduit-error.ts';
import type { LeasedTask, ScanRecord, StoredError } from '../../store/scan-store-types.ts';
import { TERMINAL_STATUSES } from '../../store/scan-store-types.ts';
import { requireScan } from '../../store/scan-store.ts';
import type { RunResult, ScanProgress, WorkerContext } from './engine-types.ts';
import { FINISH_TASK, isEngineTask } from './engine-tasks.ts';
import { classifyFailure, retryDelayMs, storedErrorOf } from './error-policy.ts';
import { completeScan, finishScan, runFullFetchTask } from './finish-scan.ts';
import { LeaseKeeper } from './lease-keeper.ts';
import { commitFetchedPage, type CommittedPage } from './page-runner.ts';
import { ProgressMeter } from './progress-meter.ts';

/** Why the loop stopped: ended = the scan is terminal; truncated = maxItems reached here (this worker finishes the scan). */
type Halt = { reason: 'stopped' | 'interrupted' | 'ended' | 'truncated'; error?: StoredError };

/**
 * One worker crawling one scan, breadth first: leases tasks (a few more than
 * it runs, so the next page starts at once), fetches up to `concurrency` pages
 * at a time, commits each page atomically with the tasks it spawns, keeps its
 * leases alive, and on stop finishes its pages in flight and gives the rest back.
 * Several workers (processes) may run the same scan; the store's leases and
 * exactly-once commits keep them apart.
 *
 * A fetched page waiting for its commit does not hold a fetch slot: with the
 * slot held, a 100k crawl spent ~20% of every slot's time waiting on commits
 * (bench:xray). Up to half of `concurrency` more pages may wait to commit, so
 * at most 1.5 × concurrency pages (1 at concurrency 1) are fetched and not yet
 * committed, which bounds what a SIGKILL can cost.
 */
export class CrawlWorker {
  private readonly w: WorkerContext;
  private readonly concurrency: number;
  /** Pages fetched or waiting for their commit, at most. */
  private readonly maxInFlight: number;
  private fetching = 0;
  private readonly held = new Map<string, LeasedTask>();
  private readonly queue: LeasedTask[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly localRetries = new Map<string, number>();
  /** Hard stop of pages in flight: cancellation, a fatal error, or a stop that outlived its grace period. */
  private readonly abort = new AbortController();
  private readonly meter: ProgressMeter;
  private readonly leases: LeaseKeeper;
  private halt: Halt | undefined;
  private scan!: ScanRecord;
  private consecutiveTransient = 0;
  private lastSuccessAt: number;
  private leaseExhausted = false;
  private truncatedSeenAt: number | undefined;
  private wake: (() => void) | undefined;

  constructor(w: WorkerContext) {
    this.w = w;
    this.concurrency = Math.max(1, Math.floor(w.settings.concurrency));
    this.maxInFlight = this.concurrency + Math.floor(this.concurrency / 2);
    this.meter = new ProgressMeter(() => w.clock.now());
    this.lastSuccessAt = w.clock.now();
    this.leases = new LeaseKeeper(w, this.held, {
      lost: (key) => this.dropQueued(key),
      scanChanged: (scan) => this.observe(scan),
      tick: (event) => this.emit(event),
      meter: this.meter,
    });
  }

  async run(): Promise<RunResult> {
    const scan = await requireScan(this.w.store, this.w.scanId);
    this.scan = scan;
    if (TERMINAL_STATUSES.includes(scan.status)) return { outcome: 'finished', scan };
    this.emit('started');
    const onStop = (): void => this.wakeUp();
    this.w.stop.addEventListener('abort', onStop, { once: true });
    this.leases.start();
    try {
      await this.loop();
    } finally {
      this.w.stop.removeEventListener('abort', onStop);
      await this.drain();
      await this.leases.stop();
      await this.releaseLeases();
    }
    return this.conclude();
  }

  /** Re-reads the scan now (it was cancelled here): a cancelled scan stops its pages in flight at once. */
  checkScan(): void {
    this.leases.checkSoon();
  }

  private async loop(): Promise<void> {
    while (this.halt === undefined) {
      if (this.w.stop.aborted) {
        this.halt = { reason: 'stopped' };
        break;
      }
      await this.refill();
      this.startQueued();
      if (this.held.size > 0) {
        await this.waitForChange();
        continue;
      }
      const step = await this.nextStep();
      if (step === 'done') break;
      if (step === 'wait') {
        await this.waitForChange(this.w.settings.pollMs ?? Math.min(1000, this.w.settings.leaseMs / 2));
        this.leaseExhausted = false;
      }
    }
  }

  /** Leases more tasks when at most maxInFlight + concurrency / 2 are held, up to maxInFlight + concurrency. */
  private async refill(): Promise<void> {
    if (this.halt || this.w.stop.aborted || this.leaseExhausted) return;
    if (this.held.size > this.maxInFlight + Math.floor(this.concurrency / 2)) return;
    const want = this.maxInFlight + this.concurrency - this.held.size;
    const leased = await this.w.store.leaseTasks(this.w.scanId, this.w.owner, want, this.w.settings.leaseMs);
    for (const task of leased) {
      this.held.set(task.key, task);
      this.queue.push(task);
    }
    this.leaseExhausted = leased.length < want;
  }

  private startQueued(): void {
    while (this.queue.length > 0 && this.fetching < this.concurrency && this.running.size < this.maxInFlight && !this.halt && !this.w.stop.aborted) {
      const task = this.queue.shift();
      if (task === undefined || !this.held.has(task.key)) continue;
      const run: Promise<void> = this.runTask(task).finally(() => {
        this.running.delete(run);
        this.leaseExhausted = false;
        this.wakeUp();
      });
      this.running.add(run);
    }
  }

  /** What to do when this worker holds nothing: lease again, wait for other workers, finish, or stop. */
  private async nextStep(): Promise<'work' | 'wait' | 'done'> {
    const scan = await this.refreshScan();
    if (this.halt) return 'done';
    if (scan.truncated) return this.afterTruncatedElsewhere();
    const counts = await this.w.store.taskCounts(this.w.scanId);
    if (counts.pending > 0) return this.leaseExhausted ? 'wait' : 'work';
    if (counts.leased > 0) return 'wait';
    // Crawl complete: queue the finishing step; whoever leases it (maybe this worker) finishes the scan.
    if (await this.w.store.addRootTasks(this.w.scanId, [FINISH_TASK]) > 0) {
      this.leaseExhausted = false;
      return 'work';
    }
    const again = await this.w.store.taskCounts(this.w.scanId);
    if (again.pending + again.leased > 0) return 'wait';
    // The finishing step is done, but its worker stopped before marking the scan completed.
    await completeScan(this.w);
    this.halt = { reason: 'ended' };
    return 'done';
  }

  /** Another worker truncated the scan and finishes it; if it has not within two lease periods, it died: finish here. */
  private async afterTruncatedElsewhere(): Promise<'wait' | 'done'> {
    const now = this.w.clock.now();
    this.truncatedSeenAt ??= now;
    if (now - this.truncatedSeenAt < 2 * this.w.settings.leaseMs) return 'wait';
    this.halt = { reason: 'truncated' };
    return 'done';
  }

  private async runTask(task: LeasedTask): Promise<void> {
    try {
      if (task.key === FINISH_TASK.key) {
        this.emit('finishing');
        await finishScan(this.w, this.abort.signal, true);
        await this.refreshScan();
      } else if (isEngineTask(task)) {
        await this.inFetchSlot(() => runFullFetchTask(this.w, task, this.abort.signal));
      } else {
        const page = await this.inFetchSlot(() => this.w.source.crawl(task, this.abort.signal));
        this.onCommitted(await commitFetchedPage(this.w.store, this.w.scanId, task, this.w.owner, page, this.abort.signal));
      }
      this.held.delete(task.key);
      this.localRetries.delete(task.key);
      this.consecutiveTransient = 0;
      this.lastSuccessAt = this.w.clock.now();
    } catch (error) {
      await this.onTaskError(task, error);
    }
  }

  /** Holds a fetch slot only while the CMS is asked; the next page may start while this one commits. */
  private async inFetchSlot<T>(fetch: () => Promise<T>): Promise<T> {
    this.fetching += 1;
    try {
      return await fetch();
    } finally {
      this.fetching -= 1;
      this.wakeUp();
    }
  }

  private onCommitted(page: CommittedPage): void {
    if (page.result.outcome === 'rejected') {
      this.w.logger.debug({ scanId: this.w.scanId, reason: page.result.reason }, 'page commit rejected');
      this.leases.checkSoon();
      return;
    }
    if (page.result.outcome === 'committed') {
      this.meter.committed({ items: page.items, references: page.references, requests: page.requests, newTasks: page.result.newTasks });
    }
    const max = this.w.settings.maxItems;
    if (max !== undefined && !this.halt && this.meter.scanItems() >= max) this.halt = { reason: 'truncated' };
  }

  private async onTaskError(task: LeasedTask, error: unknown): Promise<void> {
    // Aborted on purpose (cancel, fatal, stop past its grace): the lease is given back at the end.
    if (this.abort.signal.aborted) return;
    const safe = toSafeError(error);
    const stored = storedErrorOf(safe);
    const kind = classifyFailure(safe);
    this.meter.failed();
    this.w.logger.warn({ scanId: this.w.scanId, task: task.key, code: safe.code, kind }, `X-Ray page failed: ${safe.message}`);
    if (kind === 'fatal') return this.failScan(stored);
    const retries = this.localRetries.get(task.key) ?? 0;
    if (kind === 'transient') {
      this.consecutiveTransient += 1;
      // An outage, not a hiccup: several failures in a row and nothing has succeeded for a while (an open breaker fails fast).
      if (this.consecutiveTransient >= 3 && this.w.clock.now() - this.lastSuccessAt >= (this.w.settings.outageMs ?? 20_000)) {
        this.halt ??= { reason: 'interrupted', error: stored };
        return;
      }
      if (retries < (this.w.settings.localRetries ?? 5)) return this.retryLater(task, retries, retryDelayMs(safe, retries));
    }
    const outcome = await this.w.store.failTask(this.w.scanId, task.key, this.w.owner, stored, { retryAfterMs: retryDelayMs(safe, retries) });
    this.held.delete(task.key);
    this.localRetries.delete(task.key);
    if (outcome === 'failed') await this.w.store.appendEvent(this.w.scanId, 'page-failed', { task: task.key, ...stored });
  }

  /** Retries a page in this worker, still holding its lease (a retry here costs no attempt). */
  private retryLater(task: LeasedTask, retries: number, delayMs: number): void {
    this.localRetries.set(task.key, retries + 1);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (this.held.has(task.key) && !this.halt) this.queue.unshift(task);
      this.wakeUp();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private async failScan(error: StoredError): Promise<void> {
    if (this.halt?.reason === 'ended') return;
    this.halt = { reason: 'ended', error };
    this.abort.abort(new ConduitError('XRAY_SCAN_FAILED', error.message));
    try {
      await this.w.store.updateScanStatus(this.w.scanId, 'failed', { error });
      await this.w.store.appendEvent(this.w.scanId, 'failed', { ...error });
    } catch (cause) {
      // Already finished by someone else (for example cancelled at the same moment): nothing to record.
      if (!(cause instanceof ConduitError && cause.code === 'XRAY_SCAN_FINISHED')) throw cause;
    }
  }

  /** Latest scan record; a scan that stopped running (cancelled, failed, completed elsewhere) halts this worker. */
  private async refreshScan(): Promise<ScanRecord> {
    const scan = await this.w.store.getScan(this.w.scanId);
    if (scan === null) throw new ConduitError('XRAY_SCAN_NOT_FOUND', `Scan ${this.w.scanId} was deleted while it was crawled.`);
    this.observe(scan);
    return scan;
  }

  private observe(scan: ScanRecord): void {
    this.scan = scan;
    if (!TERMINAL_STATUSES.includes(scan.status)) return;
    this.halt = { reason: 'ended' };
    if (scan.status === 'cancelled') this.abort.abort(new ConduitError('XRAY_SCAN_CANCELLED', `Scan ${scan.id} was cancelled.`));
    this.wakeUp();
  }

  private dropQueued(key: string): void {
    const i = this.queue.findIndex((t) => t.key === key);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.held.delete(key);
    }
  }

  private async waitForChange(timeoutMs?: number): Promise<void> {
    if (this.halt || this.w.stop.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs);
      this.wake = () => { if (timer) clearTimeout(timer); resolve(); };
    });
    this.wake = undefined;
  }

  private wakeUp(): void {
    this.wake?.();
  }

  /** Pages in flight finish (and commit) within the grace period; after it, or on cancel, they are aborted. */
  private async drain(): Promise<void> {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    if (this.running.size === 0) return;
    const all = Promise.allSettled([...this.running]);
    const grace = this.w.settings.stopGraceMs ?? 10_000;
    const finished = await Promise.race([all.then(() => true), sleep(grace, false, { ref: false })]);
    if (!finished) this.abort.abort(new ConduitError('XRAY_CRAWL_INTERRUPTED', `Pages of scan ${this.w.scanId} were still in flight after ${grace} ms.`));
    await all;
  }

  private async releaseLeases(): Promise<void> {
    if (this.held.size === 0 && this.halt?.reason !== 'interrupted') return;
    const released = await this.w.store.releaseTasks(this.w.scanId, this.w.owner);
    this.held.clear();
    if (released > 0) this.w.logger.debug({ scanId: this.w.scanId, released }, 'leases released');
  }

  private async conclude(): Promise<RunResult> {
    const halt = this.halt ?? { reason: 'stopped' };
    if (halt.reason === 'truncated') await this.truncate();
    if (halt.reason === 'interrupted') {
      const error = halt.error ?? { code: 'XRAY_CRAWL_INTERRUPTED', message: 'The crawl was interrupted.' };
      await this.w.store.updateScanStatus(this.w.scanId, 'running', { phase: 'interrupted' });
      await this.w.store.appendEvent(this.w.scanId, 'interrupted', { ...error });
    }
    const scan = await this.refreshScan();
    this.emit(halt.reason === 'interrupted' ? 'interrupted' : halt.reason === 'stopped' ? 'stopped' : 'ended');
    const outcome = TERMINAL_STATUSES.includes(scan.status) ? 'finished' : halt.reason === 'interrupted' ? 'interrupted' : 'stopped';
    return { outcome, scan, ...(halt.error ? { error: halt.error } : {}), committed: this.meter.committedHere() };
  }

  /** maxItems reached: mark the scan truncated (never silently), then finish it with what was crawled. */
  private async truncate(): Promise<void> {
    const scan = await this.refreshScan();
    if (TERMINAL_STATUSES.includes(scan.status)) return;
    if (!scan.truncated) {
      const max = this.w.settings.maxItems ?? scan.itemsCrawled;
      const left = await this.w.store.taskCounts(this.w.scanId);
      const warning = `Truncated: the scan stopped at ${scan.itemsCrawled.toLocaleString('en')} items because maxItems is ${max.toLocaleString('en')}; `
        + `${(left.pending + left.leased).toLocaleString('en')} pages were not crawled, so the findings cover part of the tree. Raise --max-items to scan everything.`;
      this.scan = await this.w.store.updateScanStatus(this.w.scanId, 'running', { truncated: true, warning, phase: 'truncated' });
      await this.w.store.appendEvent(this.w.scanId, 'truncated', { items: scan.itemsCrawled, maxItems: max });
      this.emit('truncated');
    }
    await finishScan(this.w, this.abort.signal, false);
  }

  private emit(event: ScanProgress['event']): void {
    this.w.onProgress?.(this.meter.snapshot(this.scan, event));
  }
}
