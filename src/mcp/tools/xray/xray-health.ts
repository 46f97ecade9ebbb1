import { xrayAnalysisOf } from '../../../xray/analysis/app-analysis.ts';
import { defineTool, READ_ONLY } from '../../tool-kit/define-tool.ts';
import { toolInput } from '../../tool-kit/tool-input.ts';
import { healthOutput } from './xray-report-schemas.ts';

const input = toolInput({}, {});

export const xrayHealth = defineTool({
  name: 'xray_health',
  title: 'X-Ray health',
  description: 'The grade and score of the adapter\'s last analyzed X-Ray scan, with the adapter\'s current health as Conduit sees it '
    + '(circuit breaker, last successful call) and the scan store. Never scans and never calls the CMS; run xray_scan for a fresh grade.',
  toolset: 'xray',
  annotations: { ...READ_ONLY, openWorldHint: false },
  input,
  output: healthOutput,
  handler: ({ app }) => (args, call) => call.run(args.adapter, async (adapter) => {
    const [last, readiness] = [await xrayAnalysisOf(app).lastAnalysis(adapter), await app.readiness()];
    const a = readiness.adapters.find((x) => x.name === adapter);
    return {
      adapter,
      lastScan: last === null ? null : {
        scanId: last.scan.id, status: last.scan.status, grade: last.record.grade, score: last.score, findings: last.record.findings.open, items: last.record.items,
        startedAt: last.scan.startedAt === null ? null : new Date(last.scan.startedAt).toISOString(),
        finishedAt: last.scan.finishedAt === null ? null : new Date(last.scan.finishedAt).toISOString(),
      },
      adapterHealth: a ? { loaded: a.loaded, breaker: a.breaker, ...(a.lastSuccessAt ? { lastSuccessAt: a.lastSuccessAt } : {}) } : null,
      store: { ok: readiness.store.ok, kind: readiness.store.kind, ...(readiness.store.message ? { message: readiness.store.message } : {}) },
      ...(last === null ? { hint: `No analyzed scan of "${adapter}" yet: run xray_scan.` } : {}),
    };
  }),
});
