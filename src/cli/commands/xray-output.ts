import type { ScanProgress } from '../../xray/engine/engine-types.ts';
import type { ScanView } from '../../xray/scan-view.ts';

/** Where progress goes: a live bar on a terminal, or one JSON line per event. */
export interface ProgressSink {
  progress(p: ScanProgress): void;
  note(message: string): void;
  /** Clears the bar before other output. */
  end(): void;
}

const n = (value: number): string => Math.round(value).toLocaleString('en');

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number): string => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** One JSON object per line on stdout: `{"type":"progress",…}`. */
export function jsonLinesSink(write: (line: string) => void): ProgressSink {
  return {
    progress: (p) => write(JSON.stringify({ type: 'progress', ...p })),
    note: (message) => write(JSON.stringify({ type: 'note', message })),
    end: () => undefined,
  };
}

/** No live progress (a demo writing to a log); notes still print. */
export function silentSink(): ProgressSink {
  return { progress: () => undefined, note: (message) => process.stdout.write(`${message}\n`), end: () => undefined };
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const BAR_WIDTH = 24;

/** A single redrawn line: spinner, bar (when an ETA is known), items, requests/s, errors, ETA. */
export function ttyBarSink(stream: Pick<NodeJS.WriteStream, 'write' | 'columns'>): ProgressSink {
  let frame = 0;
  let drawn = false;
  const clear = (): void => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    progress(p) {
      const elapsed = p.elapsedMs / 1000;
      const fraction = p.etaSeconds === null ? null : elapsed / Math.max(elapsed + p.etaSeconds, 0.001);
      const filled = fraction === null ? 0 : Math.round(Math.min(fraction, 1) * BAR_WIDTH);
      const bar = fraction === null ? '' : ` ▕${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}▏`;
      const eta = p.etaSeconds === null ? 'ETA …' : `ETA ${duration(p.etaSeconds)}`;
      const errors = p.errors === 1 ? '1 error' : `${n(p.errors)} errors`;
      const phase = p.phase && p.phase !== 'crawl' ? ` · ${p.phase}` : '';
      const line = `${SPINNER[frame++ % SPINNER.length] ?? ''} ${p.scanId.slice(0, 8)}${bar} ${n(p.items)} items · ${n(p.requestsPerSecond)} req/s · ${errors} · ${eta}${phase}`;
      clear();
      stream.write(line.slice(0, Math.max(20, (stream.columns || 100) - 1)));
      drawn = true;
    },
    note(message) {
      clear();
      stream.write(`${message}\n`);
    },
    end: clear,
  };
}

/** Human summary of a scan (the crawl side; the analysis report is printed after it). */
export function formatScanSummary(view: ScanView): string[] {
  const took = view.durationMs === null ? '' : ` in ${(view.durationMs / 1000).toFixed(1)} s`;
  const lines = [
    `Scan ${view.scanId} (${view.adapter}${view.root ? `, root ${view.root}` : ''}): ${view.status}${view.phase && view.status === 'running' ? ` (${view.phase})` : ''}${took}`,
    `  ${n(view.items)} items · ${n(view.references)} references · ${n(view.pages)} pages · ${n(view.requests)} requests`,
  ];
  if (view.tasks) {
    const t = view.tasks;
    if (t.pending + t.leased + t.failed > 0) lines.push(`  pages: ${n(t.done)} done, ${n(t.pending)} pending, ${n(t.leased)} leased, ${n(t.failed)} failed`);
  }
  if (view.truncated || view.warning) lines.push(`  warning: ${view.warning ?? 'truncated'}`);
  for (const note of view.notes ?? []) lines.push(`  note: ${note}`);
  if (view.error) lines.push(`  error [${view.error.code}] ${view.error.message}`);
  if (view.hint) lines.push(`  hint: ${view.hint}`);
  return lines;
}

export function formatScanRow(view: ScanView): string {
  const flags = [view.truncated ? 'truncated' : '', view.error ? view.error.code : '', view.phase === 'interrupted' ? 'interrupted' : ''].filter(Boolean).join(',');
  return [view.scanId, view.status.padEnd(9), view.adapter.padEnd(12), n(view.items).padStart(9), view.createdAt, flags].join('  ');
}
