import { z } from 'zod';
import { ANALYZERS } from './analyzer-registry.ts';

const severitySchema = z.enum(['critical', 'warning', 'info']);

/**
 * The `xray` block of the config: `xray.analyzers.<id>` switches an analyzer
 * off (`enabled: false`), overrides its severity, or tunes its options
 * (`xray.analyzers.stale-content.days: 180`). Built from the registry, so an
 * unknown analyzer or option is reported with its dot-path.
 */
function analyzerBlock(options: z.ZodObject): z.ZodType {
  return options.extend({
    enabled: z.boolean().default(true),
    /** Every finding of the analyzer gets this severity instead of the analyzer's own. */
    severity: severitySchema.optional(),
  }).prefault({});
}

export const xrayConfigSchema = z.strictObject({
  analyzers: z.strictObject(Object.fromEntries(ANALYZERS.map((a) => [a.id, analyzerBlock(a.options)]))).prefault({}),
  /** Directory `conduit demo` and `xray report --out` default to for report files. */
  reportDir: z.string().min(1).default('./conduit-reports'),
});

export type XrayConfig = z.infer<typeof xrayConfigSchema>;

export interface AnalyzerSettings {
  enabled: boolean;
  severity?: z.infer<typeof severitySchema>;
  /** The analyzer's own options (defaults applied). */
  options: Record<string, unknown>;
}

/** The settings of one analyzer from a parsed `xray` block (defaults when the block or the analyzer is absent). */
export function analyzerSettings(config: XrayConfig | undefined, id: string): AnalyzerSettings {
  const parsed = (config ?? xrayConfigSchema.parse({})).analyzers;
  const block: unknown = Object.entries(parsed).find(([key]) => key === id)?.[1] ?? {};
  const { enabled, severity, ...options } = z.looseObject({ enabled: z.boolean().default(true), severity: severitySchema.optional() }).parse(block);
  return { enabled, ...(severity ? { severity } : {}), options };
}
