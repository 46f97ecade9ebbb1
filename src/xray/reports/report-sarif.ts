import { packageVersion } from '../../package-info.ts';
import { ANALYZERS } from '../analysis/analyzer-registry.ts';
import type { ReportFinding } from './report-model.ts';
import type { ReportRenderer } from './report-format.ts';

const LEVEL: Record<ReportFinding['severity'], 'error' | 'warning' | 'note'> = { critical: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 result for one finding: a logical location (the item path), the fingerprint, and a suppression when accepted. */
function result(f: ReportFinding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.analyzer,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.itemPath ?? f.itemId ?? ''}: ${f.message}` },
    locations: [{ logicalLocations: [{ fullyQualifiedName: f.itemPath ?? f.itemId ?? '', name: f.itemId ?? '', kind: 'resource' }] }],
    partialFingerprints: { 'conduitFinding/v1': f.fingerprint },
    properties: { category: f.category, rule: f.rule, itemId: f.itemId, language: f.language, evidence: f.evidence, hint: f.hint },
    ...(f.accepted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.accepted.reason }] } : {}),
  };
}

/**
 * SARIF 2.1.0 (OASIS), so a CI pipeline can gate on an audit with the tools it
 * already has: critical → error, warning → warning, info → note. Accepted
 * findings carry a suppression with the reason. Streamed.
 */
export const sarifReport: ReportRenderer = {
  format: 'sarif',
  mediaType: 'application/sarif+json',
  extension: 'sarif',
  async render(model, findings, write) {
    const ruleIndex = new Map(ANALYZERS.map((a, i) => [a.id, i]));
    const driver = {
      name: 'Conduit X-Ray', version: packageVersion(), informationUri: 'https://github.com/conduit-cms/conduit/blob/main/docs/xray.md',
      rules: ANALYZERS.map((a) => ({
        id: a.id, name: a.title.replaceAll(' ', ''), shortDescription: { text: a.title }, fullDescription: { text: a.hint },
        help: { text: a.hint }, helpUri: `https://github.com/conduit-cms/conduit/blob/main/docs/xray.md#${a.docsAnchor}`,
        defaultConfiguration: { level: LEVEL[a.severity] }, properties: { category: a.category, version: a.version },
      })),
    };
    const run = {
      tool: { driver },
      invocations: [{ executionSuccessful: true, endTimeUtc: model.generatedAt }],
      automationDetails: { id: `conduit-xray/${model.scan.adapter}/${model.scan.id}` },
      properties: { scanId: model.scan.id, adapter: model.scan.adapter, score: model.score, grade: model.grade, items: model.stats.items, coverage: model.coverage },
    };
    const head = JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] });
    // Everything up to the end of the run object, then its results streamed in.
    await write(`${head.slice(0, -3)},"results":[`);
    let first = true;
    for await (const batch of findings()) {
      for (const f of batch) {
        await write(`${first ? '' : ','}\n${JSON.stringify(result(f, ruleIndex.get(f.analyzer) ?? -1))}`);
        first = false;
      }
    }
    await write('\n]}]}\n');
  },
};
