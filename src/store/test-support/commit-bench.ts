// Store throughput: N items crawled as pages of P items by C concurrent workers (lease → commitPage),
// then streamed back. Not a test: run by hand and read the numbers.
//   npx node src/store/test-support/commit-bench.ts [sqlite|postgres] [items=100000] [pageSize=100] [concurrency=16]
import type { XrayItem } from '../../adapter-kit/xray-source-types.ts';
import { migrate } from '../migrate.ts';
import { createScanStore } from '../scan-store.ts';
import type { ItemReference } from '../scan-store-types.ts';
import { POSTGRES_TEST_URL } from './postgres-test-gate.ts';
import { postgresTarget, sqliteTarget } from './test-databases.ts';

const [kind = 'sqlite', itemsArg = '100000', pageArg = '100', concArg = '16'] = process.argv.slice(2);
const total = Number(itemsArg);
const pageSize = Number(pageArg);
const concurrency = Number(concArg);
const pages = Math.ceil(total / pageSize);

function pageItems(p: number): { items: XrayItem[]; references: ItemReference[] } {
  const items: XrayItem[] = [];
  const references: ItemReference[] = [];
  for (let i = 0; i < pageSize && p * pageSize + i < total; i++) {
    const n = p * pageSize + i;
    const id = `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    items.push({
      id, parentId: `${p.toString(16).padStart(8, '0')}-ffff-4000-8000-000000000000`, path: `/sitecore/content/Site/Section ${p}/Item ${n}`,
      name: `Item ${n}`, templateId: 'a1b2c3d4-0000-4000-8000-000000000001', templateName: 'Article Page', language: 'en', version: 1,
      updatedAt: '2026-03-01T10:00:00Z', createdAt: '2024-03-01T10:00:00Z', hasChildren: false,
      fields: {
        Title: `Article ${n}`, 'Meta Description': 'A reasonably long meta description for search engines. '.repeat(2),
        Body: `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}</p><a href="~/link.aspx?_id=${id}">x</a>`,
        __Created: '20240301T100000Z', __Updated: '20260301T100000Z', '__Updated by': 'sitecore\\admin', __Workflow: '', __Renderings: '',
      },
    });
    references.push({ sourceId: id, sourceLanguage: 'en', field: 'Body', kind: 'link', targetId: `${((n * 7) % total).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000` });
    references.push({ sourceId: id, sourceLanguage: 'en', field: '__Template', kind: 'template', targetId: 'a1b2c3d4-0000-4000-8000-000000000001' });
  }
  return { items, references };
}

const target = kind === 'postgres' ? postgresTarget(POSTGRES_TEST_URL) : sqliteTarget;
const database = await target.fresh();
try {
  await migrate(database.db);
  const store = createScanStore(database.db);
  const scan = await store.createScan({ adapter: 'bench' });
  await store.updateScanStatus(scan.id, 'running');
  await store.addRootTasks(scan.id, Array.from({ length: pages }, (_, p) => ({ key: `page-${p}`, cursor: String(p), depth: 1 })));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (;;) {
      const [t] = await store.leaseTasks(scan.id, `w${w}`, 1, 60_000);
      if (t === undefined) return;
      const page = pageItems(Number(t.cursor));
      const before = performance.now();
      await store.commitPage(scan.id, t.key, `w${w}`, { ...page, nextTasks: [], requests: 1 });
      latencies.push(performance.now() - before);
    }
  }));
  const crawlMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const readStart = performance.now();
  let read = 0;
  let peakRss = 0;
  for await (const batch of store.iterateItems(scan.id, { batchSize: 1000 })) {
    read += batch.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const readMs = performance.now() - readStart;
  const counts = await store.counts(scan.id);
  process.stdout.write(JSON.stringify({
    kind, items: total, pageSize, concurrency, pages,
    crawlSeconds: +(crawlMs / 1000).toFixed(2), itemsPerSecond: Math.round(total / (crawlMs / 1000)), pagesPerSecond: Math.round(pages / (crawlMs / 1000)),
    commitMsP50: +(latencies[Math.floor(latencies.length * 0.5)] ?? 0).toFixed(2), commitMsP95: +(latencies[Math.floor(latencies.length * 0.95)] ?? 0).toFixed(2),
    streamSeconds: +(readMs / 1000).toFixed(2), streamedItems: read, itemsPerSecondStreamed: Math.round(read / (readMs / 1000)),
    streamPeakRssMb: Math.round(peakRss / 2 ** 20),
    stored: { items: counts.items, references: counts.references, tasksDone: counts.tasks.done },
  }, null, 1) + '\n');
  await store.close();
} finally {
  await database.cleanup();
}
