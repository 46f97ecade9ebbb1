import { z } from 'zod';

/**
 * The JSON report's schema (docs/xray.md "Report JSON schema"), stable
 * within `$schema` v1: fields may be added, none removed or changed.
 */
const severity = z.enum(['critical', 'warning', 'info']);
const grade = z.enum(['A', 'B', 'C', 'D', 'F']);

export const reportFindingSchema = z.object({
  fingerprint: z.string(),
  analyzer: z.string(),
  analyzerVersion: z.string(),
  category: z.string(),
  rule: z.string(),
  severity,
  itemId: z.string().nullable(),
  itemPath: z.string().nullable(),
  language: z.string().nullable(),
  message: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  detail: z.record(z.string(), z.unknown()).optional(),
  hint: z.string().nullable(),
  docs: z.string(),
  accepted: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});

export const reportJsonSchema = z.object({
  $schema: z.literal('https://conduit.dev/schemas/xray-report/v1'),
  generatedAt: z.string(),
  scan: z.object({
    id: z.string(), adapter: z.string(), root: z.string().nullable(), status: z.string(), truncated: z.boolean(), warning: z.string().nullable(),
    /** What the adapter said about the scan's scope that the findings cannot show (e.g. languages left out). */
    notes: z.array(z.string()),
    startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  }),
  score: z.number().min(0).max(100),
  grade,
  capped: z.boolean(),
  formulaVersion: z.string(),
  stats: z.object({
    items: z.number(), findings: z.number(), accepted: z.number(),
    /** Languages the items were read in; empty for a CMS without languages. */
    languages: z.array(z.string()),
    bySeverity: z.object({ critical: z.number(), warning: z.number(), info: z.number() }),
    analysisMs: z.number(),
    analyzers: z.array(z.object({ id: z.string(), version: z.string(), category: z.string(), status: z.enum(['ok', 'skipped', 'failed']), reason: z.string().optional(), findings: z.number(), ms: z.number(), metrics: z.record(z.string(), z.number()) })),
    profile: z.object({ id: z.string(), version: z.string() }).nullable(),
  }),
  coverage: z.object({ supported: z.array(z.string()), unsupported: z.array(z.object({ category: z.string(), reason: z.string() })) }),
  categories: z.array(z.object({
    category: z.string(), title: z.string(), covered: z.boolean(), reason: z.string().optional(), score: z.number().nullable(),
    findings: z.number(), critical: z.number(), warning: z.number(), info: z.number(), weight: z.number(),
  })),
  recommendations: z.array(z.object({
    rank: z.number(), category: z.string(), rule: z.string(), title: z.string(), hint: z.string(), docs: z.string(), findings: z.number(),
    affectedItems: z.number(), impact: z.number(), effort: z.enum(['low', 'medium', 'high']), effortMinutes: z.number(),
  })),
  trend: z.array(z.object({ scanId: z.string(), at: z.string(), score: z.number(), grade, findings: z.number(), items: z.number() })),
  findings: z.array(reportFindingSchema),
});

export type ReportJson = z.infer<typeof reportJsonSchema>;
