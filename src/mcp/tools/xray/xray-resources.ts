import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import type { App } from '../../../app-types.ts';
import { ConduitError } from '../../../core/conduit-error.ts';
import { xrayAnalysisOf } from '../../../xray/analysis/app-analysis.ts';
import { protocolErrorFrom } from '../../tool-kit/protocol-error.ts';
import { uriVariable } from '../../tool-kit/uri-variable.ts';
import { jsonSize, type ResponseBudget } from '../../tool-kit/response-budget.ts';
import { toReportFinding } from '../../../xray/reports/report-model.ts';
import { reportSummary } from './xray-report.ts';

/**
 * X-Ray resources a client can attach to a conversation:
 * `conduit://xray/{scanId}/report` (the summary and as many top findings as
 * the response budget allows) and `conduit://xray/{scanId}/findings/{fingerprint}`.
 */
export function registerXrayResources(server: McpServer, app: App, budget: ResponseBudget): void {
  server.registerResource('xray-report', new ResourceTemplate('conduit://xray/{scanId}/report', { list: undefined }),
    { title: 'X-Ray report', description: 'Grade, score, categories, recommendations and the top findings of an analyzed scan, as JSON', mimeType: 'application/json' },
    (uri, variables) => read(app, uri, 'resource:xray-report', async () => {
      const scanId = uriVariable(variables, 'scanId');
      const service = xrayAnalysisOf(app);
      const model = await service.reportModel(scanId);
      const head = { scanId, adapter: model.scan.adapter, summary: reportSummary(model), findings: [] as unknown[] };
      const page = await service.findings(scanId, { limit: 200 });
      let used = jsonSize(head);
      for (const f of page.findings) {
        used += jsonSize(f) + 1;
        if (used > budget.chars - 200) break;
        head.findings.push(f);
      }
      return { ...head, more: model.stats.findings > head.findings.length ? 'Use the xray_report tool to page through every finding.' : undefined };
    }));
  server.registerResource('xray-finding', new ResourceTemplate('conduit://xray/{scanId}/findings/{fingerprint}', { list: undefined }),
    { title: 'X-Ray finding', description: 'One finding of a scan with its evidence, hint and docs link, as JSON', mimeType: 'application/json' },
    (uri, variables) => read(app, uri, 'resource:xray-finding', async () => {
      const scanId = uriVariable(variables, 'scanId');
      const fingerprint = uriVariable(variables, 'fingerprint');
      const store = await app.scanStore();
      for await (const batch of store.iterateFindings(scanId, { batchSize: 1000 })) {
        const hit = batch.find((f) => f.fingerprint === fingerprint);
        if (hit) return toReportFinding(hit);
      }
      throw new ConduitError('ADP_NOT_FOUND', `Scan ${scanId} has no finding ${fingerprint}.`, { hint: 'Take fingerprints from xray_report.' });
    }));
}

async function read(app: App, uri: URL, tool: string, load: () => Promise<unknown>) {
  try {
    const value = await app.calls.run({ tool }, load);
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }] };
  } catch (error) {
    throw protocolErrorFrom(error, uri.href);
  }
}
