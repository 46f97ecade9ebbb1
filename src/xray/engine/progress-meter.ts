import type { ScanRecord, TaskCounts } from '../../store/scan-store-types.ts';
import type { ScanProgress } from './engine-types.ts';

/**
 * Turns store counters and this run's commits into progress snapshots:
 * scan totals, this run's rates, and a rough ETA. The ETA extrapolates the
 * tasks left with the spawn ratio seen so far (each page spawns its
 * children's pages), so it stays null while the tree still grows.
 */
export class ProgressMeter {
  private readonly startedAt: number;
  private readonly now: () => number;
  private base = { items: 0, references: 0, pages: 0, requests: 0 };
  private local = { items: 0, references: 0, pages: 0, requests: 0, spawned: 0, errors: 0 };
  private sinceRefresh = { items: 0, references: 0, pages: 0, requests: 0 };
  private tasks: TaskCounts | null = null;
  /** Recent new tasks per committed page (EWMA over roughly the last 50 pages). */
  private spawnRatio = 1;

  constructor(now: () => number) {
    this.now = now;
    this.startedAt = now();
  }

  /** The store's view (all workers); local counts since the last refresh are added on top. */
  refresh(scan: ScanRecord, tasks: TaskCounts | null): void {
    this.base = { items: scan.itemsCrawled, references: scan.referencesCrawled, pages: scan.pagesCommitted, requests: scan.requests };
    this.sinceRefresh = { items: 0, references: 0, pages: 0, requests: 0 };
    if (tasks) this.tasks = tasks;
  }

  committed(page: { items: number; references: number; requests: number; newTasks: number }): void {
    for (const target of [this.local, this.sinceRefresh]) {
      target.items += page.items;
      target.references += page.references;
      target.pages += 1;
      target.requests += page.requests;
    }
    this.local.spawned += page.newTasks;
    this.spawnRatio += (page.newTasks - this.spawnRatio) * 0.02;
    if (this.tasks) this.tasks = { ...this.tasks, done: this.tasks.done + 1, pending: Math.max(0, this.tasks.pending + page.newTasks - 1) };
  }

  /** This run's own commits. */
  committedHere(): { pages: number; items: number; requests: number } {
    return { pages: this.local.pages, items: this.local.items, requests: this.local.requests };
  }

  failed(): void {
    this.local.errors += 1;
  }

  /** Items in the scan as far as this worker knows (for maxItems). */
  scanItems(): number {
    return this.base.items + this.sinceRefresh.items;
  }

  snapshot(scan: ScanRecord, event: ScanProgress['event']): ScanProgress {
    const now = this.now();
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001);
    const itemsPerSecond = this.local.items / seconds;
    const tasksLeft = this.tasks ? this.tasks.pending + this.tasks.leased : null;
    return {
      scanId: scan.id, event, at: now, status: scan.status, phase: scan.phase,
      items: this.base.items + this.sinceRefresh.items,
      references: this.base.references + this.sinceRefresh.references,
      pages: this.base.pages + this.sinceRefresh.pages,
      requests: this.base.requests + this.sinceRefresh.requests,
      errors: this.local.errors,
      itemsPerSecond: round1(itemsPerSecond),
      requestsPerSecond: round1(this.local.requests / seconds),
      tasksLeft,
      etaSeconds: this.eta(tasksLeft),
      elapsedMs: Math.round(now - this.startedAt),
    };
  }

  private eta(tasksLeft: number | null): number | null {
    if (tasksLeft === null || this.local.pages < 20) return null;
    if (tasksLeft === 0) return 0;
    // Breadth first: the recent spawn ratio falls below 1 once the crawl reaches the tree's lower levels;
    // each task left then leads to about r / (1 - r) more (a geometric series).
    if (this.spawnRatio >= 0.95) return null;
    const pagesLeft = tasksLeft / (1 - this.spawnRatio);
    const pagesPerSecond = this.local.pages / Math.max((this.now() - this.startedAt) / 1000, 0.001);
    return Math.round(pagesLeft / pagesPerSecond);
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
