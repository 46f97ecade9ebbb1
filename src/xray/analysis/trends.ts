import type { ScanStore } from '../../store/scan-store.ts';
import type { ScanRecord } from '../../store/scan-store-types.ts';
import { readAnalysisRecord } from './scan-score.ts';
import { gradeOf, type Grade } from './scoring.ts';

export interface TrendPoint {
  scanId: string;
  /** When the scan started (ISO). */
  at: string;
  score: number;
  grade: Grade;
  findings: number;
  items: number;
}

/**
 * The score history of an adapter: its completed, analyzed scans, oldest
 * first, at most `limit` of them, ending with `until` when given. Scores are
 * the stored ones (recomputed whenever a finding is accepted).
 */
export async function readTrend(store: ScanStore, adapter: string, options: { until?: ScanRecord; limit?: number } = {}): Promise<TrendPoint[]> {
  const limit = Math.min(Math.max(options.limit ?? 30, 1), 500);
  const points: TrendPoint[] = [];
  const until = options.until;
  let cursor: string | undefined;
  do {
    const page = await store.listScans({ adapter, status: 'completed', limit: 100, ...(cursor ? { cursor } : {}) });
    for (const scan of page.entries) {
      if (until && scan.id !== until.id && scan.createdAt > until.createdAt) continue;
      const stored = await readAnalysisRecord(store, scan.id);
      if (!stored) continue;
      points.push({
        scanId: scan.id, at: new Date(scan.startedAt ?? scan.createdAt).toISOString(), score: stored.score, grade: gradeOf(stored.score),
        findings: stored.record.findings.open, items: stored.record.items,
      });
      if (points.length >= limit) break;
    }
    cursor = points.length >= limit ? undefined : page.nextCursor ?? undefined;
  } while (cursor);
  // A scan still analyzing (status running) is not in the completed list yet: add it as the last point.
  if (until && !points.some((p) => p.scanId === until.id)) {
    const stored = await readAnalysisRecord(store, until.id);
    if (stored) points.unshift({ scanId: until.id, at: new Date(until.startedAt ?? until.createdAt).toISOString(), score: stored.score, grade: gradeOf(stored.score), findings: stored.record.findings.open, items: stored.record.items });
  }
  // Oldest first; `until` last among scans that started at the same instant.
  const rank = (p: TrendPoint): [number, number, string] => [Date.parse(p.at), p.scanId === until?.id ? 1 : 0, p.scanId];
  return points.sort((a, b) => {
    const [ta, ua, ia] = rank(a);
    const [tb, ub, ib] = rank(b);
    return ta - tb || ua - ub || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
}
