import type { XrayCategory } from '../../../../src/adapter-kit/index.ts';

export const XRAY_CATEGORIES: readonly XrayCategory[] = [
  'broken-link', 'orphan', 'unused-template', 'unused-rendering', 'duplicate', 'security', 'deep-nesting',
  'too-many-children', 'large-media', 'stale-content', 'circular-reference', 'empty-container', 'invalid-field',
];

/** Thresholds the planting rules use (see README "What counts as one finding"). */
export const RULES = {
  /** Content depth below /sitecore/content (Home = 1); deeper items are findings. */
  maxDepth: 10,
  /** Items with more (readable) children than this are findings. */
  maxChildren: 100,
  /** Media whose Size field (bytes) is greater than this are findings: 250 KB = 250 × 1024. */
  largeMediaBytes: 256_000,
  /** Content items whose en `__Updated` is more than this many days before `now` are stale. */
  staleDays: 365,
} as const;

export interface GroundTruthFinding {
  category: XrayCategory;
  /** Sub-rule, e.g. "rich-text-link", "broad-rights", "malformed-date". */
  kind: string;
  /** Canonical id of the item the finding is reported on. */
  itemId: string;
  /** Its path when generated. */
  path: string;
  /** Evidence field ("ItemName" for names, "children" for child counts). */
  field?: string;
  /** Evidence value: the offending token or raw value. */
  value?: string;
  /** broken-link: the canonical id or the path the reference points to. */
  target?: string;
  /** security: the account the rule is about. */
  account?: string;
  /** Language of the version that holds the evidence, for versioned fields. */
  language?: string;
}

/** Something that looks like a defect but is not one: an analyzer must not report it. */
export interface GroundTruthControl {
  kind: string;
  itemId: string;
  path: string;
  field?: string;
  value?: string;
  note: string;
}

export interface GroundTruth {
  seed: number;
  items: number;
  now: string;
  rules: typeof RULES;
  findings: Record<XrayCategory, GroundTruthFinding[]>;
  counts: Record<XrayCategory, number>;
  controls: GroundTruthControl[];
  /** Items the API account cannot read (404 over SSC, still counted by search). They carry no findings. */
  unreadable: string[];
}

export class GroundTruthBuilder {
  private readonly findings = new Map<XrayCategory, GroundTruthFinding[]>(XRAY_CATEGORIES.map((c) => [c, []]));
  private readonly controls: GroundTruthControl[] = [];
  private readonly unreadable: string[] = [];

  add(finding: GroundTruthFinding): void {
    this.findings.get(finding.category)?.push(finding);
  }

  control(control: GroundTruthControl): void {
    this.controls.push(control);
  }

  markUnreadable(id: string): void {
    this.unreadable.push(id);
  }

  build(meta: { seed: number; items: number; now: number }): GroundTruth {
    const findings = Object.fromEntries(XRAY_CATEGORIES.map((c) => [c, [...(this.findings.get(c) ?? [])]])) as Record<XrayCategory, GroundTruthFinding[]>;
    const counts = Object.fromEntries(XRAY_CATEGORIES.map((c) => [c, findings[c].length])) as Record<XrayCategory, number>;
    return {
      seed: meta.seed, items: meta.items, now: new Date(meta.now).toISOString(), rules: RULES,
      findings, counts, controls: [...this.controls], unreadable: [...this.unreadable],
    };
  }
}
