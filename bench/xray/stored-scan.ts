import type { XrayItem } from '../../src/adapter-kit/index.ts';
import type { ScanStore } from '../../src/store/scan-store.ts';
import type { ScanRecord } from '../../src/store/scan-store-types.ts';
import { toPageCommit } from '../../src/xray/engine/page-runner.ts';
import { COVERAGE_EVENT } from '../../src/xray/analysis/scan-inputs.ts';
import { toXrayItem } from '../../adapters/sitecore-xp/map-ssc-item.ts';
import { XP_XRAY_CATEGORIES } from '../../adapters/sitecore-xp/xp-xray.ts';
import { sscItemSchema } from '../../adapters/sitecore-xp/ssc-schemas.ts';
import { withXrayReferences } from '../../adapters/sitecore/shared/index.ts';
import { generateInstance } from '../../adapters/sitecore/simulator/generator/generate-instance.ts';
import { buildItemModel } from '../../adapters/sitecore/simulator/server/item-model.ts';

const PAGE = 500;

/**
 * Bench support: a stored scan made without HTTP, the way the engine would
 * store a crawl of the simulator over SSC: each readable item as SSC returns
 * it (standard fields, en), mapped by the sitecore-xp adapter, references
 * parsed by the shared field parser, committed page by page. Several seeds
 * make a synthetic instance of seeds × items (well-known items are shared,
 * so they are upserted once).
 */
export async function storeGeneratedScan(store: ScanStore, options: { items: number; seeds: readonly number[]; now: Date; log?(line: string): void }): Promise<ScanRecord> {
  const scan = await store.createScan({ adapter: 'bench', root: '/sitecore' });
  await store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
  await store.appendEvent(scan.id, COVERAGE_EVENT, { supported: [...XP_XRAY_CATEGORIES], unsupported: {} });
  let page = 0;
  await store.addRootTasks(scan.id, [{ key: 'p0', cursor: 'p0', depth: 0 }]);
  for (const seed of options.seeds) {
    const { tree } = generateInstance({ items: options.items, seed, defects: true, now: options.now });
    let batch: XrayItem[] = [];
    const flush = async (): Promise<void> => {
      const next = { key: `p${page + 1}`, cursor: `p${page + 1}`, depth: 0 };
      const result = await store.commitPage(scan.id, `p${page}`, 'bench', toPageCommit({ items: batch, next: [next], requests: batch.length }));
      if (result.outcome !== 'committed') throw new Error(`page ${page}: ${result.outcome} ${result.reason ?? ''}`);
      page++;
      batch = [];
    };
    for (const item of tree.items.values()) {
      if (!item.readable) continue;
      const model = sscItemSchema.parse(buildItemModel(tree, item, { language: 'en', includeStandardFields: true }));
      batch.push(withXrayReferences(toXrayItem(model)));
      if (batch.length >= PAGE) await flush();
    }
    if (batch.length > 0) await flush();
    options.log?.(`seed ${seed}: ${tree.size.toLocaleString('en')} items stored`);
  }
  await store.commitPage(scan.id, `p${page}`, 'bench', { items: [] });
  return store.updateScanStatus(scan.id, 'completed', { phase: 'done' });
}
