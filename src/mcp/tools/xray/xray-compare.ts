import { z } from 'zod';
import { xrayAnalysisOf } from '../../../xray/analysis/app-analysis.ts';
import type { CompareResult } from '../../../xray/analysis/compare-scans.ts';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { budgetNote, jsonSize, type ResponseBudget } from '../../tool-kit/response-budget.ts';
import { compareOutput } from './xray-report-schemas.ts';
import { scanIdArg } from './xray-schemas.ts';

const schema = z.strictObject({
  baseScanId: scanIdArg.describe('The earlier scan'),
  headScanId: scanIdArg.describe('The later scan'),
  limit: z.number().int().min(0).max(200).optional().describe('New and resolved findings to list (default 20); counts are always complete'),
});

/** Shortens the example lists until the result fits; the counts stay complete. */
export function fitCompare(result: CompareResult, budget: ResponseBudget): z.infer<typeof compareOutput> {
  let r: CompareResult = result;
  while (jsonSize(r) > budget.chars && r.new.length + r.resolved.length > 0) {
    r = { ...r, new: r.new.slice(0, Math.floor(r.new.length / 2)), resolved: r.resolved.slice(0, Math.floor(r.resolved.length / 2)), truncated: true };
  }
  return r === result ? r : { ...r, note: budgetNote(budget, 'fewer new and resolved findings are listed; the counts are complete.') };
}

export const xrayCompare = defineTool({
  name: 'xray_compare',
  title: 'Compare X-Ray scans',
  description: 'Compares two analyzed X-Ray scans: new, resolved and unchanged findings per category, the score delta, and the first '
    + 'new and resolved findings with their evidence. Findings match by fingerprint; accepted ones are left out.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: compareOutput,
  handler: ({ app, budget }) => (args) => app.calls.run({ tool: 'xray_compare' },
    async () => fitCompare(await xrayAnalysisOf(app).compare(args.baseScanId, args.headScanId, args.limit ?? 20), budget)),
});
