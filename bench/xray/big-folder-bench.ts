// node bench/xray/big-folder-bench.ts [--children 6000] [--latency-ms 5] [--concurrency 16]
//
// A Sitecore folder with many children: SSC returns all of a parent's children in one answer, while X-Ray
// commits them in pages of 200. Builds a simulated instance (1,000 items) plus one folder of --children leaf
// items under Home, scans it in-process into SQLite, and prints the wall time, how often the folder's children
// were fetched, all requests, and the process's RSS (the simulator lives in this process too).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { xrayApp } from '../../test/xray/support/xray-fixtures.ts';

const { values } = parseArgs({ options: {
  children: { type: 'string', default: '6000' }, 'latency-ms': { type: 'string', default: '5' }, concurrency: { type: 'string', default: '16' },
} });
const children = Number(values.children);
const sim = await startSitecoreSimulator({ items: 1_000, seed: 3, faults: { latencyMs: Number(values['latency-ms']) } });
const home = sim.tree.getByPath('/sitecore/content/Home');
const model = home ? sim.tree.children(home)[0] : undefined;
if (!home || !model) throw new Error('the simulated tree has no /sitecore/content/Home with children');
const copy = (name: string, parentId: string) => sim.tree.add({
  id: randomUUID(), name, parentId, templateId: model.templateId, shared: { ...model.shared }, langs: structuredClone(model.langs),
});
const folder = copy('Big folder', home.id);
for (let i = 0; i < children; i++) copy(`Entry ${i}`, folder.id);

const app = await xrayApp({ simUrl: sim.url, maxConcurrent: Number(values.concurrency) });
try {
  sim.resetStats();
  const started = performance.now();
  const { run } = await app.xray.start({ adapter: 'sim' });
  const result = await run.done;
  const stats = sim.stats();
  process.stdout.write(`${JSON.stringify({
    children, status: result.scan.status, items: result.scan.itemsCrawled, seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    folderFetches: stats.childrenFetches[folder.id] ?? 0, requests: stats.total, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  })}\n`);
} finally {
  await app.close();
  await sim.close();
}
