import type { XrayProfile } from '../../adapter-kit/index.ts';
import { silentLogger, type Logger } from '../../core/ports.ts';
import { requireScan, type ScanStore } from '../../store/scan-store.ts';
import type { AcceptedFinding, FindingSeverity, ScanRecord } from '../../store/scan-store-types.ts';
import { renderScanReport } from '../reports/render-report.ts';
import type { ReportWrite } from '../reports/report-format.ts';
import { buildReportModel, requireAnalysis, toReportFinding, type ReportFinding, type ReportModel } from '../reports/report-model.ts';
import { compareScans, type CompareResult } from './compare-scans.ts';
import { graphToMermaid, itemGraph, type ItemGraph } from './item-graph.ts';
import { loadProfileModel } from './profile-model.ts';
import { analyzeScan, type AnalysisResult } from './run-analysis.ts';
import type { Coverage } from './scan-inputs.ts';
import { computeScanScore, coverageOf, readAnalysisRecord, storeScore, type AnalysisRecord } from './scan-score.ts';
import { readTrend, type TrendPoint } from './trends.ts';
import type { XrayConfig } from './xray-config-schema.ts';

export interface FindingsQuery {
  category?: string;
  severity?: FindingSeverity;
  includeAccepted?: boolean;
  limit?: number;
  cursor?: string;
}

export interface LastAnalysis {
  scan: ScanRecord;
  record: AnalysisRecord;
  score: number;
}

/** The read side of X-Ray analysis for both front doors (CLI, MCP): reports, findings, compare, trends, graph, acceptances. */
export interface XrayAnalysisService {
  /** Analyzes (again) a stored scan; `profile` is the adapter's, null for CMS-neutral analyzers only. */
  analyze(scanId: string, options: { profile: XrayProfile | null; coverage?: Coverage }): Promise<AnalysisResult>;
  reportModel(scanId: string): Promise<ReportModel>;
  render(scanId: string, format: string, write: ReportWrite): Promise<ReportModel>;
  findings(scanId: string, query?: FindingsQuery): Promise<{ findings: ReportFinding[]; nextCursor: string | null }>;
  compare(baseScanId: string, headScanId: string, limit?: number): Promise<CompareResult>;
  trends(adapter: string, limit?: number): Promise<TrendPoint[]>;
  graph(scanId: string, ref: { id?: string; path?: string }, options: { depth: number; maxNodes: number }): Promise<ItemGraph & { mermaid: string }>;
  /** The adapter's newest analyzed scan, or null. */
  lastAnalysis(adapter: string): Promise<LastAnalysis | null>;
  /** Accepts a finding of a scan (for its adapter, across scans) and rescores the scan. */
  accept(scanId: string, fingerprint: string, reason: string, acceptedBy?: string): Promise<AcceptedFinding>;
  unaccept(scanId: string, fingerprint: string): Promise<boolean>;
}

export interface AnalysisServiceDeps {
  store(): Promise<ScanStore>;
  config?: XrayConfig;
  /** The X-Ray profile of a configured adapter (for re-analysis and the graph); null when it has none or is not configured. */
  profileFor?(adapter: string): XrayProfile | null;
  logger?: Logger;
}

export function createXrayAnalysisService(deps: AnalysisServiceDeps): XrayAnalysisService {
  const logger = deps.logger ?? silentLogger;

  async function rescore(store: ScanStore, scanId: string): Promise<void> {
    const stored = await readAnalysisRecord(store, scanId);
    if (!stored) return;
    const { grade: _g, capped: _c, formulaVersion: _f, findings: _n, ...rest } = stored.record;
    await storeScore(store, scanId, await computeScanScore(store, scanId, rest.items, coverageOf(stored.record)), rest);
  }

  return {
    async analyze(scanId, options) {
      return analyzeScan(await deps.store(), scanId, { ...options, ...(deps.config ? { config: deps.config } : {}), logger });
    },
    async reportModel(scanId) {
      return buildReportModel(await deps.store(), scanId);
    },
    async render(scanId, format, write) {
      return renderScanReport(await deps.store(), scanId, format, write);
    },
    async findings(scanId, query = {}) {
      const store = await deps.store();
      await requireAnalysis(store, await requireScan(store, scanId));
      const page = await store.listFindings(scanId, {
        ...(query.category ? { category: query.category } : {}), ...(query.severity ? { severity: query.severity } : {}),
        excludeAccepted: query.includeAccepted !== true, limit: query.limit ?? 50, ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { findings: page.entries.map(toReportFinding), nextCursor: page.nextCursor };
    },
    async compare(baseScanId, headScanId, limit) {
      return compareScans(await deps.store(), baseScanId, headScanId, limit);
    },
    async trends(adapter, limit) {
      return readTrend(await deps.store(), adapter, { ...(limit ? { limit } : {}) });
    },
    async graph(scanId, ref, options) {
      const store = await deps.store();
      const scan = await requireScan(store, scanId);
      const profile = deps.profileFor?.(scan.adapter) ?? null;
      const model = profile === null ? null : await loadProfileModel(store, scanId, profile);
      const graph = await itemGraph(store, scanId, ref, { ...options, model });
      return { ...graph, mermaid: graphToMermaid(graph) };
    },
    async lastAnalysis(adapter) {
      const store = await deps.store();
      let cursor: string | undefined;
      do {
        const page = await store.listScans({ adapter, limit: 20, ...(cursor ? { cursor } : {}) });
        for (const scan of page.entries) {
          const stored = await readAnalysisRecord(store, scan.id);
          if (stored) return { scan, record: stored.record, score: stored.score };
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return null;
    },
    async accept(scanId, fingerprint, reason, acceptedBy) {
      const store = await deps.store();
      const scan = await requireScan(store, scanId);
      const accepted = await store.acceptFinding({ adapter: scan.adapter, fingerprint, reason, scanId, ...(acceptedBy ? { acceptedBy } : {}) });
      await rescore(store, scanId);
      return accepted;
    },
    async unaccept(scanId, fingerprint) {
      const store = await deps.store();
      const scan = await requireScan(store, scanId);
      const removed = await store.unacceptFinding(scan.adapter, fingerprint);
      await rescore(store, scanId);
      return removed;
    },
  };
}
