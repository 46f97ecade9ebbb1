import { ConduitError } from '../../core/conduit-error.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import { csvReport } from './report-csv.ts';
import { htmlReport } from './report-html.ts';
import { jsonReport } from './report-json.ts';
import { markdownReport } from './report-markdown.ts';
import { buildReportModel, reportFindings, type ReportModel } from './report-model.ts';
import { sarifReport } from './report-sarif.ts';
import type { ReportRenderer, ReportWrite } from './report-format.ts';

/** Every report format, by name. */
export const REPORT_RENDERERS: readonly ReportRenderer[] = [jsonReport, markdownReport, htmlReport, sarifReport, csvReport];
export const REPORT_FORMATS = REPORT_RENDERERS.map((r) => r.format);

export function rendererFor(format: string): ReportRenderer {
  const renderer = REPORT_RENDERERS.find((r) => r.format === format);
  if (!renderer) {
    throw new ConduitError('TOOL_INVALID_ARGS', `"${format}" is not a report format.`, { hint: `Use one of: ${REPORT_FORMATS.join(', ')}.` });
  }
  return renderer;
}

/** Renders the report of an analyzed scan in `format`, streaming the findings from the store. Returns the model. */
export async function renderScanReport(store: ScanStore, scanId: string, format: string, write: ReportWrite): Promise<ReportModel> {
  const renderer = rendererFor(format);
  const model = await buildReportModel(store, scanId);
  await renderer.render(model, () => reportFindings(store, scanId), write);
  return model;
}

/** The whole report as one string (small scans, tests, MCP resources). */
export async function renderScanReportToString(store: ScanStore, scanId: string, format: string): Promise<string> {
  const chunks: string[] = [];
  await renderScanReport(store, scanId, format, (chunk) => { chunks.push(chunk); });
  return chunks.join('');
}
