import type { Command } from 'commander';
import { once } from 'node:events';
import type { ScanRun } from '../../xray/scan-service.ts';
import { openCliApp, OUTAGE_FLAG, writeLine } from './xray-run.ts';

interface WorkerFlags { config?: string; json?: boolean; pollSeconds: string; once?: boolean; outageSeconds?: string }

export function registerWorker(program: Command): void {
  program.command('worker')
    .description('Crawl X-Ray scans in the background: resume scans nobody is crawling and, on Postgres, share running scans with other workers')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--poll-seconds <s>', 'how often to look for scans with work left', '5')
    .option('--once', 'take the scans there are now, crawl them to the end, then exit')
    .option('--json', 'one JSON line per scan started and ended')
    .option(...OUTAGE_FLAG)
    .action(async (flags: WorkerFlags) => { process.exitCode = await worker(flags); });
}

async function worker(flags: WorkerFlags): Promise<number> {
  const app = await openCliApp(flags);
  const report = (event: string, data: Record<string, unknown>): void => {
    if (flags.json) writeLine(JSON.stringify({ type: event, ...data }));
    else writeLine(`${event} ${Object.entries(data).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  };
  const track = (run: ScanRun): void => {
    report('scan-started', { scanId: run.scanId });
    void run.done.then(
      (r) => report('scan-ended', {
        scanId: run.scanId, outcome: r.outcome, status: r.scan.status, items: r.scan.itemsCrawled,
        pagesHere: r.committed?.pages ?? 0, itemsHere: r.committed?.items ?? 0,
      }),
      (error: unknown) => report('scan-error', { scanId: run.scanId, message: error instanceof Error ? error.message : String(error) }),
    );
  };
  try {
    const store = await app.scanStore();
    const join = store.kind === 'postgres';
    if (!join) app.logger.info({}, 'SQLite store: this worker resumes scans nobody crawls; sharing one scan between processes needs Postgres');
    if (flags.once) {
      const runs = await app.xray.resumeAll({ join });
      runs.forEach(track);
      await Promise.allSettled(runs.map((r) => r.done));
      return 0;
    }
    app.xray.startAutoResume({ intervalMs: Math.max(100, Number(flags.pollSeconds) * 1000), join, onRun: track });
    report('worker-ready', { store: store.kind, pid: process.pid });
    await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
    report('worker-stopping', { running: app.xray.activeRuns().length });
    return 0;
  } finally {
    // Graceful: pages in flight finish and commit, leases are released for the other workers.
    await app.close();
  }
}
