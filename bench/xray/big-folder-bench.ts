// node bench/xray/big-folder-bench.ts [--children 6000] [--latency-ms 5] [--concurrency 16]
//
// A Sitecore folder with many children: SSC returns all of a parent's children in one answer, while X-Ray
// commits them in pages of 200. Builds a simulated instance (1,000 items) plus one folder of --children leaf
// items under Home, scans it in-process into SQLite, and prints the wall time, how often the folder's children
// were fetched, all requests, and the process's RSS (the simulator lives in this process too).
import { parseArgs } from 'node:util';
import { xrayApp } from '../../test/xray/support/xray-fixtures.ts';
import { startBigFolderSimulator } from '../support/big-folder.ts';

const { values } = parseArgs({ options: {
  children: { type: 'string', default: '6000' }, 'latency-ms': { type: 'string', default: '5' }, concurrency: { type: 'string', default: '16' },
} });
const children = Number(values.children);
const { sim, folderId } = await startBigFolderSimulator(children, Number(values['latency-ms']));

const app = await xrayApp({ simUrl: sim.url, maxConcurrent: Number(values.concurrency) });
try {
  sim.resetStats();
  const started = performance.now();
  const { run } = await app.xray.start({ adapter: 'sim' });
  const result = await run.done;
  const stats = sim.stats();
  process.stdout.write(`${JSON.stringify({
    children, status: result.scan.status, items: result.scan.itemsCrawled, seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    folderFetches: stats.childrenFetches[folderId] ?? 0, requests: stats.total, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  })}\n`);
} finally {
  await app.close();
  await sim.close();
}
