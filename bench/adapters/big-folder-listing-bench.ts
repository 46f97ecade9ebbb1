// node bench/adapters/big-folder-listing-bench.ts [--children 6000] [--limit 50] [--latency-ms 5]
//
// An agent paging through a big Sitecore folder with content_list: SSC returns a parent's children in one
// answer with no paging, so each page is a slice of the whole list. Pages through the folder with the
// content service (as the tool does, read cache on) and prints the pages, how often the folder's children
// were fetched from the CMS, the wall time, and the process's RSS (the simulator lives in this process too).
import { parseArgs } from 'node:util';
import { xrayApp } from '../../test/xray/support/xray-fixtures.ts';
import { startBigFolderSimulator } from '../support/big-folder.ts';

const { values } = parseArgs({ options: {
  children: { type: 'string', default: '6000' }, limit: { type: 'string', default: '50' }, 'latency-ms': { type: 'string', default: '5' },
} });
const children = Number(values.children);
const { sim, folderId } = await startBigFolderSimulator(children, Number(values['latency-ms']));
const app = await xrayApp({ simUrl: sim.url });
try {
  sim.resetStats();
  const started = performance.now();
  let pages = 0;
  let items = 0;
  let cursor: string | undefined;
  do {
    const page = await app.content.list('sim', { parent: { id: folderId }, limit: Number(values.limit), ...(cursor ? { cursor } : {}) });
    pages += 1;
    items += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  const stats = sim.stats();
  process.stdout.write(`${JSON.stringify({
    children, pages, items, seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    folderFetches: stats.childrenFetches[folderId] ?? 0, requests: stats.total, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  })}\n`);
} finally {
  await app.close();
  await sim.close();
}
