import type { XrayModel, XrayProfile } from '../../adapter-kit/index.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import { silentLogger, type Logger } from '../../core/ports.ts';
import { requireScan, type ScanStore } from '../../store/scan-store.ts';
import type { ScanRecord, StoredItem } from '../../store/scan-store-types.ts';
import { ANALYZERS } from './analyzer-registry.ts';
import type { RegisteredAnalyzer } from './analyzer-types.ts';
import { createBatchMemo } from './batch-memo.ts';
import { FindingSink } from './finding-sink.ts';
import { createDeferredModel, type DeferredModel } from './profile-model.ts';
import { readScanInputs, FULL_COVERAGE, type Coverage } from './scan-inputs.ts';
import { createScanQuery, openContentPass, openStructurePass } from './scan-query.ts';
import { computeScanScore, storeScore, type AnalysisRecord, type AnalyzerRunRecord, type ScanScore } from './scan-score.ts';
import { createSharedPass } from './shared-pass.ts';
import { analyzerSettings, type AnalyzerSettings, type XrayConfig } from './xray-config-schema.ts';

export interface AnalyzeOptions {
  /** The adapter's X-Ray profile; null runs only the analyzers that need none. */
  profile: XrayProfile | null;
  /** What the source could see; default: the scan's `xray.coverage` event, else every category. */
  coverage?: Coverage;
  config?: XrayConfig;
  /** Default: every registered analyzer. */
  analyzers?: readonly RegisteredAnalyzer[];
  logger?: Logger;
  signal?: AbortSignal;
}

export interface AnalysisResult {
  scanId: string;
  record: AnalysisRecord;
  score: ScanScore;
}

interface Planned { analyzer: RegisteredAnalyzer; settings: AnalyzerSettings; skip?: string }

const RUNNER = '#runner';

function plan(analyzers: readonly RegisteredAnalyzer[], config: XrayConfig | undefined, coverage: Coverage, model: XrayModel | null): Planned[] {
  return analyzers.map((analyzer) => {
    const settings = analyzerSettings(config, analyzer.id);
    if (!settings.enabled) return { analyzer, settings, skip: `switched off (xray.analyzers.${analyzer.id}.enabled: false)` };
    const reason = coverage.unsupported[analyzer.category];
    if (!coverage.supported.includes(analyzer.category)) return { analyzer, settings, skip: `not visible to this source: ${reason ?? 'unsupported'}` };
    if (analyzer.needs.includes('model') && model === null) return { analyzer, settings, skip: 'the adapter supplies no X-Ray profile to read its fields with' };
    return { analyzer, settings };
  });
}

/**
 * Analyzes a stored scan: runs every enabled analyzer the source's coverage
 * and the adapter profile allow, over two shared passes of the store,
 * replaces the scan's findings, and stores the score. Never calls the CMS.
 * An analyzer that fails is reported as failed; the others still run.
 */
export async function analyzeScan(store: ScanStore, scanId: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const scan = await requireScan(store, scanId);
  const inputs = await readScanInputs(store, scanId);
  const coverage = options.coverage ?? inputs.coverage ?? FULL_COVERAGE;
  const deferred = options.profile === null ? null : createDeferredModel(options.profile);
  const planned = plan(options.analyzers ?? ANALYZERS, options.config, coverage, deferred?.model ?? null);
  await store.deleteFindings(scanId);
  const { runs, items, languages } = await runPlanned(store, scan, planned, { deferred, existingElsewhere: inputs.resolvedElsewhere, logger, signal: options.signal ?? new AbortController().signal });
  const score = await computeScanScore(store, scanId, items, coverage);
  const record = await storeScore(store, scanId, score, {
    items, languages, analyzedAt: Date.now(), durationMs: Math.round(performance.now() - started), coverage: { supported: coverage.supported, unsupported: coverageReasons(coverage) },
    profile: options.profile ? { id: options.profile.id, version: options.profile.version } : null, runs,
  });
  logger.info({ scanId, score: score.score, grade: score.grade, findings: score.open, ms: record.durationMs }, 'x-ray analysis finished');
  return { scanId, record, score };
}

function coverageReasons(coverage: Coverage): Record<string, string> {
  return Object.fromEntries(Object.entries(coverage.unsupported).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

interface RunDeps { deferred: DeferredModel | null; existingElsewhere: ReadonlySet<string>; logger: Logger; signal: AbortSignal }

async function runPlanned(store: ScanStore, scan: ScanRecord, planned: Planned[], deps: RunDeps): Promise<{ runs: AnalyzerRunRecord[] } & ItemCount> {
  const active = planned.filter((p) => p.skip === undefined);
  const memo = createBatchMemo(deps.deferred?.model ?? null);
  const structure = createSharedPass(openStructurePass(store, scan.id), [RUNNER, ...active.filter((p) => p.analyzer.needs.includes('structure')).map((p) => p.analyzer.id)],
    undefined, () => memo.clear());
  // The content pass needs the full model: definitions are spotted in the structure pass and read by id in between.
  const modelReady = structure.done.then(() => deps.deferred?.load(store, scan.id));
  const content = createSharedPass(openContentPass(store, scan.id), active.filter((p) => p.analyzer.needs.includes('content')).map((p) => p.analyzer.id),
    modelReady.catch(() => undefined), () => memo.clear());
  const { model, referencesOf } = memo;
  const passes = { structure, content };
  const sink = new FindingSink(store, scan.id);
  const counting = countItems(passes.structure.subscribe(RUNNER), deps.deferred).finally(() => passes.structure.release(RUNNER));
  const runs = await Promise.all(planned.map(async (p): Promise<AnalyzerRunRecord> => {
    const base = { id: p.analyzer.id, version: p.analyzer.version, category: p.analyzer.category };
    if (p.skip !== undefined) return { ...base, status: 'skipped', reason: p.skip, findings: 0, ms: 0, metrics: {} };
    const t0 = performance.now();
    const metrics: Record<string, number> = {};
    let findings = 0;
    try {
      const ctx = {
        scan, now: scan.startedAt ?? scan.createdAt, model, query: createScanQuery(store, scan, passes, p.analyzer.id),
        referencesOf, existingElsewhere: deps.existingElsewhere, signal: deps.signal,
        count: (metric: string, by = 1) => { metrics[metric] = (metrics[metric] ?? 0) + by; },
      };
      for await (const draft of p.analyzer.run(ctx, p.settings.options)) {
        if (deps.signal.aborted) throw new ConduitError('SHUTTING_DOWN', `X-Ray analysis of scan ${scan.id} was stopped.`);
        if (await sink.add(p.analyzer, p.settings, draft)) findings++;
      }
      return { ...base, status: 'ok', findings, ms: Math.round(performance.now() - t0), metrics };
    } catch (error) {
      deps.logger.error({ err: error, scanId: scan.id, analyzer: p.analyzer.id }, 'x-ray analyzer failed');
      return { ...base, status: 'failed', reason: error instanceof Error ? error.message : String(error), findings, ms: Math.round(performance.now() - t0), metrics };
    } finally {
      passes.structure.release(p.analyzer.id);
      passes.content.release(p.analyzer.id);
    }
  }));
  const { items, languages } = await counting;
  // A failure to read the definitions fails the analysis (the content pass ran without the schema).
  await modelReady;
  await sink.flush();
  return { runs, items, languages };
}

interface ItemCount { items: number; languages: string[] }

/**
 * Distinct items of the scan (language versions counted once), for the score's size normalisation, and the
 * languages they were read in, for the report; notes definition items.
 */
async function countItems(stream: AsyncIterable<readonly StoredItem[]>, deferred: DeferredModel | null): Promise<ItemCount> {
  let n = 0;
  let last: string | undefined;
  const languages = new Set<string>();
  for await (const batch of stream) {
    for (const item of batch) {
      if (item.language !== '') languages.add(item.language);
      if (item.id === last) continue;
      last = item.id;
      n++;
      deferred?.note(item);
    }
  }
  return { items: n, languages: [...languages].sort() };
}
