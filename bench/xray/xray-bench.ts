// X-Ray crawl benchmark: `npm run bench:xray [-- --only 10k --repeat 3 --latency-ms 20 --concurrency 16]`.
// The simulator runs in its own process with per-request latency; each crawl is `conduit xray scan --wait` from the
// built binary in a process of its own (bench/xray/cli-crawl.ts; run `npm run build` first), so its peak RSS is the
// crawl's. Prints one row per scenario (medians over repeats); every numeric field a crawl returns is reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { POSTGRES_TEST_URL } from '../../src/store/test-support/postgres-test-gate.ts';
import { crawlWithCli, type CrawlResult } from './cli-crawl.ts';

interface Scenario { name: string; items: number; db: 'sqlite' | 'postgres'; ratePerSecond?: number; repeat: number }

const { values } = parseArgs({ options: {
  only: { type: 'string' }, repeat: { type: 'string', default: '3' }, 'latency-ms': { type: 'string', default: '20' },
  concurrency: { type: 'string', default: '16' }, root: { type: 'string', default: '/sitecore' },
  // e.g. `all`: what each further language costs (the simulator has en and de-DE).
  languages: { type: 'string' },
} });
const repeat = Number(values.repeat);
const latencyMs = Number(values['latency-ms']);
const concurrency = Number(values.concurrency);

export const SCENARIOS: Scenario[] = [
  { name: 'sqlite 10k', items: 10_000, db: 'sqlite', repeat },
  { name: 'sqlite 100k', items: 100_000, db: 'sqlite', repeat: 1 },
  { name: 'postgres 100k', items: 100_000, db: 'postgres', repeat: 1 },
  { name: 'sqlite 10k, 80 req/s limit', items: 10_000, db: 'sqlite', ratePerSecond: 80, repeat },
];

type Result = CrawlResult;
const out = (line: string): void => { process.stdout.write(`${line}\n`); };

function nodeScript(file: string, arg: unknown): ChildProcess {
  return spawn(process.execPath, [join(import.meta.dirname, file), JSON.stringify(arg)], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const nl = buffer.indexOf('\n');
      if (nl >= 0) resolve(buffer.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`${String(child.spawnargs[1])} exited ${code} before printing a result`)));
  });
}

async function startSim(items: number): Promise<{ url: string; languages: number; stop(): Promise<void> }> {
  const child = nodeScript('bench-sim.ts', { items, seed: 1, latencyMs });
  const ready = z.object({ url: z.string(), buildMs: z.number(), languages: z.number() }).parse(JSON.parse(await firstLine(child)));
  out(`  simulator: ${items.toLocaleString('en')} items, ${latencyMs} ms latency, built in ${(ready.buildMs / 1000).toFixed(1)} s`);
  return {
    url: ready.url, languages: ready.languages,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

async function crawlOnce(s: Scenario, simUrl: string, languagesRead: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-xray-bench-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  if (s.db === 'postgres') await admin(`CREATE SCHEMA ${schema}`);
  try {
    return await crawlWithCli({
      simUrl, concurrency, ratePerSecond: s.ratePerSecond ?? 0, root: values.root, dir, ...(values.languages ? { languages: values.languages } : {}), languagesRead,
      ...(s.db === 'postgres' ? { postgres: { url: `${POSTGRES_TEST_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, schema } } : {}),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (s.db === 'postgres') await admin(`DROP SCHEMA ${schema} CASCADE`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function row(s: Scenario, runs: Result[]): string {
  const num = (key: string): number => median(runs.map((r) => Number(r[key] ?? 0)));
  const cells = [
    `${num('items').toLocaleString('en')} items crawled in ${num('crawlSeconds').toFixed(1)} s (${num('seconds').toFixed(1)} s with the finishing step)`,
    `${Math.round(num('itemsPerSecond')).toLocaleString('en')} items/s`,
    `${Math.round(num('requestsPerSecond'))} req/s${s.ratePerSecond ? ` (${((num('requestsPerSecond') / s.ratePerSecond) * 100).toFixed(1)}% of ${s.ratePerSecond})` : ''}`,
    `${num('refetchedPages')} pages refetched`,
    // The least time any crawler could take: each request waits the simulator's latency, `concurrency` at a time.
    `floor ${((num('requests') * latencyMs) / concurrency / 1000).toFixed(1)} s for ${num('requests').toLocaleString('en')} requests`
      + (s.ratePerSecond ? ` (${(num('requests') / s.ratePerSecond).toFixed(1)} s at the rate limit)` : ''),
    `peak RSS ${Math.round(num('crawlPeakRssMb'))} MB crawling, ${Math.round(num('peakRssMb'))} MB overall`,
    `DB ${Math.round(num('dbMb'))} MB`,
  ];
  const known = new Set(['items', 'seconds', 'crawlSeconds', 'crawlPeakRssMb', 'itemsPerSecond', 'requestsPerSecond', 'refetchedPages', 'peakRssMb', 'dbMb', 'references', 'pages', 'requests']);
  for (const key of Object.keys(runs[0] ?? {})) if (!known.has(key) && typeof runs[0]?.[key] === 'number') cells.push(`${key} ${num(key).toFixed(2)}`);
  return `${s.name.padEnd(28)} ${cells.join(' · ')}${runs.length > 1 ? ` (median of ${runs.length})` : ''}`;
}

out(`X-Ray crawl bench: concurrency ${concurrency}, simulator latency ${latencyMs} ms, root ${values.root}, languages ${values.languages ?? "the adapter's"}`);
const selected = SCENARIOS.filter((s) => values.only === undefined || s.name.includes(values.only));
const rows: string[] = [];
for (const items of [...new Set(selected.map((s) => s.items))]) {
  const sim = await startSim(items);
  try {
    for (const s of selected.filter((x) => x.items === items)) {
      const runs: Result[] = [];
      for (let i = 0; i < s.repeat; i++) {
        const r = await crawlOnce(s, sim.url, values.languages === 'all' ? sim.languages : values.languages?.split(',').length ?? 1);
        out(`  ${s.name} #${i + 1}: ${JSON.stringify(r)}`);
        if (r['status'] !== 'completed') throw new Error(`${s.name}: the scan ended ${String(r['status'])}`);
        runs.push(r);
      }
      rows.push(row(s, runs));
    }
  } finally {
    await sim.stop();
  }
}
out('');
for (const line of rows) out(line);
