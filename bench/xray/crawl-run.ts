// One X-Ray crawl in a process of its own (so its peak RSS is the crawl's alone), through the real App,
// the sitecore-xp adapter and the configured store. Argument: JSON {simUrl, concurrency, ratePerSecond,
// sqlite?, postgres?, root?}. Prints one JSON line with the measurements.
import { existsSync, statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { z } from 'zod';
import { adapterConfigSchema, createApp } from '../../src/app.ts';
import { parseConfigObject } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/core/ports.ts';

const args = z.object({
  simUrl: z.string(), concurrency: z.number().int().min(1), ratePerSecond: z.number().min(0),
  sqlite: z.string().optional(), postgres: z.string().optional(), schema: z.string().optional(), root: z.string().optional(),
}).parse(JSON.parse(process.argv[2] ?? '{}'));

const statsSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()) });
async function simStats(): Promise<z.infer<typeof statsSchema>> {
  const res = await fetch(`${args.simUrl}/_sim/stats`, { signal: AbortSignal.timeout(5000) });
  return statsSchema.parse(await res.json());
}

async function dbBytes(): Promise<number> {
  if (args.postgres && args.schema) {
    const client = new pg.Client({ connectionString: args.postgres });
    await client.connect();
    try {
      const r = await client.query('SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = $2', [args.schema, 'r']);
      return Number(z.object({ bytes: z.union([z.string(), z.number()]) }).parse(r.rows[0]).bytes);
    } finally {
      await client.end();
    }
  }
  const file = args.sqlite ?? '';
  const size = (f: string): number => (existsSync(f) ? statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

const config = await parseConfigObject({
  adapters: { bench: { type: 'sitecore-xp', url: args.simUrl, credentials: { domain: 'sitecore', username: 'admin', password: 'b' },
    resilience: { maxConcurrent: args.concurrency, ratePerSecond: args.ratePerSecond } } },
  storage: { sqlite: args.sqlite ?? ':memory:', ...(args.postgres ? { postgres: args.postgres } : {}) },
  logging: { level: 'silent' },
}, adapterConfigSchema);
const app = await createApp(config, { logger: silentLogger });
await app.scanStore();
await fetch(`${args.simUrl}/_sim/stats/reset`, { method: 'POST', signal: AbortSignal.timeout(5000) });
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const started = performance.now();
const { scan: started0, run } = await app.xray.start({ adapter: 'bench', ...(args.root ? { root: args.root } : {}) });
// The crawl ends where the finishing step (probe of unresolved targets, analysis) begins: measured apart.
let crawlEnd: { seconds: number; rssMb: number; loopMaxMs: number; heapUsedMb: number; heapTotalMb: number; externalMb: number } | undefined;
app.xray.subscribe(started0.scanId, (p) => {
  if (crawlEnd === undefined && (p.event === 'finishing' || p.event === 'truncated' || p.event === 'ended')) {
    const memory = process.memoryUsage();
    crawlEnd = {
      seconds: (performance.now() - started) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, loopMaxMs: loop.max / 1e6,
      heapUsedMb: memory.heapUsed / 2 ** 20, heapTotalMb: memory.heapTotal / 2 ** 20, externalMb: memory.external / 2 ** 20,
    };
  }
});
const result = await run.done;
const seconds = (performance.now() - started) / 1000;
const stats = await simStats();
const scan = result.scan;
// Each children task is one SSC children request; the root item and the finishing step are the other two pages.
const childrenPages = scan.pagesCommitted - 2;
await app.close();
process.stdout.write(`${JSON.stringify({
  status: scan.status, items: scan.itemsCrawled, references: scan.referencesCrawled, pages: scan.pagesCommitted, seconds,
  crawlSeconds: crawlEnd?.seconds ?? seconds, crawlPeakRssMb: crawlEnd?.rssMb ?? 0, crawlLoopMaxMs: crawlEnd?.loopMaxMs ?? 0,
  crawlEndHeapUsedMb: crawlEnd?.heapUsedMb ?? 0, crawlEndHeapTotalMb: crawlEnd?.heapTotalMb ?? 0, crawlEndExternalMb: crawlEnd?.externalMb ?? 0,
  itemsPerSecond: scan.itemsCrawled / (crawlEnd?.seconds ?? seconds), requestsPerSecond: stats.total / (crawlEnd?.seconds ?? seconds), requests: stats.total,
  refetchedPages: Math.max(0, (stats.byRoute['children'] ?? 0) - childrenPages),
  peakRssMb: process.resourceUsage().maxRSS / 1024, dbMb: (await dbBytes()) / 2 ** 20,
  eventLoopDelayP99Ms: loop.percentile(99) / 1e6, eventLoopDelayMaxMs: loop.max / 1e6,
})}\n`);
