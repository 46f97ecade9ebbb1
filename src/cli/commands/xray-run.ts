import { createApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { RunResult } from '../../xray/engine/engine-types.ts';
import type { ScanRun } from '../../xray/scan-service.ts';
import type { ScanView } from '../../xray/scan-view.ts';
import { loadCliConfig } from '../cli-config.ts';
import { reportError } from '../report-error.ts';
import { formatScanSummary, jsonLinesSink, ttyBarSink, type ProgressSink } from './xray-output.ts';

export interface XrayCliFlags { config?: string; json?: boolean }

/** The app for an xray command: the CLI's config, logs at warn (stderr) unless configured lower-noise. */
export async function openCliApp(flags: XrayCliFlags, progressMs = 1000): Promise<App> {
  const loaded = await loadCliConfig(flags.config);
  const app = await createApp(loaded.config, { secrets: loaded.secrets, xray: { settings: { progressMs } } });
  for (const warning of loaded.warnings) app.logger.warn({ code: warning.code, path: warning.path }, warning.message);
  return app;
}

export function writeLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a scan as JSON (one line) or for a person. */
export function printScan(view: ScanView, json: boolean, type = 'scan'): void {
  if (json) writeLine(JSON.stringify({ type, ...view }));
  else writeLine(formatScanSummary(view).join('\n'));
}

/**
 * Crawls scans in this process with live progress, until they end or a signal
 * stops them (the first SIGINT/SIGTERM checkpoints: pages in flight finish,
 * leases are released; a second one exits at once). Prints the summary of
 * each scan last and returns the exit code.
 */
export async function crawlWithProgress(app: App, runs: readonly ScanRun[], json: boolean): Promise<number> {
  const sink: ProgressSink = json || !process.stdout.isTTY ? jsonLinesSink(writeLine) : ttyBarSink(process.stdout);
  const unsubscribe = runs.map((run) => app.xray.subscribe(run.scanId, (p) => sink.progress(p)));
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(130);
    sink.note(`${signal}: stopping after the pages in flight (their progress is saved); press Ctrl-C again to quit at once.`);
    app.xray.beginShutdown();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const results = await Promise.allSettled(runs.map((r) => r.done));
    sink.end();
    let code = 0;
    for (const [i, settled] of results.entries()) {
      const run = runs[i];
      if (!run) continue;
      if (settled.status === 'rejected') {
        code ||= reportError(settled.reason, { json });
        continue;
      }
      printScan(await app.xray.get(run.scanId), json, 'summary');
      code ||= exitCodeOf(settled.value, json);
    }
    return code;
  } finally {
    for (const off of unsubscribe) off();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** 0 for a completed scan (truncated included: it says so); the family exit code otherwise, with the reason on stderr. */
function exitCodeOf(result: RunResult, json: boolean): number {
  const scan = result.scan;
  if (scan.status === 'completed') return 0;
  if (scan.status === 'failed') {
    return reportError(new ConduitError('XRAY_SCAN_FAILED', `Scan ${scan.id} failed: [${scan.error?.code ?? 'INTERNAL'}] ${scan.error?.message ?? 'no reason was stored'}`), { json });
  }
  if (scan.status === 'cancelled') return reportError(new ConduitError('XRAY_SCAN_CANCELLED', `Scan ${scan.id} was cancelled.`), { json });
  const why = result.outcome === 'interrupted'
    ? `the crawl was interrupted${result.error ? ` ([${result.error.code}] ${result.error.message})` : ''}`
    : 'the crawl was stopped';
  return reportError(new ConduitError('XRAY_CRAWL_INTERRUPTED', `Scan ${scan.id}: ${why}; every committed page is kept.`, {
    hint: `Resume it with \`conduit xray resume ${scan.id}\`.`,
  }), { json });
}
