import type { ScanRecord, StoredError, TaskCounts } from '../store/scan-store-types.ts';

/**
 * A scan as both front doors show it (CLI JSON, MCP structured content):
 * everything comes from the store, so any process can answer for any scan.
 */
// A type alias, not an interface: tool results must be assignable to Record<string, unknown>.
export type ScanView = {
  scanId: string;
  adapter: string;
  root: string | null;
  status: ScanRecord['status'];
  phase: string | null;
  truncated: boolean;
  warning: string | null;
  error: StoredError | null;
  maxItems: number | null;
  items: number;
  references: number;
  pages: number;
  requests: number;
  /** Crawl tasks by state (status only; left out of listings). */
  tasks?: TaskCounts;
  /** What the source said about the scan's scope when it was created, e.g. languages it leaves out (status only). */
  notes?: string[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Time of the last committed page: the crawl checkpoint. */
  lastCommitAt: string | null;
  durationMs: number | null;
  /** What to do next, for a scan that is not moving or ended badly. */
  hint?: string;
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function scanView(scan: ScanRecord, tasks?: TaskCounts, notes: readonly string[] = []): ScanView {
  const maxItems = scan.options['maxItems'];
  const view: ScanView = {
    scanId: scan.id,
    adapter: scan.adapter,
    root: scan.root,
    status: scan.status,
    phase: scan.phase,
    truncated: scan.truncated,
    warning: scan.warning,
    error: scan.error,
    maxItems: typeof maxItems === 'number' ? maxItems : null,
    items: scan.itemsCrawled,
    references: scan.referencesCrawled,
    pages: scan.pagesCommitted,
    requests: scan.requests,
    ...(tasks ? { tasks } : {}),
    ...(notes.length > 0 ? { notes: [...notes] } : {}),
    createdAt: new Date(scan.createdAt).toISOString(),
    startedAt: iso(scan.startedAt),
    finishedAt: iso(scan.finishedAt),
    lastCommitAt: iso(scan.lastCommitAt),
    durationMs: scan.startedAt === null ? null : (scan.finishedAt ?? scan.updatedAt) - scan.startedAt,
  };
  const hint = hintFor(scan);
  if (hint) view.hint = hint;
  return view;
}

function hintFor(scan: ScanRecord): string | undefined {
  if (scan.status === 'failed') return 'The reason is in `error`; fix it, then start a new scan.';
  if (scan.status === 'running' && scan.phase === 'interrupted') {
    return `The crawl was interrupted; its progress is saved. Resume it with \`conduit xray resume ${scan.id}\` (conduit serve and conduit worker resume it on their own).`;
  }
  if (scan.status === 'pending') return `Queued. Crawl it with \`conduit xray resume ${scan.id}\`, or let a running conduit serve / conduit worker pick it up.`;
  return undefined;
}
