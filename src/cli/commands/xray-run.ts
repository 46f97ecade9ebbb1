import { createApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { RunResult } from '../../xray/engine/engine-types.ts';
import type { ScanRun } from '../../xray/scan-service.ts';
import type { ScanView } from '../../xray/scan-view.ts';
import { loadCliConfig } from '../cli-config.ts';
import { reportError } from '../report-error.ts';
import { formatScanSummary, jsonLinesSink, silentSink, ttyBarSink, type ProgressSink } from './xray-output.ts';

export interface XrayCliFlags { config?: string; json?: boolean; outageSeconds?: string }

/** The app for an xray command, from the CLI's config; crawls here use `progressMs` and the --outage-seconds flag. */
export async function openCliApp(flags: XrayCliFlags, progressMs = 1000): Promise<App> {
  const loaded = await loadCliConfig(flags.config);
  const outage = flags.outageSeconds === undefined ? undefined : Number(flags.outageSeconds);
  if (outage !== undefined && !(outage > 0)) {
    throw new ConduitError('CFG_INVALID_VALUE', `--outage-seconds "${flags.outageSeconds ?? ''}" is not a positive number.`, { hint: 'Pass seconds, e.g. --outage-seconds 60.' });
  }
  const settings = { progressMs, ...(outage !== undefined ? { outageMs: Math.round(outage * 1000) } : {}) };
  const app = await createApp(loaded.config, { secrets: loaded.secrets, xray: { settings } });
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

export const OUTAGE_FLAG = ['--outage-seconds <s>', 'interrupt a crawl (resumably) once the CMS has been unreachable this long (default 20)'] as const;

/**
 * Crawls scans in this process with live progress, until they end or a signal
 * stops them (the first SIGINT/SIGTERM checkpoints: pages in flight finish,
 * leases are released; a second one exits at once). Prints the summary of
 * each scan last and returns the exit code.
 */
export async function crawlWithProgress(app: App, runs: readonly ScanRun[], json: boolean, options: { quietOffTty?: boolean } = {}): Promise<number> {
  const sink: ProgressSink = !json && process.stdout.isTTY ? ttyBarSink(process.stdout)
    : options.quietOffTty && !json ? silentSink() : jsonLinesSink(writeLine);
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
