import { setTimeout as sleep } from 'node:timers/promises';
import type { LeasedTask, ScanRecord } from '../../store/scan-store-types.ts';
import type { ScanProgress, WorkerContext } from './engine-types.ts';
import type { ProgressMeter } from './progress-meter.ts';

export interface LeaseKeeperHooks {
  /** A held task whose lease was not renewed (it expired and may be someone else's now). */
  lost(key: string): void;
  scanChanged(scan: ScanRecord): void;
  tick(event: ScanProgress['event']): void;
  meter: ProgressMeter;
}

/**
 * The two background loops of a worker, both tracked and awaited on stop:
 * the heartbeat renews the leases held (every leaseMs / 3), and the progress
 * loop re-reads the scan (status, counters, task counts) so a cancel or a
 * truncation by another process is seen within a second, and emits progress.
 */
export class LeaseKeeper {
  private readonly w: WorkerContext;
  private readonly held: Map<string, LeasedTask>;
  private readonly hooks: LeaseKeeperHooks;
  private readonly ended = new AbortController();
  private loops: Promise<void>[] = [];
  private nudge: (() => void) | undefined;
  private rounds = 0;
  private lastTaskTotal = 0;

  constructor(w: WorkerContext, held: Map<string, LeasedTask>, hooks: LeaseKeeperHooks) {
    this.w = w;
    this.held = held;
    this.hooks = hooks;
  }

  start(): void {
    const heartbeatMs = this.w.settings.heartbeatMs ?? Math.max(50, Math.floor(this.w.settings.leaseMs / 3));
    const progressMs = this.w.settings.progressMs ?? 1000;
    this.loops = [this.every(heartbeatMs, () => this.beat(), 'heartbeat'), this.every(progressMs, () => this.refresh(), 'progress', true)];
  }

  /** Re-read the scan now (a commit was rejected: it may have been cancelled). */
  checkSoon(): void {
    this.nudge?.();
  }

  async stop(): Promise<void> {
    this.ended.abort();
    await Promise.all(this.loops);
  }

  private async every(ms: number, fn: () => Promise<void>, name: string, nudgeable = false): Promise<void> {
    while (!this.ended.signal.aborted) {
      await new Promise<void>((resolve) => {
        const signal = this.ended.signal;
        const timer = setTimeout(done, ms);
        function done(): void {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
        if (nudgeable) this.nudge = done;
      });
      if (this.ended.signal.aborted) return;
      try {
        await fn();
      } catch (error) {
        // A store hiccup must not kill the worker: the next round tries again, and commits retry on their own.
        this.w.logger.warn({ err: error, scanId: this.w.scanId, loop: name }, 'X-Ray worker background step failed');
        await sleep(Math.min(ms, 500), undefined, { ref: false });
      }
    }
  }

  private async beat(): Promise<void> {
    const keys = [...this.held.keys()];
    if (keys.length === 0) return;
    const renewed = new Set(await this.w.store.heartbeat(this.w.scanId, this.w.owner, keys, this.w.settings.leaseMs));
    if (renewed.size === keys.length) return;
    for (const key of keys) if (!renewed.has(key) && this.held.has(key)) this.hooks.lost(key);
    // None renewed: most likely the scan stopped running (heartbeat renews nothing then).
    if (renewed.size === 0) await this.refresh();
  }

  private async refresh(): Promise<void> {
    const scan = await this.w.store.getScan(this.w.scanId);
    if (scan === null) return;
    // Counting tasks reads every task row of the scan: on big scans, only every fifth round (the ETA moves slowly).
    const countTasks = this.rounds++ % (this.lastTaskTotal > 50_000 ? 5 : 1) === 0;
    const tasks = countTasks ? await this.w.store.taskCounts(this.w.scanId) : null;
    if (tasks) this.lastTaskTotal = tasks.total;
    this.hooks.meter.refresh(scan, tasks);
    this.hooks.scanChanged(scan);
    this.hooks.tick('progress');
  }
}
