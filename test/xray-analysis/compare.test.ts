// Acceptance 4: two scans of the simulator with defects fixed and added in between (by editing sim.tree):
// compare reports exactly the new and resolved findings. Also: accepted findings drop out of the score
// and of compare until their evidence changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_IDS } from '../../adapters/sitecore/shared/well-known-ids.ts';
import { createXrayAnalysisService, type XrayAnalysisService } from '../../src/xray/analysis/analysis-service.ts';
import { sitecoreRig, type SitecoreRig } from './test-support/sitecore-scan.ts';

const key = (f: { category: string; rule: string; itemPath: string | null }): string => `${f.category}/${f.rule} ${f.itemPath ?? ''}`;

void describe('compare two scans of the simulator', () => {
  let rig: SitecoreRig;
  let service: XrayAnalysisService;
  let first: string;
  let second: string;
  const expectedNew: string[] = [];
  const expectedResolved: string[] = [];

  before(async () => {
    rig = await sitecoreRig({ items: 2000, seed: 3 });
    service = createXrayAnalysisService({ store: () => Promise.resolve(rig.temp.store) });
    first = (await rig.scan()).scan.id;
    const truth = rig.sim.groundTruth();
    const tree = rig.sim.tree;
    // Fixed: the broken Droplink is cleared; an orphaned media item is deleted.
    const droplink = truth.findings['broken-link'].find((f) => f.kind === 'droplink');
    const orphanMedia = truth.findings.orphan.find((f) => f.kind === 'media');
    const bigMedia = truth.findings['large-media'][0];
    assert.ok(droplink && orphanMedia && bigMedia);
    const page = tree.items.get(droplink.itemId);
    const media = tree.items.get(orphanMedia.itemId);
    const big = tree.items.get(bigMedia.itemId);
    assert.ok(page && media && big);
    tree.setField(page, 'Author', '', 'en');
    tree.remove(media);
    expectedResolved.push(`broken-link/droplink ${droplink.path}`, `orphan/media ${orphanMedia.path}`);
    // Changed evidence: the large file got larger; its old finding resolves and a new one appears.
    big.shared['Size'] = String(Number(big.shared['Size'] ?? '0') + 1000);
    expectedResolved.push(`large-media/size ${bigMedia.path}`);
    expectedNew.push(`large-media/size ${bigMedia.path}`);
    // Added: anonymous may write Home; an empty folder under Home.
    const home = tree.getByPath('/sitecore/content/Home');
    assert.ok(home);
    home.shared['__Security'] = 'ar|extranet\\Anonymous|pe|+item:write|';
    tree.add({ id: '7e57c0de-0000-4000-8000-000000000001', name: 'Empty Campaign Folder', parentId: home.id, templateId: TEMPLATE_IDS.folder });
    expectedNew.push('security/broad-rights /sitecore/content/Home', 'empty-container/folder /sitecore/content/Home/Empty Campaign Folder');
    // Same scan clock: the stale-content boundary control (exactly 365 days old) must stay a control.
    second = (await rig.scan()).scan.id;
  });
  after(async () => { await rig.close(); });

  void test('new and resolved sets are exact, per category, with the score delta', async () => {
    const result = await service.compare(first, second, 100);
    assert.deepEqual({ new: result.new.map(key).sort(), resolved: result.resolved.map(key).sort() }, { new: expectedNew.sort(), resolved: expectedResolved.sort() });
    assert.deepEqual(result.totals, { new: 3, resolved: 3, unchanged: 70 });
    const security = result.categories.find((c) => c.category === 'security');
    assert.deepEqual(security, { category: 'security', new: 1, resolved: 0, unchanged: 8 });
    assert.equal(result.scoreDelta, Math.round((result.head.score - result.base.score) * 10) / 10);
    assert.equal(result.truncated, false);
  });

  void test('trends give the score history of the adapter', async () => {
    const points = await service.trends('xp');
    // Both scans started at the same (fixed) clock, so their order between themselves is by id.
    assert.deepEqual(points.map((p) => p.scanId).sort(), [first, second].sort());
    assert.ok(points.every((p) => p.items > 1900 && ['A', 'B', 'C', 'D', 'F'].includes(p.grade)));
  });

  void test('an accepted finding drops out of the score and of compare until its evidence changes', async () => {
    const before = await service.reportModel(second);
    const broad = (await service.findings(second, { category: 'security', limit: 50 })).findings.find((f) => f.itemPath === '/sitecore/content/Home');
    assert.ok(broad);
    await service.accept(second, broad.fingerprint, 'Public guestbook by design', 'qa');
    const afterAccept = await service.reportModel(second);
    assert.equal(afterAccept.stats.findings, before.stats.findings - 1);
    assert.equal(afterAccept.stats.accepted, 1);
    assert.ok(afterAccept.score >= before.score);
    const compared = await service.compare(first, second, 100);
    assert.equal(compared.new.some((f) => f.fingerprint === broad.fingerprint), false);
    const listed = await service.findings(second, { category: 'security', includeAccepted: true, limit: 50 });
    assert.equal(listed.findings.find((f) => f.fingerprint === broad.fingerprint)?.accepted?.reason, 'Public guestbook by design');
    // The evidence changes (anonymous may now also delete): a new fingerprint, not covered by the acceptance.
    const home = rig.sim.tree.getByPath('/sitecore/content/Home');
    assert.ok(home);
    home.shared['__Security'] = 'ar|extranet\\Anonymous|pe|+item:write|+item:delete|';
    const third = (await rig.scan()).scan.id;
    const again = (await service.findings(third, { category: 'security', limit: 50 })).findings.filter((f) => f.itemPath === '/sitecore/content/Home');
    assert.deepEqual(again.map((f) => [f.rule, f.accepted]), [['broad-rights', null]]);
    assert.notEqual(again[0]?.fingerprint, broad.fingerprint);
  });
});
