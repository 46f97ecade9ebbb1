import { requireScan, type ScanStore } from '../../store/scan-store.ts';
import type { StoredFinding } from '../../store/scan-store-types.ts';
import { requireAnalysis, toReportFinding, type ReportFinding } from '../reports/report-model.ts';
import { CATEGORIES } from './analyzer-registry.ts';
import { computeScanScore, coverageOf } from './scan-score.ts';
import type { Grade } from './scoring.ts';

export interface CategoryDelta {
  category: string;
  new: number;
  resolved: number;
  unchanged: number;
}

export interface CompareResult {
  base: { scanId: string; score: number; grade: Grade; findings: number };
  head: { scanId: string; score: number; grade: Grade; findings: number };
  scoreDelta: number;
  totals: { new: number; resolved: number; unchanged: number };
  categories: CategoryDelta[];
  /** The first `limit` new and resolved findings, in fingerprint order. */
  new: ReportFinding[];
  resolved: ReportFinding[];
  /** More new or resolved findings exist than listed. */
  truncated: boolean;
  /** Analyzers whose version differs between the scans (their findings may differ for that reason). */
  analyzerChanges: Array<{ analyzer: string; base: string; head: string }>;
  /**
   * Set when the scans read different languages: findings in a language only one of them read show as new or
   * resolved because of that, not because the content changed.
   */
  languageChange?: { base: string[]; head: string[] };
}

/** Open findings of a scan in fingerprint order (accepted ones drop out of a comparison). */
async function* openFindings(store: ScanStore, scanId: string): AsyncGenerator<StoredFinding> {
  for await (const batch of store.iterateFindings(scanId, { batchSize: 2000 })) for (const f of batch) if (f.accepted === null) yield f;
}

/** Walks two fingerprint-ordered streams together: [base, head], one side null when the other has no match. */
async function* mergeByFingerprint(a: AsyncIterator<StoredFinding>, b: AsyncIterator<StoredFinding>): AsyncGenerator<[StoredFinding | null, StoredFinding | null]> {
  let x = await a.next();
  let y = await b.next();
  while (x.done !== true || y.done !== true) {
    const fa = x.done === true ? null : x.value;
    const fb = y.done === true ? null : y.value;
    if (fa !== null && (fb === null || fa.fingerprint < fb.fingerprint)) { yield [fa, null]; x = await a.next(); }
    else if (fb !== null && (fa === null || fb.fingerprint < fa.fingerprint)) { yield [null, fb]; y = await b.next(); }
    else { yield [fa, fb]; x = await a.next(); y = await b.next(); }
  }
}

/**
 * New, resolved and unchanged findings between two analyzed scans, per
 * category, with the score delta. Findings match by fingerprint, which holds
 * the evidence: a finding whose evidence changed counts as resolved plus new.
 * Accepted findings are left out on both sides. Streams both scans; memory
 * holds only the listed examples.
 */
export async function compareScans(store: ScanStore, baseId: string, headId: string, limit = 50): Promise<CompareResult> {
  const [baseScan, headScan] = [await requireScan(store, baseId), await requireScan(store, headId)];
  const [baseRecord, headRecord] = [await requireAnalysis(store, baseScan), await requireAnalysis(store, headScan)];
  const counts = new Map<string, CategoryDelta>(CATEGORIES.map((c) => [c, { category: c, new: 0, resolved: 0, unchanged: 0 }]));
  const bump = (category: string, key: 'new' | 'resolved' | 'unchanged'): void => {
    const d = counts.get(category) ?? { category, new: 0, resolved: 0, unchanged: 0 };
    d[key]++;
    counts.set(category, d);
  };
  const added: ReportFinding[] = [];
  const removed: ReportFinding[] = [];
  let truncated = false;
  const merged = mergeByFingerprint(openFindings(store, baseId)[Symbol.asyncIterator](), openFindings(store, headId)[Symbol.asyncIterator]());
  for await (const [before, after] of merged) {
    if (before && after) { bump(after.category, 'unchanged'); continue; }
    const f = before ?? after;
    if (!f) continue;
    const list = before ? removed : added;
    bump(f.category, before ? 'resolved' : 'new');
    if (list.length < limit) list.push(toReportFinding(f));
    else truncated = true;
  }
  const categories = [...counts.values()];
  const totals = categories.reduce((t, c) => ({ new: t.new + c.new, resolved: t.resolved + c.resolved, unchanged: t.unchanged + c.unchanged }), { new: 0, resolved: 0, unchanged: 0 });
  const baseScore = await computeScanScore(store, baseId, baseRecord.items, coverageOf(baseRecord));
  const headScore = await computeScanScore(store, headId, headRecord.items, coverageOf(headRecord));
  const baseVersions = new Map(baseRecord.runs.map((r) => [r.id, r.version]));
  const analyzerChanges = headRecord.runs.filter((r) => baseVersions.has(r.id) && baseVersions.get(r.id) !== r.version)
    .map((r) => ({ analyzer: r.id, base: baseVersions.get(r.id) ?? '', head: r.version }));
  const languageChange = baseRecord.languages.join(',') === headRecord.languages.join(',') ? {} : { languageChange: { base: baseRecord.languages, head: headRecord.languages } };
  return {
    base: { scanId: baseId, score: baseScore.score, grade: baseScore.grade, findings: baseScore.open },
    head: { scanId: headId, score: headScore.score, grade: headScore.grade, findings: headScore.open },
    scoreDelta: Math.round((headScore.score - baseScore.score) * 10) / 10,
    totals, categories, new: added, resolved: removed, truncated, analyzerChanges, ...languageChange,
  };
}
