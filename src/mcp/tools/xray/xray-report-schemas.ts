import { z } from 'zod';

/** Output shapes of the xray_report / xray_compare / xray_graph / xray_health tools (docs/xray.md). */
export const severityArg = z.enum(['critical', 'warning', 'info']);

export const findingSchema = z.object({
  fingerprint: z.string().describe('Stable id of the finding across scans; changes when its evidence changes'),
  analyzer: z.string(),
  analyzerVersion: z.string(),
  category: z.string(),
  rule: z.string().describe('Sub-rule, e.g. rich-text-link, broad-rights, malformed-date'),
  severity: severityArg,
  itemId: z.string().nullable(),
  itemPath: z.string().nullable(),
  language: z.string().nullable(),
  message: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('field, value (the exact raw value), target, account'),
  detail: z.record(z.string(), z.unknown()).optional(),
  hint: z.string().nullable(),
  docs: z.string(),
  accepted: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});

export const reportSummarySchema = z.object({
  grade: z.enum(['A', 'B', 'C', 'D', 'F']),
  score: z.number(),
  capped: z.boolean(),
  stats: z.object({
    items: z.number(), findings: z.number(), accepted: z.number(), bySeverity: z.record(z.string(), z.number()),
    languages: z.array(z.string()).describe('Languages the items were read in; empty for a CMS without languages'),
  }),
  notes: z.array(z.string()).describe('What the scan could not see by its scope, e.g. languages it left out: say so when you report on it'),
  categories: z.array(z.object({ category: z.string(), covered: z.boolean(), score: z.number().nullable(), findings: z.number(), reason: z.string().optional() })),
  recommendations: z.array(z.object({ rank: z.number(), title: z.string(), hint: z.string(), findings: z.number(), affectedItems: z.number(), impact: z.number(), effort: z.string() })),
});

export const reportOutput = z.object({
  scanId: z.string(),
  adapter: z.string(),
  summary: reportSummarySchema.optional().describe('On the first page only'),
  findings: z.array(findingSchema),
  total: z.number().optional(),
  nextCursor: z.string().optional(),
  truncated: z.boolean().optional(),
  note: z.string().optional(),
});

export const compareOutput = z.object({
  base: z.object({ scanId: z.string(), score: z.number(), grade: z.string(), findings: z.number() }),
  head: z.object({ scanId: z.string(), score: z.number(), grade: z.string(), findings: z.number() }),
  scoreDelta: z.number(),
  totals: z.object({ new: z.number(), resolved: z.number(), unchanged: z.number() }),
  categories: z.array(z.object({ category: z.string(), new: z.number(), resolved: z.number(), unchanged: z.number() })),
  new: z.array(findingSchema),
  resolved: z.array(findingSchema),
  truncated: z.boolean(),
  analyzerChanges: z.array(z.object({ analyzer: z.string(), base: z.string(), head: z.string() })),
  languageChange: z.object({ base: z.array(z.string()), head: z.array(z.string()) }).optional()
    .describe('Set when the scans read different languages: findings in a language only one read count as new or resolved'),
  note: z.string().optional(),
});

export const graphOutput = z.object({
  root: z.string(),
  depth: z.number(),
  nodes: z.array(z.object({ id: z.string(), name: z.string(), path: z.string().nullable(), type: z.string(), depth: z.number() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string(), field: z.string().optional() })),
  truncated: z.boolean(),
  mermaid: z.string().optional(),
});

export const healthOutput = z.object({
  adapter: z.string(),
  lastScan: z.object({
    scanId: z.string(), status: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
    grade: z.string(), score: z.number(), findings: z.number(), items: z.number(),
  }).nullable(),
  adapterHealth: z.object({ loaded: z.boolean(), breaker: z.string(), lastSuccessAt: z.string().optional() }).nullable(),
  store: z.object({ ok: z.boolean(), kind: z.string(), message: z.string().optional() }),
  hint: z.string().optional(),
});
