import type { XrayCategory } from '../../adapter-kit/index.ts';
import { scoreOf, type CategoryTally } from './scoring.ts';

/** One group of open findings (same category and rule), as the ranking sees it. */
export interface FindingGroup extends CategoryTally {
  category: XrayCategory;
  rule: string;
  analyzer: string;
  hint: string;
  docsAnchor: string;
  minutesPerFinding: number;
  affectedItems: number;
}

export interface Recommendation {
  rank: number;
  category: XrayCategory;
  rule: string;
  title: string;
  hint: string;
  docs: string;
  findings: number;
  affectedItems: number;
  /** Score points gained when the whole group is fixed (or accepted). */
  impact: number;
  effort: 'low' | 'medium' | 'high';
  effortMinutes: number;
}

/** Up to an hour: low; up to a working day: medium; more: high. */
export function effortOf(minutes: number): Recommendation['effort'] {
  if (minutes <= 60) return 'low';
  if (minutes <= 480) return 'medium';
  return 'high';
}

/**
 * Ranked recommendations: for each group, the score gained by fixing it
 * (overall score without the group minus the score now), the effort (findings
 * × the analyzer's minutes per finding), ranked by gain per hour of work, then
 * by gain, then by name for a stable order.
 */
export function rankRecommendations(groups: readonly FindingGroup[], tallies: ReadonlyMap<XrayCategory, CategoryTally>,
  covered: readonly XrayCategory[], items: number, limit = 10): Recommendation[] {
  const now = scoreOf(tallies, covered, items).score;
  const scored = groups.map((g) => {
    const without = new Map(tallies);
    const t = tallies.get(g.category) ?? { critical: 0, warning: 0, info: 0 };
    without.set(g.category, { critical: t.critical - g.critical, warning: t.warning - g.warning, info: t.info - g.info });
    const impact = Math.round((scoreOf(without, covered, items).score - now) * 10) / 10;
    const findings = g.critical + g.warning + g.info;
    const effortMinutes = findings * g.minutesPerFinding;
    return { g, impact, findings, effortMinutes, perHour: impact / Math.max(effortMinutes / 60, 0.25) };
  });
  scored.sort((a, b) => b.perHour - a.perHour || b.impact - a.impact || `${a.g.category}/${a.g.rule}`.localeCompare(`${b.g.category}/${b.g.rule}`));
  return scored.slice(0, limit).map((s, i) => ({
    rank: i + 1, category: s.g.category, rule: s.g.rule, title: `${s.g.category}: ${s.g.rule}`, hint: s.g.hint, docs: `docs/xray.md#${s.g.docsAnchor}`,
    findings: s.findings, affectedItems: s.g.affectedItems, impact: s.impact, effort: effortOf(s.effortMinutes), effortMinutes: s.effortMinutes,
  }));
}
