// One X-Ray crawl as users run it: `conduit xray scan --wait --json` from the built binary (bin/conduit.js →
// dist/, no TypeScript stripping), in a process of its own so its peak RSS is the crawl's alone. The peak is
// read from /proc/<pid>/status (VmHWM) while it runs; the crawl ends at the scan's `finishing` event (the
// analysis that follows is measured apart). Requests are counted by the simulator.
// CRAWL_NODE_FLAGS="--cpu-prof --cpu-prof-dir=DIR" passes node flags to the crawling process (profiles).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { z } from 'zod';
import { ITEM_IDS } from '../../adapters/sitecore/shared/index.ts';

export interface CliCrawlOptions {
  simUrl: string;
  concurrency: number;
  ratePerSecond: number;
  root: string;
  dir: string;
  /** `--languages` for the scan (default: the adapter's language alone). */
  languages?: string;
  /** How many languages that is: each page of children costs one request per language. */
  languagesRead: number;
  /** Postgres URL (with its search_path) and schema; SQLite in `dir` otherwise. */
  postgres?: { url: string; schema: string };
}

export type CrawlResult = Record<string, number | string>;

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'conduit.js');
const progressLine = z.object({
  type: z.literal('progress'), event: z.string(), status: z.string(), elapsedMs: z.number(),
  items: z.number(), references: z.number(), pages: z.number(),
}).loose();
const summaryLine = z.object({ type: z.literal('summary'), status: z.string(), items: z.number(), references: z.number(), pages: z.number() }).loose();
const statsSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.number()), childrenFetches: z.record(z.string(), z.number()).default({}) });

async function sim(url: string, path: string, method = 'GET'): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, signal: AbortSignal.timeout(5000) });
  const body = await res.text();
  return body === '' ? null : JSON.parse(body);
}

/** Peak resident set so far (VmHWM, MiB) of a running process; 0 once it is gone. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function dbMb(options: CliCrawlOptions, sqlite: string): Promise<number> {
  if (options.postgres) {
    const client = new pg.Client({ connectionString: options.postgres.url });
    await client.connect();
    try {
      const r = await client.query('SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = $2', [options.postgres.schema, 'r']);
      return Number(z.object({ bytes: z.union([z.string(), z.number()]) }).parse(r.rows[0]).bytes) / 2 ** 20;
    } finally {
      await client.end();
    }
  }
  const size = (f: string): number => (existsSync(f) ? statSync(f).size : 0);
  return (size(sqlite) + size(`${sqlite}-wal`)) / 2 ** 20;
}

export async function crawlWithCli(options: CliCrawlOptions): Promise<CrawlResult> {
  const sqlite = join(options.dir, 'scan.db');
  const config = join(options.dir, 'conduit.yaml');
  writeFileSync(config, [
    'adapters:',
    '  bench:',
    '    type: sitecore-xp',
    `    url: ${options.simUrl}`,
    '    credentials: { domain: sitecore, username: admin, password: "${BENCH_SSC_PASSWORD}" }',
    `    resilience: { maxConcurrent: ${options.concurrency}, ratePerSecond: ${options.ratePerSecond} }`,
    'storage:',
    options.postgres ? '  postgres: "${BENCH_DATABASE_URL}"' : `  sqlite: ${JSON.stringify(sqlite)}`,
    'logging: { level: warn }',
    '',
  ].join('\n'));
  await sim(options.simUrl, '/_sim/stats/reset', 'POST');
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_SSC_PASSWORD: 'b', BENCH_DATABASE_URL: options.postgres?.url ?? '' };
  delete env['DATABASE_URL'];
  delete env['CONDUIT_CONFIG'];
  const child = spawn(process.execPath, [...(process.env.CRAWL_NODE_FLAGS ?? '').split(' ').filter(Boolean), BIN, 'xray', 'scan', '--adapter', 'bench', '--root', options.root,
    ...(options.languages ? ['--languages', options.languages] : []), '--wait', '--json', '-c', config], {
    env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid ?? 0;
  let peak = 0;
  const poll = setInterval(() => { peak = Math.max(peak, peakRssMb(pid)); }, 100);
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  let crawlEnd: { seconds: number; rssMb: number; requests: number } | undefined;
  let summary: z.infer<typeof summaryLine> | undefined;
  let last: z.infer<typeof progressLine> | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    const json: unknown = JSON.parse(line);
    const final = summaryLine.safeParse(json);
    if (final.success) summary = final.data;
    const parsed = progressLine.safeParse(json);
    if (!parsed.success) continue;
    last = parsed.data;
    if (crawlEnd === undefined && ['finishing', 'truncated', 'ended'].includes(parsed.data.event)) {
      peak = Math.max(peak, peakRssMb(pid));
      crawlEnd = { seconds: parsed.data.elapsedMs / 1000, rssMb: peak, requests: statsSchema.parse(await sim(options.simUrl, '/_sim/stats')).total };
    }
  }
  const code = await exited;
  clearInterval(poll);
  if (code !== 0 || last === undefined || crawlEnd === undefined || summary === undefined) throw new Error(`conduit xray scan exited ${code} (last progress: ${JSON.stringify(last)})`);
  const stats = statsSchema.parse(await sim(options.simUrl, '/_sim/stats'));
  // Each children task is one SSC children request; the root item and the finishing step are the other two pages.
  // The scan's start reads /sitecore/system/Languages once more (its scope note): that read is no page.
  const childrenPages = summary.pages - 2;
  const languageReads = Math.min(1, stats.childrenFetches[ITEM_IDS.languages] ?? 0);
  return {
    status: summary.status, items: summary.items, references: summary.references, pages: summary.pages,
    seconds: last.elapsedMs / 1000, crawlSeconds: crawlEnd.seconds,
    itemsPerSecond: last.items / crawlEnd.seconds, requestsPerSecond: crawlEnd.requests / crawlEnd.seconds, requests: stats.total,
    refetchedPages: Math.max(0, (stats.byRoute['children'] ?? 0) - languageReads - options.languagesRead * childrenPages),
    crawlPeakRssMb: crawlEnd.rssMb, peakRssMb: peak, dbMb: await dbMb(options, sqlite),
  };
}
