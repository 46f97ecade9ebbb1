// Reports of a real scan of the simulator in every format; the HTML one checked in headless Chromium (acceptance 5).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { renderScanReportToString } from '../../src/xray/reports/render-report.ts';
import { csvCell } from '../../src/xray/reports/report-csv.ts';
import { GRADE_COLOUR } from '../../src/xray/reports/html-parts.ts';
import { reportJsonSchema } from '../../src/xray/reports/report-schema.ts';
import { chromiumAvailable, dumpDom, screenshot } from './test-support/chromium.ts';
import { decodePng, hexColour, near } from './test-support/png-pixels.ts';
import { sitecoreRig, type SitecoreRig } from './test-support/sitecore-scan.ts';

void describe('reports of a scan of the simulator', () => {
  let rig: SitecoreRig;
  let scanId: string;
  const render = (format: string): Promise<string> => renderScanReportToString(rig.temp.store, scanId, format);
  before(async () => {
    rig = await sitecoreRig({ items: 2000, seed: 2 });
    await rig.scan();
    scanId = (await rig.scan()).scan.id;
  });
  after(async () => { await rig.close(); });

  void test('json: the documented schema, every finding with analyzer, severity, item, evidence and hint', async () => {
    const report = reportJsonSchema.parse(JSON.parse(await render('json')));
    assert.equal(report.findings.length, 73);
    assert.equal(report.stats.findings, 73);
    assert.equal(report.trend.length, 2, 'the adapter has an earlier scan');
    assert.equal(report.trend.at(-1)?.scanId, scanId);
    for (const f of report.findings) assert.ok(f.itemId && f.itemPath && f.hint && typeof f.evidence['field'] === 'string' && f.evidence['value'] !== undefined, f.fingerprint);
    assert.deepEqual(report.findings.map((f) => f.fingerprint), [...report.findings.map((f) => f.fingerprint)].sort(), 'stable order');
    assert.equal(report.categories.length, 13);
    assert.ok(report.recommendations.length > 0 && report.recommendations[0]?.rank === 1);
  });

  void test('sarif 2.1.0: one result per finding, levels by severity, fingerprints, the 13 rules', async () => {
    const sarif = z.object({
      version: z.literal('2.1.0'),
      runs: z.array(z.object({
        tool: z.object({ driver: z.object({ name: z.string(), rules: z.array(z.object({ id: z.string(), helpUri: z.string() })) }) }),
        results: z.array(z.object({ ruleId: z.string(), level: z.enum(['error', 'warning', 'note']), message: z.object({ text: z.string() }),
          partialFingerprints: z.record(z.string(), z.string()), locations: z.array(z.object({ logicalLocations: z.array(z.object({ fullyQualifiedName: z.string() })) })) })),
        properties: z.object({ grade: z.string(), score: z.number() }),
      })),
    }).parse(JSON.parse(await render('sarif')));
    const run = sarif.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.rules.length, 13);
    assert.equal(run.results.length, 73);
    assert.ok(run.results.some((r) => r.level === 'error') && run.results.some((r) => r.level === 'note'));
    assert.ok(run.results.every((r) => run.tool.driver.rules.some((rule) => rule.id === r.ruleId)));
  });

  void test('csv: a header and one row per finding; cells are quoted and formula-proof', async () => {
    const csv = await render('csv');
    const lines = csv.trimEnd().split('\r\n');
    assert.match(lines[0] ?? '', /^fingerprint,severity,category,rule,analyzer/);
    assert.equal(lines.length, 74);
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('-item:write'), "'-item:write");
  });

  void test('md: grade, categories, recommendations and the top findings with evidence', async () => {
    const md = await render('md');
    assert.match(md, /^# X-Ray report: xp\n\n\*\*Grade [A-F]\*\* · score \d+\.\d \/ 100/);
    assert.match(md, /## Categories[\s\S]*\| Broken links and references \| \d/);
    assert.match(md, /## Recommendations/);
    assert.match(md, /## Top findings \(25 of 73\)/);
  });

  void test('html: self-contained, and Chromium shows the grade badge, severities, category bars, trend and top issues', { skip: !chromiumAvailable() && process.env['CI'] !== 'true' ? 'chromium is not installed (apt-get install -y chromium)' : false }, async () => {
    const html = await render('html');
    assert.doesNotMatch(html, /<script|src="http|href="http|url\(http/i, 'nothing loads from anywhere');
    const file = join(rig.temp.dir, 'report.html');
    const png = join(rig.temp.dir, 'report.png');
    writeFileSync(file, html);
    const model = reportJsonSchema.parse(JSON.parse(await render('json')));
    const dom = await dumpDom(file);
    assert.match(dom, new RegExp(`<div id="grade" class="badge" data-grade="${model.grade}"`));
    assert.equal((dom.match(/class="cat" data-category=/g) ?? []).length, 13);
    assert.equal((dom.match(/<circle /g) ?? []).length, 2, 'a trend point per analyzed scan');
    assert.match(dom, /data-severity="critical"[^>]*><i[^>]*><\/i>\d+ critical/);
    assert.ok((dom.match(/<tr data-fingerprint=/g) ?? []).length >= 50, 'top issues listed');
    assert.match(dom, /<code>__Security = ar\|extranet\\Anonymous/);
    await screenshot(file, png, 1200, 1600);
    const pixels = decodePng(readFileSync(png));
    assert.deepEqual([pixels.width, pixels.height], [1200, 1600]);
    // The badge: a circle of the grade's colour at the top left of the page (main is 1040 wide, centred).
    const badge = pixels.at(140, 105);
    assert.ok(near(badge, hexColour(GRADE_COLOUR[model.grade])), `badge pixel ${badge.join(',')} is not ${GRADE_COLOUR[model.grade]}`);
    // The severity bar starts with the critical segment (red).
    assert.ok(scanFor(pixels, hexColour('#cf222e'), 120, 1080, 200, 400), 'a red critical segment is drawn');
  });
});

/** Whether some pixel in the box has the colour. */
function scanFor(p: ReturnType<typeof decodePng>, colour: [number, number, number], x0: number, x1: number, y0: number, y1: number): boolean {
  for (let y = y0; y < y1; y += 2) for (let x = x0; x < x1; x += 2) if (near(p.at(x, y), colour)) return true;
  return false;
}
