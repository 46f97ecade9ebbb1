import type { XrayCategory } from '../../../src/adapter-kit/index.ts';
import type { ScanStore } from '../../../src/store/scan-store.ts';
import type { GroundTruth, GroundTruthFinding } from '../../../adapters/sitecore/simulator/generator/ground-truth.ts';
import { keyOf } from '../../../adapters/sitecore/simulator/test-support/ground-truth-oracle.ts';

export interface FindingKey { category: XrayCategory; itemId: string; key: string }

/** Every stored finding of a scan as the simulator's ground-truth key (item, plus the evidence that makes it distinct). */
export async function findingKeys(store: ScanStore, scanId: string): Promise<FindingKey[]> {
  const out: FindingKey[] = [];
  for await (const batch of store.iterateFindings(scanId)) {
    for (const f of batch) {
      const e = f.evidence;
      const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
      const category = f.category as XrayCategory;
      const fields = { itemId: f.itemId ?? '', kind: str(e['rule']) ?? '' };
      const field = str(e['field']);
      const target = str(e['target']);
      const account = str(e['account']);
      out.push({ category, itemId: f.itemId ?? '', key: keyOf(category, { ...fields, ...(field ? { field } : {}), ...(target ? { target } : {}), ...(account ? { account } : {}) }) });
    }
  }
  return out;
}

export interface CategoryDiff { category: XrayCategory; expected: number; found: number; missing: string[]; extra: string[] }

/** Per category: ground-truth keys not found (missed) and found keys not in the ground truth (false positives). */
export async function compareWithGroundTruth(store: ScanStore, scanId: string, truth: GroundTruth, scope: (f: GroundTruthFinding) => boolean = () => true): Promise<CategoryDiff[]> {
  const found = await findingKeys(store, scanId);
  return (Object.keys(truth.findings) as XrayCategory[]).map((category) => {
    const expected = new Set(truth.findings[category].filter(scope).map((f) => keyOf(category, f)));
    const got = new Set(found.filter((f) => f.category === category).map((f) => f.key));
    return { category, expected: expected.size, found: got.size, missing: [...expected].filter((k) => !got.has(k)), extra: [...got].filter((k) => !expected.has(k)) };
  });
}
