// conduit xray report / compare / trends / accept through the built binary, on a store the real engine filled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { reportJsonSchema } from '../../src/xray/reports/report-schema.ts';
import { runCli } from '../support/run-cli.ts';
import { sitecoreRig, type SitecoreRig } from './test-support/sitecore-scan.ts';

let rig: SitecoreRig;
let first: string;
let second: string;
let configPath: string;

before(async () => {
  rig = await sitecoreRig({ items: 900, seed: 6 });
  first = (await rig.scan()).scan.id;
  rig.sim.tree.getByPath('/sitecore/content/Home')!.shared['__Security'] = 'ar|extranet\\Anonymous|pe|+item:delete|';
  second = (await rig.scan()).scan.id;
  configPath = join(rig.temp.dir, 'conduit.yaml');
  writeFileSync(configPath, `storage:\n  sqlite: ${JSON.stringify(rig.temp.file)}\nlogging:\n  level: warn\n`);
});
after(async () => { await rig.close(); });

const cli = (args: string[]) => runCli([...args, '-c', configPath], { timeoutMs: 60_000 });

void test('xray report: JSON on stdout, HTML to a file, and a CI gate on severity', async () => {
  const json = await cli(['xray', 'report', second, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const report = reportJsonSchema.parse(JSON.parse(json.stdout));
  assert.equal(report.scan.id, second);
  const out = join(rig.temp.dir, 'audit.html');
  const html = await cli(['xray', 'report', second, '--format', 'html', '--out', out]);
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stderr, new RegExp(`Report \\(html\\) written to ${out.replaceAll('/', '\\/')}: grade ${report.grade}`));
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/);
  const gate = await cli(['xray', 'report', second, '--format', 'sarif', '--out', join(rig.temp.dir, 'a.sarif'), '--fail-on', 'critical']);
  assert.equal(gate.code, 1, 'the planted criticals fail the gate');
  assert.match(gate.stderr, /Gate failed: \d+ open findings at critical or worse/);
  assert.ok(existsSync(join(rig.temp.dir, 'a.sarif')));
  const missing = await cli(['xray', 'report', 'no-such-scan']);
  assert.equal(missing.code, 6);
  assert.match(missing.stderr, /XRAY_SCAN_NOT_FOUND/);
});

void test('xray compare, trends and accept', async () => {
  const compared = await cli(['xray', 'compare', first, second, '--json']);
  assert.equal(compared.code, 0, compared.stderr);
  const result = z.object({ totals: z.object({ new: z.number(), resolved: z.number() }), new: z.array(z.object({ fingerprint: z.string(), category: z.string() })) }).parse(JSON.parse(compared.stdout));
  assert.deepEqual({ new: result.totals.new, resolved: result.totals.resolved, category: result.new[0]?.category }, { new: 1, resolved: 0, category: 'security' });
  const human = await cli(['xray', 'compare', first, second]);
  assert.match(human.stdout, /^Score [\d.]+ \([A-F]\) → [\d.]+ \([A-F]\): -?[\d.]+\nFindings: 1 new, 0 resolved/);
  const trends = await cli(['xray', 'trends', '--adapter', 'xp', '--json']);
  assert.equal(z.object({ points: z.array(z.object({ scanId: z.string() })) }).parse(JSON.parse(trends.stdout)).points.length, 2);
  const fingerprint = result.new[0]?.fingerprint ?? '';
  const accepted = await cli(['xray', 'accept', second, fingerprint, '--reason', 'Public uploads by design', '--by', 'ops']);
  assert.equal(accepted.code, 0, accepted.stderr);
  const after = await cli(['xray', 'compare', first, second, '--json']);
  assert.equal(z.object({ totals: z.object({ new: z.number() }) }).parse(JSON.parse(after.stdout)).totals.new, 0, 'accepted findings drop out of compare');
});
void test('xray compare says when the two scans read different languages', async () => {
  const multilingual = (await rig.scan('/sitecore', 'all')).scan.id;
  const human = await cli(['xray', 'compare', second, multilingual]);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /note: the scans read different languages \(en → de-DE, en\): findings in a language only one of them read count as new or resolved/);
  assert.doesNotMatch((await cli(['xray', 'compare', first, second])).stdout, /different languages/);
});

