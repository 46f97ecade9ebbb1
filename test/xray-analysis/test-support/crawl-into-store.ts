import type { CrawlTask, XraySource } from '../../../src/adapter-kit/index.ts';
import type { ScanStore } from '../../../src/store/scan-store.ts';
import type { ScanRecord } from '../../../src/store/scan-store-types.ts';
import { COVERAGE_EVENT } from '../../../src/xray/analysis/scan-inputs.ts';

export interface CrawlOptions {
  adapter: string;
  root?: string;
  /** Pages crawled at once. */
  concurrency?: number;
  /** Reasons the source gives for the categories it cannot see (XMC_XRAY_UNSUPPORTED). */
  unsupported?: Record<string, string>;
}

/**
 * Test support standing in for the scan engine until it lands: walks an
 * XraySource breadth-first through the store's own task queue, committing
 * each page with `commitPage`, records the source's coverage as the engine
 * does, and marks the scan completed.
 */
export async function crawlIntoStore(store: ScanStore, source: XraySource, options: CrawlOptions): Promise<ScanRecord> {
  const scan = await store.createScan({ adapter: options.adapter, ...(options.root ? { root: options.root } : {}) });
  await store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
  await store.appendEvent(scan.id, COVERAGE_EVENT, { supported: [...source.supportedCategories], unsupported: options.unsupported ?? {} });
  await store.addRootTasks(scan.id, await source.rootTasks(options.root));
  const concurrency = options.concurrency ?? 8;
  for (;;) {
    const leased: CrawlTask[] = await store.leaseTasks(scan.id, 'test-loader', concurrency, 60_000);
    if (leased.length === 0) break;
    await Promise.all(leased.map(async (task) => {
      const page = await source.crawl(task);
      const result = await store.commitPage(scan.id, task.key, 'test-loader', { items: page.items, nextTasks: page.next, requests: page.requests });
      if (result.outcome !== 'committed') throw new Error(`page ${task.key} was ${result.outcome}: ${result.reason ?? ''}`);
    }));
  }
  return store.updateScanStatus(scan.id, 'completed', { phase: 'done' });
}
