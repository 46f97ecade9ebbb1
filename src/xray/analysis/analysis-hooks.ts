import type { XraySource } from '../../adapter-kit/index.ts';
import type { HookContext, ScanHooks } from '../engine/engine-types.ts';
import { analyzeScan, type AnalysisResult } from './run-analysis.ts';
import { coverageFrom, TARGET_PROBE_EVENT, type Coverage } from './scan-inputs.ts';
import { findUnresolvedTargets } from './unresolved-targets.ts';
import type { XrayConfig } from './xray-config-schema.ts';

export interface AnalysisHookOptions {
  config?: XrayConfig;
  /** Called with each finished analysis (tests, demo). */
  onAnalyzed?(result: AnalysisResult): void;
}

export function coverageOfSource(source: XraySource): Coverage {
  return coverageFrom({ supported: [...source.supportedCategories], unsupported: { ...source.unsupportedCategories } });
}

/**
 * The scan engine's `analyze` hook: asks the source about referenced targets the crawl did not store (when it can
 * probe), then analyzes the stored scan. Idempotent: a re-run after a crash
 * appends the probe again (answers add up) and replaces the findings.
 */
export function createAnalysisHooks(options: AnalysisHookOptions = {}): ScanHooks {
  return {
    async analyze(ctx: HookContext): Promise<void> {
      const { store, scan, source, signal, logger } = ctx;
      // The scan service recorded the coverage when it created the scan; the live source says the same.
      const coverage = coverageOfSource(source);
      const profile = source.profile ?? null;
      if (profile !== null && source.probeTargets) {
        await ctx.setPhase('probe');
        const targets = await findUnresolvedTargets(store, scan.id, profile);
        if (targets.ids.length + targets.paths.length > 0) {
          const probe = await source.probeTargets({ ids: targets.ids, paths: targets.paths }, signal);
          await store.appendEvent(scan.id, TARGET_PROBE_EVENT, { ...probe, truncated: targets.truncated });
        }
      }
      await ctx.setPhase('analyze');
      const result = await analyzeScan(store, scan.id, { profile, coverage, ...(options.config ? { config: options.config } : {}), logger, signal });
      options.onAnalyzed?.(result);
    },
  };
}
