import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDemoSummary } from '../../src/xray/reports/demo-summary.ts';
import { reportJsonSchema } from '../../src/xray/reports/report-schema.ts';
import { sitecoreRig, type SitecoreRig } from './test-support/sitecore-scan.ts';

let rig: SitecoreRig;
let scanId: string;
before(async () => {
  rig = await sitecoreRig({ items: 900, seed: 5 });
  scanId = (await rig.scan()).scan.id;
});
after(async () => { await rig.close(); });

void test('renderDemoSummary writes the HTML and JSON reports and returns grade, top findings and paths', async () => {
  const summary = await renderDemoSummary(rig.temp.store, scanId, join(rig.temp.dir, 'reports'));
  assert.ok(existsSync(summary.htmlPath) && existsSync(summary.jsonPath));
  const json = reportJsonSchema.parse(JSON.parse(readFileSync(summary.jsonPath, 'utf8')));
  assert.equal(summary.grade, json.grade);
  assert.match(summary.lines[0] ?? '', new RegExp(`^▸ X-Ray grade ${json.grade} \\(${json.score.toFixed(1)}/100\\)`));
  assert.equal(summary.lines.filter((l) => /^ {2}(CRITICAL|WARNING|INFO) /.test(l)).length, 5);
  assert.match(summary.lines.at(-2) ?? '', /^▸ Reports: .*\.html$/);
  assert.match(readFileSync(summary.htmlPath, 'utf8'), /^<!doctype html>/);
});
