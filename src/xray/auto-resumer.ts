import type { Logger } from '../core/ports.ts';
import type { ScanStore } from '../store/scan-store.ts';
import type { ScanRecord } from '../store/scan-store-types.ts';
import type { ScanRun } from './scan-service.ts';

export interface AutoResumeOptions {
  /** How often to look for scans with work left. Default 5 s. */
  intervalMs?: number;
  /**
   * Also join scans other processes are crawling (Postgres only: several
   * workers share a scan's tasks). Without it, only scans nobody holds a live
   * lease on are picked up.
   */
  join?: boolean;
  /** Called with each run started (the CLI's worker reports them). */
  onRun?(run: ScanRun): void;
}

interface ResumerDeps {
  store(): Promise<ScanStore>;
  crawl(scanId: string): ScanRun;
  canCrawl(adapter: string): boolean;
  logger: Logger;
  stop: AbortSignal;
}

/**
 * The background loop of `serve` and `conduit worker`: picks up scans that
 * have work and nobody crawling them (after a crash, a restart or an
 * interruption), and on Postgres joins running scans. A scan whose run was
 * interrupted (CMS down) is retried with a growing back-off.
 */
export class AutoResumer {
  private readonly deps: ResumerDeps;
  private readonly options: AutoResumeOptions;
  private readonly backoff = new Map<string, { until: number; failures: number }>();
  private loop: Promise<void> | undefined;

  constructor(deps: ResumerDeps, options: AutoResumeOptions) {
    this.deps = deps;
    this.options = options;
  }

  start(): void {
    this.loop = this.run();
  }

  async stopped(): Promise<void> {
    await this.loop;
  }

  private async run(): Promise<void> {
    const interval = this.options.intervalMs ?? 5_000;
    while (!this.deps.stop.aborted) {
      try {
        await this.pass();
      } catch (error) {
        // The store may be briefly unreachable; the next pass tries again.
        this.deps.logger.warn({ err: error }, 'X-Ray auto-resume pass failed');
      }
      await new Promise<void>((resolve) => {
        const signal = this.deps.stop;
        const timer = setTimeout(done, interval);
        function done(): void {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  private async pass(): Promise<void> {
    const now = Date.now();
    for (const scan of await resumeCandidates(await this.deps.store(), this.options.join === true)) {
      if (this.deps.stop.aborted) return;
      const wait = this.backoff.get(scan.id);
      if ((wait && wait.until > now) || !this.deps.canCrawl(scan.adapter)) continue;
      this.launch(scan);
    }
  }

  private launch(scan: ScanRecord): void {
    const run = this.deps.crawl(scan.id);
    this.options.onRun?.(run);
    run.done.then((result) => {
      if (result.outcome === 'interrupted') {
        const failures = (this.backoff.get(scan.id)?.failures ?? 0) + 1;
        this.backoff.set(scan.id, { failures, until: Date.now() + Math.min(10_000 * 2 ** (failures - 1), 300_000) });
      } else {
        this.backoff.delete(scan.id);
      }
    }, (error: unknown) => {
      this.deps.logger.warn({ err: error, scanId: scan.id }, 'X-Ray resumed run failed');
      this.backoff.set(scan.id, { failures: 1, until: Date.now() + 30_000 });
    });
  }
}

/**
 * Scans a worker should take: those nobody holds a live lease on (pending,
 * or running after a crash or an interruption), and with `join` on Postgres
 * also the running scans other workers are crawling.
 */
export async function resumeCandidates(store: ScanStore, join: boolean): Promise<ScanRecord[]> {
  const candidates = await store.listResumableScans();
  if (join && store.kind === 'postgres') candidates.push(...(await store.listScans({ status: 'running', limit: 100 })).entries);
  const seen = new Set<string>();
  return candidates.filter((scan) => !seen.has(scan.id) && seen.add(scan.id));
}
