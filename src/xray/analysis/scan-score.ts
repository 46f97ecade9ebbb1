import { z } from 'zod';
import type { XrayCategory } from '../../adapter-kit/index.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import { analyzerById, CATEGORIES } from './analyzer-registry.ts';
import { rankRecommendations, type FindingGroup, type Recommendation } from './recommendations.ts';
import { scoreOf, type CategoryTally, type ScoreResult } from './scoring.ts';
import { coverageFrom, FULL_COVERAGE, type Coverage } from './scan-inputs.ts';

/** What the analysis stored about a scan in its `overall` score row (details). */
export const analysisRecordSchema = z.object({
  grade: z.string(),
  capped: z.boolean().default(false),
  formulaVersion: z.string(),
  items: z.number(),
  /** Languages the scan's items were read in (none for a CMS without languages, and for analyses before 2026-12). */
  languages: z.array(z.string()).default([]),
  analyzedAt: z.number(),
  durationMs: z.number(),
  coverage: z.object({ supported: z.array(z.string()), unsupported: z.record(z.string(), z.string()) }),
  profile: z.object({ id: z.string(), version: z.string() }).nullable(),
  /** Open and accepted findings when the score was last computed. */
  findings: z.object({ open: z.number(), accepted: z.number() }).default({ open: 0, accepted: 0 }),
  runs: z.array(z.object({
    id: z.string(), version: z.string(), category: z.string(), status: z.enum(['ok', 'skipped', 'failed']),
    reason: z.string().optional(), findings: z.number(), ms: z.number(), metrics: z.record(z.string(), z.number()).default({}),
  })),
});
export type AnalysisRecord = z.infer<typeof analysisRecordSchema>;
export type AnalyzerRunRecord = AnalysisRecord['runs'][number];

export const OVERALL = 'overall';

export interface ScanScore extends ScoreResult {
  tallies: Map<XrayCategory, CategoryTally>;
  recommendations: Recommendation[];
  /** Open findings (accepted ones left out) and accepted ones. */
  open: number;
  accepted: number;
}

function emptyTally(): CategoryTally {
  return { critical: 0, warning: 0, info: 0 };
}

/** Scores a scan from its stored findings, leaving accepted ones out. Streams the findings; memory is per group. */
export async function computeScanScore(store: ScanStore, scanId: string, items: number, coverage: Coverage): Promise<ScanScore> {
  const tallies = new Map<XrayCategory, CategoryTally>();
  const groups = new Map<string, FindingGroup & { items: Set<string> }>();
  let open = 0;
  let accepted = 0;
  for await (const batch of store.iterateFindings(scanId, { batchSize: 2000 })) {
    for (const f of batch) {
      if (f.accepted !== null) { accepted++; continue; }
      const category = CATEGORIES.find((c) => c === f.category);
      if (category === undefined || !coverage.supported.includes(category)) continue;
      open++;
      const tally = tallies.get(category) ?? emptyTally();
      tally[f.severity]++;
      tallies.set(category, tally);
      const rule = typeof f.evidence['rule'] === 'string' ? f.evidence['rule'] : f.category;
      const key = `${category}\u0000${rule}`;
      let group = groups.get(key);
      if (!group) {
        const analyzer = analyzerById(f.analyzerId);
        group = { category, rule, analyzer: f.analyzerId, hint: analyzer?.hint ?? f.hint ?? '', docsAnchor: analyzer?.docsAnchor ?? category,
          minutesPerFinding: analyzer?.minutesPerFinding ?? 10, critical: 0, warning: 0, info: 0, affectedItems: 0, items: new Set() };
        groups.set(key, group);
      }
      group[f.severity]++;
      if (f.itemId !== null) group.items.add(f.itemId);
    }
  }
  const finished = [...groups.values()].map(({ items: ids, ...g }) => ({ ...g, affectedItems: ids.size }));
  const result = scoreOf(tallies, coverage.supported, items);
  return { ...result, tallies, recommendations: rankRecommendations(finished, tallies, coverage.supported, items), open, accepted };
}

/** The analysis record of a scan, or null when it was never analyzed. */
export async function readAnalysisRecord(store: ScanStore, scanId: string): Promise<{ score: number; record: AnalysisRecord } | null> {
  const overall = (await store.getScores(scanId)).find((s) => s.category === OVERALL);
  if (!overall) return null;
  const parsed = analysisRecordSchema.safeParse(overall.details);
  return parsed.success ? { score: overall.score, record: parsed.data } : null;
}

export function coverageOf(record: AnalysisRecord): Coverage {
  return record.coverage.supported.length === CATEGORIES.length ? FULL_COVERAGE : coverageFrom(record.coverage);
}

/** Stores the score rows: `overall` (with the analysis record) and one per covered category. */
export async function storeScore(store: ScanStore, scanId: string, score: ScanScore,
  record: Omit<AnalysisRecord, 'grade' | 'capped' | 'formulaVersion' | 'findings'>): Promise<AnalysisRecord> {
  const full: AnalysisRecord = { ...record, grade: score.grade, capped: score.capped, formulaVersion: score.formulaVersion, findings: { open: score.open, accepted: score.accepted } };
  await store.putScores(scanId, [
    { category: OVERALL, score: score.score, details: { ...full } },
    ...score.categories.map((c) => ({ category: c.category, score: c.score, details: { critical: c.critical, warning: c.warning, info: c.info, weighted: c.weighted, weight: c.weight } })),
  ]);
  return full;
}
