// X-Ray on a multilingual Sitecore XP instance: `xrayLanguages: all` reads every registered language, so a
// broken link that lives only in the German version is found, and an item referenced only from German content
// is not called an orphan. The same instance scanned in en alone (the default) sees neither: that is the
// difference the setting makes, and the rest of the findings equal the ground truth either way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ITEM_IDS } from '../../adapters/sitecore/shared/index.ts';
import { richTextLink } from '../../adapters/sitecore/simulator/generator/field-values.ts';
import type { SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { buildReportModel } from '../../src/xray/reports/report-model.ts';
import { renderScanReportToString } from '../../src/xray/reports/render-report.ts';
import { compareWithGroundTruth } from './test-support/ground-truth-compare.ts';
import { sitecoreRig, type ScanOutcome, type SitecoreRig } from './test-support/sitecore-scan.ts';

const MISSING = randomUUID();

/** German-only content on Home: a link to an item that does not exist, and one to a planted orphan. */
function germanOnlyLinks(sim: SitecoreSimulator): string {
  const orphan = sim.groundTruth().findings.orphan[0]?.itemId;
  const home = sim.tree.get(ITEM_IDS.home);
  const german = home?.langs['de-DE'];
  if (!orphan || !german) throw new Error('the simulator has no orphan or no German Home');
  german.fields['Text'] = `<p>${richTextLink(MISSING, 'Alt')} ${richTextLink(orphan, 'Archiv')}</p>`;
  return orphan;
}

void describe('X-Ray of a multilingual instance (2,000 items, en and de-DE)', () => {
  const rigs: Record<'all' | 'en', { rig: SitecoreRig; outcome: ScanOutcome; orphan: string }> = {} as never;
  before(async () => {
    for (const [name, xp] of [['all', { xrayLanguages: 'all' }], ['en', {}]] as const) {
      const rig = await sitecoreRig({ items: 2000, seed: 1, xp });
      const orphan = germanOnlyLinks(rig.sim);
      rigs[name] = { rig, orphan, outcome: await rig.scan() };
    }
  });
  after(async () => { await Promise.all(Object.values(rigs).map(({ rig }) => rig.close())); });

  const diffOf = async (name: 'all' | 'en') => {
    const { rig, outcome } = rigs[name];
    const diff = await compareWithGroundTruth(rig.temp.store, outcome.scan.id, rig.sim.groundTruth());
    return Object.fromEntries(diff.filter((d) => d.missing.length + d.extra.length > 0).map((d) => [d.category, { missing: d.missing, extra: d.extra }]));
  };

  void test('xrayLanguages: all finds the German-only broken link and does not call the German-linked item an orphan', async () => {
    const { orphan } = rigs.all;
    const diff = await diffOf('all');
    assert.deepEqual(Object.keys(diff).sort(), ['broken-link', 'orphan']);
    assert.deepEqual(diff['orphan'], { missing: [orphan], extra: [] });
    assert.equal(diff['broken-link']?.missing.length, 0);
    assert.deepEqual(diff['broken-link']?.extra.map((k) => k.split('|').slice(0, 3).join('|')), [`${ITEM_IDS.home}|Text|rich-text-link`]);
  });

  void test('the default (en alone) sees neither: its findings are exactly the ground truth', async () => {
    assert.deepEqual(await diffOf('en'), {});
  });

  void test('German rows are stored only for items that have a German version; items are counted once', async () => {
    const { rig, outcome } = rigs.all;
    const german = [...rig.sim.tree.items.values()].filter((i) => i.readable && i.langs['de-DE'] !== undefined).map((i) => i.id).sort();
    const rows = await rig.temp.store.getItems(outcome.scan.id, german);
    assert.deepEqual(rows.filter((r) => r.language === 'de-DE').map((r) => r.id).sort(), german);
    const karriere = rig.sim.groundTruth().controls.find((c) => c.kind === 'other-language-only')?.itemId ?? '';
    const versions = (await rig.temp.store.getItems(outcome.scan.id, [karriere])).map((r) => `${r.language}:${String(r.version)}`).sort();
    assert.deepEqual(versions, ['de-DE:1', 'en:0']);
    assert.equal(outcome.scan.itemsCrawled, rigs.en.outcome.scan.itemsCrawled);
  });

  void test('the report says which languages it read, and that the en scan left de-DE out', async () => {
    for (const [name, expected] of [['all', ['de-DE', 'en']], ['en', ['en']]] as const) {
      const { rig, outcome } = rigs[name];
      const model = await buildReportModel(rig.temp.store, outcome.scan.id);
      assert.deepEqual(model.stats.languages, expected);
      const markdown = await renderScanReportToString(rig.temp.store, outcome.scan.id, 'md');
      assert.match(markdown, new RegExp(`[\\d,]+ items in ${expected.join(', ')} · `));
      assert.equal(model.scan.notes.length, name === 'en' ? 1 : 0);
      if (name === 'en') assert.match(markdown, /> Note: This scan reads en; the instance also has de-DE\. /);
    }
  });

  void test('each further language costs one request per crawled page', () => {
    assert.equal(rigs.all.outcome.scan.requests, 2 * rigs.en.outcome.scan.requests);
  });
});
