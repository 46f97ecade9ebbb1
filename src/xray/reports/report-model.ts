import type { XrayCategory } from '../../adapter-kit/index.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { requireScan, type ScanStore } from '../../store/scan-store.ts';
import type { FindingSeverity, ListFindingsQuery, ScanRecord, StoredFinding } from '../../store/scan-store-types.ts';
import { analyzerById, ANALYZERS, CATEGORIES } from '../analysis/analyzer-registry.ts';
import { computeScanScore, coverageOf, readAnalysisRecord, type AnalysisRecord } from '../analysis/scan-score.ts';
import type { Recommendation } from '../analysis/recommendations.ts';
import type { Grade } from '../analysis/scoring.ts';
import { readTrend, type TrendPoint } from '../analysis/trends.ts';
import { readScopeNotes } from '../analysis/scan-inputs.ts';

/**
 * The report of one analyzed scan (docs/xray.md "Report JSON schema"):
 * everything but the findings, which renderers stream from the store so a
 * scan of a million items never sits in memory.
 */
export const REPORT_SCHEMA = 'https://conduit.dev/schemas/xray-report/v1';

export interface ReportFinding {
  fingerprint: string;
  analyzer: string;
  analyzerVersion: string;
  category: string;
  rule: string;
  severity: FindingSeverity;
  itemId: string | null;
  itemPath: string | null;
  language: string | null;
  message: string;
  /** What triggered it: field, raw value, target, account. */
  evidence: Record<string, string | number | boolean>;
  detail?: Record<string, unknown>;
  hint: string | null;
  docs: string;
  accepted: { reason: string; by: string | null; at: string } | null;
}

export interface ReportCategory {
  category: XrayCategory;
  title: string;
  covered: boolean;
  /** Why the source cannot see it (uncovered categories only). */
  reason?: string;
  score: number | null;
  findings: number;
  critical: number;
  warning: number;
  info: number;
  weight: number;
}

export interface ReportModel {
  $schema: string;
  generatedAt: string;
  scan: {
    id: string; adapter: string; root: string | null; status: string; truncated: boolean; warning: string | null;
    /** What the adapter said about the scan's scope that the findings cannot show (e.g. languages left out). */
    notes: string[];
    startedAt: string | null; finishedAt: string | null;
  };
  score: number;
  grade: Grade;
  /** An open critical finding held the score at 89. */
  capped: boolean;
  formulaVersion: string;
  stats: {
    items: number;
    /** Languages the items were read in; empty for a CMS without languages. */
    languages: string[];
    findings: number;
    accepted: number;
    bySeverity: Record<FindingSeverity, number>;
    analysisMs: number;
    analyzers: AnalysisRecord['runs'];
    profile: AnalysisRecord['profile'];
  };
  coverage: { supported: string[]; unsupported: Array<{ category: string; reason: string }> };
  categories: ReportCategory[];
  recommendations: Recommendation[];
  /** Earlier analyzed scans of the same adapter, oldest first, this one last. */
  trend: TrendPoint[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toReportFinding(f: StoredFinding): ReportFinding {
  const { rule, detail, ...evidence } = f.evidence;
  const flat = Object.fromEntries(Object.entries(evidence).filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1])));
  const analyzer = analyzerById(f.analyzerId);
  return {
    fingerprint: f.fingerprint, analyzer: f.analyzerId, analyzerVersion: f.analyzerVersion, category: f.category,
    rule: typeof rule === 'string' ? rule : f.category, severity: f.severity,
    itemId: f.itemId, itemPath: f.itemPath, language: f.language, message: f.message, evidence: flat,
    ...(detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? { detail: Object.fromEntries(Object.entries(detail)) } : {}),
    hint: f.hint, docs: `docs/xray.md#${analyzer?.docsAnchor ?? f.category}`,
    accepted: f.accepted === null ? null : { reason: f.accepted.reason, by: f.accepted.acceptedBy, at: new Date(f.accepted.acceptedAt).toISOString() },
  };
}

export async function requireAnalysis(store: ScanStore, scan: ScanRecord): Promise<AnalysisRecord> {
  const stored = await readAnalysisRecord(store, scan.id);
  if (!stored) {
    throw new ConduitError('XRAY_NOT_ANALYZED', `Scan ${scan.id} (${scan.status}) has not been analyzed yet.`, {
      hint: scan.status === 'running' || scan.status === 'pending'
        ? 'Wait for the scan to finish (`conduit xray status <scanId>`): it is analyzed when the crawl ends.'
        : 'This scan ended without an analysis; start a new one with `conduit xray scan --adapter <name> --wait`.',
      details: { scanId: scan.id, status: scan.status },
    });
  }
  return stored.record;
}

/** The report model: the stored analysis, the score recomputed over current acceptances, and the adapter's trend. */
export async function buildReportModel(store: ScanStore, scanId: string, now = Date.now()): Promise<ReportModel> {
  const scan = await requireScan(store, scanId);
  const record = await requireAnalysis(store, scan);
  const coverage = coverageOf(record);
  const score = await computeScanScore(store, scanId, record.items, coverage);
  const byCategory = new Map(score.categories.map((c) => [c.category, c]));
  const categories: ReportCategory[] = CATEGORIES.map((category) => {
    const title = ANALYZERS.find((a) => a.category === category)?.title ?? category;
    const c = byCategory.get(category);
    if (!c) return { category, title, covered: false, reason: coverage.unsupported[category] ?? 'not covered', score: null, findings: 0, critical: 0, warning: 0, info: 0, weight: 0 };
    return { category, title, covered: true, score: c.score, findings: c.findings, critical: c.critical, warning: c.warning, info: c.info, weight: c.weight };
  });
  const bySeverity = { critical: 0, warning: 0, info: 0 };
  for (const c of score.categories) { bySeverity.critical += c.critical; bySeverity.warning += c.warning; bySeverity.info += c.info; }
  return {
    $schema: REPORT_SCHEMA,
    generatedAt: new Date(now).toISOString(),
    scan: { id: scan.id, adapter: scan.adapter, root: scan.root, status: scan.status, truncated: scan.truncated, warning: scan.warning,
      notes: await readScopeNotes(store, scanId), startedAt: iso(scan.startedAt), finishedAt: iso(scan.finishedAt) },
    score: score.score, grade: score.grade, capped: score.capped, formulaVersion: score.formulaVersion,
    stats: { items: record.items, languages: record.languages, findings: score.open, accepted: score.accepted, bySeverity, analysisMs: record.durationMs, analyzers: record.runs, profile: record.profile },
    coverage: { supported: coverage.supported, unsupported: Object.entries(coverage.unsupported).map(([category, reason]) => ({ category, reason: reason ?? '' })) },
    categories,
    recommendations: score.recommendations,
    trend: await readTrend(store, scan.adapter, { until: scan }),
  };
}

/** The scan's findings as report entries, streamed in fingerprint order. */
export async function* reportFindings(store: ScanStore, scanId: string, query: Omit<ListFindingsQuery, 'limit' | 'cursor'> = {}): AsyncGenerator<ReportFinding[]> {
  for await (const batch of store.iterateFindings(scanId, { ...query, batchSize: 1000 })) yield batch.map(toReportFinding);
}
