// Acceptance 1 (accuracy): the real engine crawls the simulator over HTTP, probes, analyzes; findings per
// category must equal the simulator's ground truth exactly (100% recall, no false positive). The 100k run
// is `node test/xray-analysis/accuracy-run.ts 100000` (docs/xray.md "Accuracy").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMC_XRAY_CATEGORIES, XMC_XRAY_UNSUPPORTED } from '../../adapters/sitecore-xmc/xmc-xray-source.ts';
import { SIM_EDGE_KEY } from '../../adapters/sitecore-xmc/test-support/xmc-simulator-harness.ts';
import { createXmcClient } from '../../adapters/sitecore-xmc/xmc-client.ts';
import { xmcConfigSchema } from '../../adapters/sitecore-xmc/xmc-config.ts';
import { buildReportModel } from '../../src/xray/reports/report-model.ts';
import { compareWithGroundTruth, findingKeys } from './test-support/ground-truth-compare.ts';
import { sitecoreRig, type SitecoreRig } from './test-support/sitecore-scan.ts';

void describe('accuracy on the simulator (2,000 items, every defect planted)', () => {
  let rig: SitecoreRig;
  let scanId: string;
  before(async () => {
    rig = await sitecoreRig({ items: 2000, seed: 1 });
    scanId = (await rig.scan()).scan.id;
  });
  after(async () => { await rig.close(); });

  void test('findings per category equal the ground truth exactly', async () => {
    const diff = await compareWithGroundTruth(rig.temp.store, scanId, rig.sim.groundTruth());
    for (const d of diff) assert.deepEqual({ category: d.category, missing: d.missing, extra: d.extra }, { category: d.category, missing: [], extra: [] });
    assert.equal(diff.reduce((n, d) => n + d.expected, 0), 73);
  });

  void test('the "looks broken but is not" controls are not reported', async () => {
    const flagged = new Set((await findingKeys(rig.temp.store, scanId)).map((f) => f.itemId));
    const controls = rig.sim.groundTruth().controls;
    assert.ok(controls.length >= 20);
    // Controls that are findings' subjects in their own right (e.g. a control page that is also stale) would show here.
    assert.deepEqual(controls.filter((c) => flagged.has(c.itemId)).map((c) => `${c.kind} ${c.path}`), []);
  });

  void test('the link to an unreadable item is unresolvable, not broken', async () => {
    const report = await buildReportModel(rig.temp.store, scanId);
    assert.equal(report.stats.analyzers.find((a) => a.id === 'broken-link')?.metrics['unresolvable'], 1);
    assert.deepEqual(report.coverage.unsupported, []);
  });
});

void describe('an Edge-only scan (XM Cloud adapter) reports only what Edge can see', () => {
  let rig: SitecoreRig;
  let scanId: string;
  before(async () => {
    rig = await sitecoreRig({
      items: 2000, seed: 1, edgeApiKey: SIM_EDGE_KEY, adapter: 'xmc', resilience: { ratePerSecond: 80 },
      source: (sim, kit) => {
        const xray = createXmcClient(xmcConfigSchema.parse({ type: 'sitecore-xmc', url: sim.url, credentials: { apiKey: SIM_EDGE_KEY }, site: 'Acme' }), kit.kit).xray;
        if (!xray) throw new Error('sitecore-xmc has no X-Ray source');
        return xray;
      },
    });
    scanId = (await rig.scan('/sitecore/content')).scan.id;
  });
  after(async () => { await rig.close(); });

  void test('findings only in the categories Edge supports, and the report says which it cannot see and why', async () => {
    const categories = new Set((await findingKeys(rig.temp.store, scanId)).map((f) => f.category));
    assert.deepEqual([...categories].filter((c) => !XMC_XRAY_CATEGORIES.includes(c as never)), []);
    const report = await buildReportModel(rig.temp.store, scanId);
    assert.deepEqual(report.coverage.supported, [...XMC_XRAY_CATEGORIES].sort((a, b) => report.categories.findIndex((c) => c.category === a) - report.categories.findIndex((c) => c.category === b)));
    for (const [category, reason] of Object.entries(XMC_XRAY_UNSUPPORTED)) {
      const c = report.categories.find((x) => x.category === category);
      assert.deepEqual({ covered: c?.covered, reason: c?.reason, score: c?.score }, { covered: false, reason, score: null });
    }
    const skipped = report.stats.analyzers.filter((a) => a.status === 'skipped').map((a) => a.id).sort();
    assert.deepEqual(skipped, Object.keys(XMC_XRAY_UNSUPPORTED).sort());
  });

  void test('what Edge can see of the content tree matches the ground truth', async () => {
    const diff = await compareWithGroundTruth(rig.temp.store, scanId, rig.sim.groundTruth(), (f) => f.path.startsWith('/sitecore/content/'));
    for (const category of ['duplicate', 'deep-nesting', 'too-many-children'] as const) {
      const d = diff.find((x) => x.category === category);
      assert.deepEqual({ category, missing: d?.missing, extra: d?.extra }, { category, missing: [], extra: [] });
    }
  });
});
