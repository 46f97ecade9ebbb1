import type { z } from 'zod';
import type { ProfileReference, XrayCategory, XrayModel } from '../../adapter-kit/index.ts';
import type { FindingSeverity, ScanRecord, StoredItem } from '../../store/scan-store-types.ts';
import type { ScanQuery } from './scan-query.ts';

export type { FindingSeverity } from '../../store/scan-store-types.ts';

/**
 * What an analyzer reads.
 * structure: the shared pass over every item without fields (tree, names, templates);
 * content: the shared pass over every item with its raw fields;
 * model: the adapter's X-Ray profile (without one the analyzer cannot run).
 */
export type AnalyzerNeed = 'structure' | 'content' | 'model';

/** One finding as an analyzer reports it; the runner adds the analyzer's identity, severity, hint and fingerprint. */
export interface FindingDraft {
  /** The sub-rule, e.g. rich-text-link, broad-rights, malformed-date. */
  rule: string;
  itemId: string;
  itemPath: string;
  language?: string;
  message: string;
  /**
   * What triggered it: the field and the exact raw value or reference. It is
   * part of the fingerprint, so it must not hold anything that changes from
   * scan to scan while the problem stays the same (ages, counts of unrelated items).
   */
  evidence: FindingEvidence;
  /** Extra facts for the report that are not part of the fingerprint (age in days, sizes...). */
  detail?: Record<string, unknown>;
  /** Overrides the analyzer's default severity for this finding. */
  severity?: FindingSeverity;
}

export interface FindingEvidence {
  field?: string;
  value?: string;
  target?: string;
  account?: string;
  [key: string]: string | number | boolean | undefined;
}

export interface AnalyzerContext<O> {
  readonly scan: ScanRecord;
  /** The scan's clock: stale content is measured against when the scan started. */
  readonly now: number;
  readonly options: O;
  /** The adapter profile's model, or null when the adapter supplies none (analyzers needing it are skipped). */
  readonly model: XrayModel | null;
  readonly query: ScanQuery;
  /** The model's references of an item, computed once per item for all analyzers. */
  referencesOf(item: StoredItem): readonly ProfileReference[];
  /**
   * Targets the crawl did not store but the engine's probe found to exist
   * (unreadable for the scanning account, or outside the scanned tree):
   * canonical ids and path keys. References to them are unresolvable, not broken.
   */
  readonly existingElsewhere: ReadonlySet<string>;
  /** Adds to one of the analyzer's counters, shown in the report's stats. */
  count(metric: string, by?: number): void;
  readonly signal: AbortSignal;
}

/** An analyzer's tunable options: a strict object schema with defaults (`xray.analyzers.<id>.<option>`). */
export type AnalyzerOptions<S extends z.ZodRawShape> = z.ZodObject<S, z.core.$strict>;

export interface Analyzer<S extends z.ZodRawShape> {
  readonly id: string;
  /** Semver of the rule set; findings carry it so scans made with different versions can be told apart. */
  readonly version: string;
  readonly title: string;
  readonly category: XrayCategory;
  readonly severity: FindingSeverity;
  /** Tunable options with their defaults (`xray.analyzers.<id>.<option>`). */
  readonly options: AnalyzerOptions<S>;
  readonly needs: readonly AnalyzerNeed[];
  /** What to do about a finding, in one or two sentences. */
  readonly hint: string;
  /** Anchor in docs/xray.md that explains the rule, its thresholds and sources. */
  readonly docsAnchor: string;
  /** Minutes a person needs to fix one finding (for ranking recommendations by effort). */
  readonly minutesPerFinding: number;
  run(ctx: AnalyzerContext<z.output<AnalyzerOptions<S>>>): AsyncIterable<FindingDraft>;
}

/** An analyzer with its options type erased, as the registry holds it: `run` parses the raw options itself. */
export interface RegisteredAnalyzer extends Omit<Analyzer<z.ZodRawShape>, 'run' | 'options'> {
  readonly options: z.ZodObject;
  run(ctx: Omit<AnalyzerContext<unknown>, 'options'>, rawOptions: unknown): AsyncIterable<FindingDraft>;
}

export function defineAnalyzer<S extends z.ZodRawShape>(analyzer: Analyzer<S>): RegisteredAnalyzer {
  const { run, options, ...meta } = analyzer;
  return {
    ...meta,
    options,
    run: (ctx, rawOptions) => run({ ...ctx, options: options.parse(rawOptions ?? {}) }),
  };
}
