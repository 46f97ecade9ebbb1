import { z } from 'zod';
import type { ScanProgress } from '../../../xray/engine/engine-types.ts';
import { idString } from '../../tool-kit/tool-input.ts';

const taskCounts = z.object({ pending: z.number(), leased: z.number(), done: z.number(), failed: z.number(), total: z.number() });

/** A scan as the xray_* tools return it (the store's view: the same from any Conduit process). */
export const scanViewSchema = z.object({
  scanId: z.string(),
  adapter: z.string(),
  root: z.string().nullable(),
  status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']),
  phase: z.string().nullable().describe('crawl, interrupted, truncated, deep-fetch, probe, analyze, done'),
  truncated: z.boolean().describe('The scan stopped at maxItems; findings cover part of the tree'),
  warning: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the scan failed'),
  maxItems: z.number().nullable(),
  items: z.number(),
  references: z.number(),
  pages: z.number(),
  requests: z.number(),
  tasks: taskCounts.optional(),
  notes: z.array(z.string()).optional().describe('What the scan leaves out by its scope, e.g. languages the instance has but the scan does not read'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  lastCommitAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  hint: z.string().optional(),
});

export const scanIdArg = idString().describe('The scan id xray_scan or xray_list returned');

/** One line for a progress notification: what a person watching wants to read. */
export function progressMessage(p: ScanProgress): string {
  const eta = p.etaSeconds === null ? '' : `, about ${p.etaSeconds} s left`;
  const phase = p.phase && p.phase !== 'crawl' ? ` (${p.phase})` : '';
  return `scan ${p.scanId}: ${p.items.toLocaleString('en')} items, ${Math.round(p.requestsPerSecond)} requests/s, ${p.errors} errors${eta}${phase}`;
}
