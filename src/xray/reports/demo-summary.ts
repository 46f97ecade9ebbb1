import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { ScanStore } from '../../store/scan-store.ts';
import { renderScanReport } from './render-report.ts';
import { evidenceLine, inLanguages, topFindings } from './report-format.ts';
import { buildReportModel, reportFindings } from './report-model.ts';

export interface DemoSummary {
  grade: string;
  score: number;
  htmlPath: string;
  jsonPath: string;
  /** What `conduit demo` prints at the end: grade, top findings, report paths. */
  lines: string[];
}

async function writeReport(store: ScanStore, scanId: string, format: string, path: string): Promise<void> {
  const stream = createWriteStream(path);
  await renderScanReport(store, scanId, format, async (chunk) => { if (!stream.write(chunk)) await once(stream, 'drain'); });
  stream.end();
  await once(stream, 'finish');
}

/**
 * The end of `conduit demo`: writes the HTML and JSON reports of an analyzed
 * scan into `dir` and returns the lines to print (grade, the top findings with
 * their evidence, where the reports are).
 */
export async function renderDemoSummary(store: ScanStore, scanId: string, dir: string, top = 5): Promise<DemoSummary> {
  await mkdir(dir, { recursive: true });
  const htmlPath = resolve(dir, `xray-${scanId.slice(0, 8)}.html`);
  const jsonPath = resolve(dir, `xray-${scanId.slice(0, 8)}.json`);
  await writeReport(store, scanId, 'html', htmlPath);
  await writeReport(store, scanId, 'json', jsonPath);
  const model = await buildReportModel(store, scanId);
  const best = await topFindings(model, () => reportFindings(store, scanId), top);
  const s = model.stats.bySeverity;
  const lines = [
    `▸ X-Ray grade ${model.grade} (${model.score.toFixed(1)}/100): ${model.stats.findings.toLocaleString('en')} findings in ${model.stats.items.toLocaleString('en')} items${inLanguages(model)} `
      + `(${s.critical} critical, ${s.warning} warning, ${s.info} info)`,
    ...model.scan.notes.map((note) => `  Note: ${note}`),
    ...best.map((f) => `  ${f.severity.toUpperCase().padEnd(8)} ${f.category}: ${f.itemPath ?? f.itemId ?? ''}\n           ${evidenceLine(f, 110)}`),
    `▸ Reports: ${htmlPath}`,
    `           ${jsonPath}`,
  ];
  return { grade: model.grade, score: model.score, htmlPath, jsonPath, lines };
}
