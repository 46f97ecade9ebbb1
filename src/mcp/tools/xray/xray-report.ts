import { z } from 'zod';
import type { App } from '../../../app-types.ts';
import { xrayAnalysisOf } from '../../../xray/analysis/app-analysis.ts';
import type { ReportFinding, ReportModel } from '../../../xray/reports/report-model.ts';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { pagedListing } from '../../tool-kit/paged-listing.ts';
import { fitRecord, jsonSize, type ResponseBudget } from '../../tool-kit/response-budget.ts';
import { scanIdArg } from './xray-schemas.ts';
import { reportOutput, severityArg } from './xray-report-schemas.ts';
import { ARGUMENT_LIMITS, idString } from '../../tool-kit/tool-input.ts';

const schema = z.strictObject({
  scanId: scanIdArg,
  category: idString().optional().describe('Only this category, e.g. broken-link, security, stale-content'),
  severity: severityArg.optional().describe('Only this severity'),
  includeAccepted: z.boolean().optional().describe('Also list accepted (won\'t fix) findings; default false'),
  limit: z.number().int().min(1).max(200).optional().describe('Findings per page (default 50); a page is also cut to the response budget'),
  cursor: z.string().max(ARGUMENT_LIMITS.cursor).optional().describe('nextCursor of the previous page'),
});

/** The part of the report an agent needs first: grade, categories, coverage and the top recommendations. */
export function reportSummary(m: ReportModel): z.infer<typeof reportOutput>['summary'] {
  return {
    grade: m.grade, score: m.score, capped: m.capped,
    stats: { items: m.stats.items, findings: m.stats.findings, accepted: m.stats.accepted, bySeverity: m.stats.bySeverity, languages: m.stats.languages },
    notes: m.scan.notes,
    categories: m.categories.map((c) => ({ category: c.category, covered: c.covered, score: c.score, findings: c.findings, ...(c.reason ? { reason: c.reason } : {}) })),
    recommendations: m.recommendations.slice(0, 5).map((r) => ({ rank: r.rank, title: r.title, hint: r.hint, findings: r.findings, affectedItems: r.affectedItems, impact: r.impact, effort: r.effort })),
  };
}

function fitFinding(f: ReportFinding, maxChars: number): { value: ReportFinding; truncatedFields: string[] } {
  const fitted = fitRecord({ ...f, fields: f.evidence }, maxChars);
  const { fields, ...rest } = fitted.value;
  return { value: { ...rest, evidence: Object.fromEntries(Object.entries(fields ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')) }, truncatedFields: fitted.truncatedFields };
}

async function reportPage(app: App, budget: ResponseBudget, args: z.infer<typeof schema>): Promise<z.infer<typeof reportOutput>> {
  const service = xrayAnalysisOf(app);
  const model = await service.reportModel(args.scanId);
  const summary = args.cursor === undefined ? reportSummary(model) : undefined;
  const query = { scanId: args.scanId, category: args.category, severity: args.severity, includeAccepted: args.includeAccepted === true };
  const room: ResponseBudget = { tokens: budget.tokens, chars: Math.max(2_000, budget.chars - jsonSize(summary ?? {})) };
  const listing = await pagedListing<ReportFinding>({ tool: 'xray_report', adapter: model.scan.adapter, cursor: args.cursor, query }, room,
    async (storeCursor) => {
      const page = await service.findings(args.scanId, {
        ...(args.category ? { category: args.category } : {}), ...(args.severity ? { severity: args.severity } : {}),
        includeAccepted: args.includeAccepted === true, limit: args.limit ?? 50, ...(storeCursor ? { cursor: storeCursor } : {}),
      });
      return { items: page.findings, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }, fitFinding);
  const { items, adapter: _adapter, ...rest } = listing;
  return {
    scanId: args.scanId, adapter: model.scan.adapter, ...(summary ? { summary } : {}), findings: items,
    ...(rest.nextCursor ? { nextCursor: rest.nextCursor } : {}), ...(rest.truncated ? { truncated: true } : {}), ...(rest.note ? { note: rest.note } : {}),
    ...(args.cursor === undefined && args.category === undefined && args.severity === undefined ? { total: model.stats.findings } : {}),
  };
}

export const xrayReport = defineTool({
  name: 'xray_report',
  title: 'X-Ray report',
  description: 'The audit report of an analyzed X-Ray scan: grade (A–F), score (0–100), categories, recommendations, then the findings '
    + 'with their evidence (field and exact raw value), a fix hint and a docs link, one page at a time. Filter by category or severity; '
    + 'pass nextCursor for more. Accepted findings are left out unless includeAccepted.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input: { loose: schema, pick: () => schema },
  output: reportOutput,
  handler: ({ app, budget }) => (args) => app.calls.run({ tool: 'xray_report' }, () => reportPage(app, budget, args)),
});
