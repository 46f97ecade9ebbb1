import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { XrayCategory } from '../../adapter-kit/index.ts';
import { rankRecommendations } from './recommendations.ts';
import { categoryScore, CRITICAL_CAP, gradeOf, scoreOf, type CategoryTally } from './scoring.ts';

const ALL: XrayCategory[] = ['broken-link', 'orphan', 'unused-template', 'unused-rendering', 'duplicate', 'security', 'deep-nesting',
  'too-many-children', 'large-media', 'stale-content', 'circular-reference', 'empty-container', 'invalid-field'];
const tallies = (entries: Array<[XrayCategory, Partial<CategoryTally>]>): Map<XrayCategory, CategoryTally> =>
  new Map(entries.map(([c, t]) => [c, { critical: 0, warning: 0, info: 0, ...t }]));

void test('grades follow the documented boundaries', () => {
  assert.deepEqual([100, 90, 89.9, 80, 79.9, 70, 69.9, 60, 59.9, 0].map(gradeOf), ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
});

void test('the formula: 100·e^(−density/20) per category, density = weighted findings per 1,000 items', () => {
  assert.equal(categoryScore(0, 5000), 100);
  assert.equal(categoryScore(20, 1000), 100 * Math.exp(-1));
  // Below 1,000 items the instance counts as 1,000: a tiny site is not punished harder per finding.
  assert.equal(categoryScore(20, 10), categoryScore(20, 1000));
  const r = scoreOf(tallies([['stale-content', { info: 20 }]]), ALL, 1000);
  const weights = r.categories.reduce((s, c) => s + c.weight, 0);
  assert.equal(r.score, Math.round((100 * (weights - 1) + 100 * Math.exp(-1)) / weights * 10) / 10);
});

void test('deterministic, and normalised by size: the same findings weigh less in a bigger instance', () => {
  const t = tallies([['broken-link', { warning: 10 }], ['security', { warning: 5 }], ['orphan', { info: 40 }]]);
  assert.deepEqual(scoreOf(t, ALL, 2000), scoreOf(new Map(t), [...ALL], 2000));
  const small = scoreOf(t, ALL, 2_000).score;
  const big = scoreOf(t, ALL, 200_000).score;
  assert.ok(big > small && big >= 99, `${small} → ${big}`);
});

void test('an open critical finding caps the score at 89 (no A), and only covered categories count', () => {
  const critical = scoreOf(tallies([['security', { critical: 1 }]]), ALL, 1_000_000);
  assert.deepEqual({ score: critical.score, grade: critical.grade, capped: critical.capped }, { score: CRITICAL_CAP, grade: 'B', capped: true });
  const uncovered = scoreOf(tallies([['security', { critical: 50 }]]), ['duplicate'], 1000);
  assert.deepEqual({ score: uncovered.score, categories: uncovered.categories.map((c) => c.category) }, { score: 100, categories: ['duplicate'] });
});

void test('recommendations rank by score gained per hour of work, with impact, effort and affected items', () => {
  const t = tallies([['broken-link', { warning: 10 }], ['orphan', { info: 30 }]]);
  const groups = [
    { category: 'broken-link' as const, rule: 'droplink', analyzer: 'broken-link', hint: 'fix', docsAnchor: 'broken-link', minutesPerFinding: 5, critical: 0, warning: 10, info: 0, affectedItems: 7 },
    { category: 'orphan' as const, rule: 'media', analyzer: 'orphan', hint: 'delete', docsAnchor: 'orphan', minutesPerFinding: 60, critical: 0, warning: 0, info: 30, affectedItems: 30 },
  ];
  const recs = rankRecommendations(groups, t, ALL, 1000);
  assert.deepEqual(recs.map((r) => [r.rank, r.rule, r.effort, r.affectedItems]), [[1, 'droplink', 'low', 7], [2, 'media', 'high', 30]]);
  assert.ok(recs.every((r) => r.impact > 0));
});
