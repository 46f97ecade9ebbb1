import type { ScanStore } from '../../../src/store/scan-store.ts';

/** What a scan stored, in a comparable form: item keys (id|language) and reference rows. */
export interface ScanSnapshot {
  items: string[];
  references: string[];
}

export async function scanSnapshot(store: ScanStore, scanId: string): Promise<ScanSnapshot> {
  const items: string[] = [];
  for await (const batch of store.iterateItems(scanId, { withoutFields: true, batchSize: 5000 })) {
    for (const i of batch) items.push(`${i.id}|${i.language}|${i.parentId ?? ''}|${i.depth}`);
  }
  const references: string[] = [];
  for await (const batch of store.iterateReferences(scanId, { batchSize: 5000 })) {
    for (const r of batch) references.push(`${r.sourceId}|${r.sourceLanguage}|${r.field}|${r.kind}|${r.targetId}|${r.targetPath}`);
  }
  return { items: items.sort(), references: references.sort() };
}

/** Differences of two snapshots, counted (for assertion messages that stay short). */
export function snapshotDiff(a: ScanSnapshot, b: ScanSnapshot): { missingItems: number; extraItems: number; missingRefs: number; extraRefs: number; duplicateItems: number } {
  const count = (x: string[], y: Set<string>): number => x.filter((v) => !y.has(v)).length;
  const setA = new Set(a.items);
  const setB = new Set(b.items);
  return {
    missingItems: count(a.items, setB),
    extraItems: count(b.items, setA),
    missingRefs: count(a.references, new Set(b.references)),
    extraRefs: count(b.references, new Set(a.references)),
    duplicateItems: b.items.length - setB.size,
  };
}
