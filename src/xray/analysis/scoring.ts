import type { XrayCategory } from '../../adapter-kit/index.ts';
import type { FindingSeverity } from '../../store/scan-store-types.ts';

/**
 * The X-Ray score (docs/xray.md "Score and grade"). Deterministic: the same
 * findings and item count give the same score, to the decimal.
 *
 *   weighted_c   = Σ severity weight of the open (not accepted) findings in category c
 *   density_c    = weighted_c / max(1, items / 1000)          (per thousand items)
 *   score_c      = 100 × e^(−density_c / 20)
 *   overall      = Σ_c w_c × score_c / Σ_c w_c                 (covered categories only)
 *   if any open critical finding: overall = min(overall, 89)  (never an A with a critical open)
 *   grade        = A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F
 */
export const SCORE_FORMULA_VERSION = '1';
export const SEVERITY_WEIGHT: Readonly<Record<FindingSeverity, number>> = { critical: 10, warning: 3, info: 1 };
export const DENSITY_SCALE = 20;
export const CRITICAL_CAP = 89;
export const CATEGORY_WEIGHT: Readonly<Record<XrayCategory, number>> = {
  'broken-link': 3, 'security': 3, 'circular-reference': 2, 'invalid-field': 2, 'duplicate': 1.5, 'too-many-children': 1.5,
  'large-media': 1.5, 'orphan': 1, 'unused-template': 1, 'unused-rendering': 1, 'deep-nesting': 1, 'stale-content': 1,
  'empty-container': 0.5,
};

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface CategoryTally {
  critical: number;
  warning: number;
  info: number;
}

export interface CategoryScore extends CategoryTally {
  category: XrayCategory;
  findings: number;
  weighted: number;
  score: number;
  weight: number;
}

export interface ScoreResult {
  score: number;
  grade: Grade;
  /** Whether the critical cap lowered the score. */
  capped: boolean;
  categories: CategoryScore[];
  formulaVersion: string;
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function weightedOf(t: CategoryTally): number {
  return t.critical * SEVERITY_WEIGHT.critical + t.warning * SEVERITY_WEIGHT.warning + t.info * SEVERITY_WEIGHT.info;
}

export function categoryScore(weighted: number, items: number): number {
  return 100 * Math.exp(-(weighted / Math.max(1, items / 1000)) / DENSITY_SCALE);
}

/** Scores the covered categories from their tallies of open findings. */
export function scoreOf(tallies: ReadonlyMap<XrayCategory, CategoryTally>, covered: readonly XrayCategory[], items: number): ScoreResult {
  const categories: CategoryScore[] = covered.map((category) => {
    const t = tallies.get(category) ?? { critical: 0, warning: 0, info: 0 };
    const weighted = weightedOf(t);
    return { category, ...t, findings: t.critical + t.warning + t.info, weighted, score: round1(categoryScore(weighted, items)), weight: CATEGORY_WEIGHT[category] };
  });
  const totalWeight = categories.reduce((s, c) => s + c.weight, 0);
  // Unrounded category scores feed the overall score, so rounding never compounds.
  const raw = totalWeight === 0 ? 100
    : categories.reduce((s, c) => s + c.weight * categoryScore(c.weighted, items), 0) / totalWeight;
  const anyCritical = categories.some((c) => c.critical > 0);
  const capped = anyCritical && raw > CRITICAL_CAP;
  const score = round1(capped ? CRITICAL_CAP : raw);
  return { score, grade: gradeOf(score), capped, categories, formulaVersion: SCORE_FORMULA_VERSION };
}
