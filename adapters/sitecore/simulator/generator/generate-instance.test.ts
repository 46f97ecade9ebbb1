import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ITEM_IDS } from '../../shared/well-known-ids.ts';
import { itemNameProblem } from '../../shared/item-name.ts';
import type { SimTree } from '../tree/sim-tree.ts';
import { generateInstance } from './generate-instance.ts';
import { XRAY_CATEGORIES } from './ground-truth.ts';
import { groundTruthKeys, runOracle } from '../test-support/ground-truth-oracle.ts';

const NOW = new Date('2026-11-01T00:00:00Z');

function fingerprint(tree: SimTree): string {
  const hash = createHash('sha256');
  for (const item of tree.items.values()) hash.update(JSON.stringify(item));
  return hash.digest('hex');
}

function assertOracleAgrees(items: number, seed: number, defects: boolean): void {
  const { tree, groundTruth } = generateInstance({ items, seed, defects, now: NOW });
  const oracle = runOracle(tree, NOW.getTime());
  const truth = groundTruthKeys(groundTruth);
  for (const category of XRAY_CATEGORIES) {
    assert.deepEqual([...oracle[category]].sort(), [...truth[category]].sort(), `${category} (items ${items}, seed ${seed}, defects ${defects})`);
  }
}

void test('same seed, same instance; another seed, another instance', () => {
  const a = generateInstance({ items: 2000, seed: 42, defects: true, now: NOW });
  const b = generateInstance({ items: 2000, seed: 42, defects: true, now: NOW });
  const c = generateInstance({ items: 2000, seed: 43, defects: true, now: NOW });
  assert.equal(fingerprint(a.tree), fingerprint(b.tree));
  assert.deepEqual(a.groundTruth, b.groundTruth);
  assert.notEqual(fingerprint(a.tree), fingerprint(c.tree));
});

void test('exactly the requested number of items, raised to the minimum for tiny requests', () => {
  assert.equal(generateInstance({ items: 2000, seed: 1, defects: true, now: NOW }).tree.size, 2000);
  assert.equal(generateInstance({ items: 5000, seed: 1, defects: false, now: NOW }).tree.size, 5000);
  const tiny = generateInstance({ items: 10, seed: 1, defects: true, now: NOW });
  assert.ok(tiny.tree.size > 10 && tiny.tree.size < 1000, `minimum size ${tiny.tree.size}`);
  assert.equal(tiny.groundTruth.items, tiny.tree.size);
});

void test('well-known Sitecore items sit at their real ids and paths', () => {
  const { tree } = generateInstance({ items: 2000, seed: 1, defects: true, now: NOW });
  const expect: Array<[string, string]> = [[ITEM_IDS.root, '/sitecore'], [ITEM_IDS.content, '/sitecore/content'], [ITEM_IDS.home, '/sitecore/content/Home'],
    [ITEM_IDS.mediaLibrary, '/sitecore/media library'], [ITEM_IDS.templates, '/sitecore/templates'], [ITEM_IDS.defaultDevice, '/sitecore/layout/Devices/Default'],
    [ITEM_IDS.renderings, '/sitecore/layout/Renderings'], [ITEM_IDS.sampleWorkflow, '/sitecore/system/Workflows/Sample Workflow']];
  for (const [id, path] of expect) {
    const item = tree.items.get(id);
    assert.ok(item, path);
    assert.equal(tree.pathOf(item), path);
    assert.equal(tree.getByPath(path.toUpperCase())?.id, id, `case-insensitive path ${path}`);
  }
});

void test('every X-Ray category is planted, with the documented counts at 2,000 items', () => {
  const { groundTruth } = generateInstance({ items: 2000, seed: 1, defects: true, now: NOW });
  assert.deepEqual(groundTruth.counts, {
    'broken-link': 14, 'orphan': 6, 'unused-template': 3, 'unused-rendering': 3, 'duplicate': 9, 'security': 8, 'deep-nesting': 3,
    'too-many-children': 1, 'large-media': 3, 'stale-content': 4, 'circular-reference': 5, 'empty-container': 3, 'invalid-field': 11,
  });
  const brokenKinds = new Set(groundTruth.findings['broken-link'].map((f) => f.kind));
  for (const kind of ['rich-text-link', 'rich-text-media', 'general-link-internal', 'general-link-media', 'multilist', 'droplink', 'image',
    'rendering-datasource-id', 'rendering-datasource-path', 'rendering-id']) assert.ok(brokenKinds.has(kind), kind);
  assert.deepEqual(new Set(groundTruth.findings.security.map((f) => f.kind)), new Set(['broad-rights', 'explicit-deny', 'user-rights', 'inheritance-break']));
  assert.deepEqual(new Set(groundTruth.findings['invalid-field'].map((f) => f.kind)), new Set(['malformed-date', 'malformed-link-xml', 'malformed-guid', 'invalid-name']));
  for (const f of groundTruth.findings['invalid-field'].filter((x) => x.kind === 'invalid-name')) assert.notEqual(itemNameProblem(f.value ?? ''), null, f.value);
});

void test('the "looks broken but is not" controls are present, with or without defects', () => {
  for (const defects of [true, false]) {
    const { tree, groundTruth } = generateInstance({ items: 2000, seed: 1, defects, now: NOW });
    const kinds = new Set(groundTruth.controls.map((c) => c.kind));
    for (const kind of ['link-to-other-language', 'other-language-only', 'local-datasource', 'rich-text-only-media', 'standard-values-rendering',
      'standard-values-datasource', 'layout-from-standard-values', 'personalization-datasource', 'final-renderings-only-datasource', 'query-datasource',
      'media-size-boundary', 'stale-in-workflow', 'stale-boundary', 'link-to-unreadable', 'external-link', 'same-name-different-parent', 'rendering-parameter-guid']) {
      assert.ok(kinds.has(kind), `${kind} (defects ${defects})`);
    }
    for (const control of groundTruth.controls) assert.ok(tree.items.has(control.itemId), control.kind);
    assert.equal(groundTruth.unreadable.length, 3);
    for (const id of groundTruth.unreadable) assert.equal(tree.items.get(id)?.readable, false);
    const karriere = tree.items.get(groundTruth.controls.find((c) => c.kind === 'other-language-only')?.itemId ?? '');
    assert.deepEqual(Object.keys(karriere?.langs ?? {}), ['de-DE']);
  }
});

void test('ground truth is exact: an independent oracle finds the same findings and nothing else', () => {
  assertOracleAgrees(2000, 1, true);
  assertOracleAgrees(2500, 2, true);
  assertOracleAgrees(6000, 3, true);
  assertOracleAgrees(2000, 4, false);
});

void test('without defects every category is empty', () => {
  const { groundTruth } = generateInstance({ items: 3000, seed: 9, defects: false, now: NOW });
  for (const category of XRAY_CATEGORIES) assert.equal(groundTruth.counts[category], 0, category);
});

void test('the oracle is not vacuous: deleting a referenced media item creates broken links and findings it reports', () => {
  const { tree, groundTruth } = generateInstance({ items: 2000, seed: 1, defects: true, now: NOW });
  const control = groundTruth.controls.find((c) => c.kind === 'rich-text-only-media');
  const media = tree.items.get(control?.itemId ?? '');
  assert.ok(media);
  tree.remove(media);
  const oracle = runOracle(tree, NOW.getTime());
  assert.equal(oracle['broken-link'].size, groundTruth.counts['broken-link'] + 1);
});

void test('100,000 items build in well under 5 s', (t) => {
  const started = performance.now();
  const { tree } = generateInstance({ items: 100_000, seed: 1, defects: true, now: NOW });
  const ms = performance.now() - started;
  t.diagnostic(`generated ${tree.size} items in ${ms.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  assert.equal(tree.size, 100_000);
  // Generous bound: CI machines are shared; the measured number is in the diagnostic.
  assert.ok(ms < 15_000, `took ${ms} ms`);
});
