import { createHash } from 'node:crypto';
import type { ScanStore } from '../../store/scan-store.ts';
import type { NewFinding } from '../../store/scan-store-types.ts';
import type { FindingDraft, FindingEvidence, RegisteredAnalyzer } from './analyzer-types.ts';
import type { AnalyzerSettings } from './xray-config-schema.ts';

const FLUSH_AT = 500;

function stableEvidence(evidence: FindingEvidence): Array<[string, string | number | boolean]> {
  return Object.entries(evidence).filter((e): e is [string, string | number | boolean] => e[1] !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * Stable across scans for the same problem, and changes with its evidence:
 * analyzer, item, rule and the evidence (field and exact raw value). Neither
 * the analyzer version nor the language is in it, so a finding seen in two
 * languages is one finding, and an analyzer upgrade does not make every finding new.
 */
export function fingerprintOf(analyzerId: string, draft: Pick<FindingDraft, 'itemId' | 'rule' | 'evidence'>): string {
  const text = JSON.stringify([analyzerId, draft.itemId, draft.rule, stableEvidence(draft.evidence)]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function toNewFinding(analyzer: RegisteredAnalyzer, settings: Pick<AnalyzerSettings, 'severity'>, draft: FindingDraft): NewFinding {
  const evidence = Object.fromEntries(stableEvidence(draft.evidence));
  return {
    fingerprint: fingerprintOf(analyzer.id, draft),
    analyzerId: analyzer.id,
    analyzerVersion: analyzer.version,
    category: analyzer.category,
    severity: settings.severity ?? draft.severity ?? analyzer.severity,
    itemId: draft.itemId,
    itemPath: draft.itemPath,
    ...(draft.language ? { language: draft.language } : {}),
    message: draft.message,
    evidence: { ...evidence, rule: draft.rule, ...(draft.detail ? { detail: draft.detail } : {}) },
    hint: analyzer.hint,
  };
}

/** Buffers findings and writes them in batches; a fingerprint already written in this analysis is dropped. */
export class FindingSink {
  private readonly store: ScanStore;
  private readonly scanId: string;
  private readonly seen = new Set<string>();
  private buffer: NewFinding[] = [];

  constructor(store: ScanStore, scanId: string) {
    this.store = store;
    this.scanId = scanId;
  }

  /** False when the finding duplicates one already added (same problem in another language version). */
  async add(analyzer: RegisteredAnalyzer, settings: AnalyzerSettings, draft: FindingDraft): Promise<boolean> {
    const finding = toNewFinding(analyzer, settings, draft);
    if (this.seen.has(finding.fingerprint)) return false;
    this.seen.add(finding.fingerprint);
    this.buffer.push(finding);
    if (this.buffer.length >= FLUSH_AT) await this.flush();
    return true;
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) await this.store.putFindings(this.scanId, batch);
  }
}
