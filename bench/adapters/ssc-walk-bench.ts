// npx node bench/adapters/ssc-walk-bench.ts [--items N] [--concurrency C] [--latency-ms L] [--runs R] [--in-process]
//
// The Sitecore simulator builds an N-item tree (default 100,000; build time printed, target < 5 s) and
// the sitecore-xp adapter's X-Ray source walks all of it from /sitecore, breadth first, with C pages in
// flight (default 16) through the real resilient HTTP client, while the simulator adds L ms to every
// answer (default 20). Prints items/s, requests/s, wall time and peak RSS per run and the medians.
// The simulator runs in a child process unless --in-process (then RSS includes its tree).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import xpManifest from '../../adapters/sitecore-xp/manifest.ts';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { silentLogger, systemClock } from '../../src/core/ports.ts';
import { createResilientHttpClient } from '../../src/http/resilient-http-client.ts';
import { resilienceConfigSchema } from '../../src/resilience/resilience-config.ts';
import { median, reachableReadable, sampleRss, walkBreadthFirst, type WalkResult } from './walk-support.ts';

const { values } = parseArgs({ options: {
  items: { type: 'string', default: '100000' }, concurrency: { type: 'string', default: '16' }, 'latency-ms': { type: 'string', default: '20' },
  runs: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, 'in-process': { type: 'boolean', default: false },
} });
const num = z.coerce.number().int();
const opts = z.object({ items: num.min(1), concurrency: num.min(1).max(256), latencyMs: num.min(0), runs: num.min(1), seed: num, inProcess: z.boolean() }).parse({
  items: values.items, concurrency: values.concurrency, latencyMs: values['latency-ms'], runs: values.runs, seed: values.seed, inProcess: values['in-process'],
});

const readySchema = z.object({ url: z.string(), buildMs: z.number(), items: z.number(), reachable: z.number(), rssMb: z.number() });
type SimReady = z.infer<typeof readySchema> & { close(): Promise<void> };
const out = (line: string): void => { process.stdout.write(`${line}\n`); };
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function simInChild(): Promise<SimReady> {
  const script = fileURLToPath(new URL('./sim-process.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify({ items: opts.items, seed: opts.seed, latencyMs: opts.latencyMs })], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout from the simulator process');
  const line = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: stdout }).once('line', resolve)),
    exited.then(() => { throw new Error('the simulator process exited before it was ready'); }),
  ]);
  const ready = readySchema.parse(JSON.parse(line));
  return { ...ready, close: async () => { child.kill('SIGTERM'); await exited; } };
}

async function simInProcess(): Promise<SimReady> {
  const started = performance.now();
  const sim = await startSitecoreSimulator({ items: opts.items, seed: opts.seed, faults: { latencyMs: opts.latencyMs } });
  const buildMs = performance.now() - started;
  return { url: sim.url, buildMs, items: sim.tree.size, reachable: reachableReadable(sim.tree), rssMb: process.memoryUsage.rss() / 2 ** 20, close: () => sim.close() };
}

/** One walk with a fresh adapter (fresh session, breaker and connection pool). */
type RunResult = WalkResult & { peakRss: number; cpuMs: number };

async function walkOnce(url: string): Promise<RunResult> {
  const resilience = resilienceConfigSchema.parse({ maxConcurrent: opts.concurrency, timeoutMs: 30_000, deadlineMs: 120_000 });
  const http = createResilientHttpClient({ adapterName: 'xp', baseUrl: url, resilience, logger: silentLogger, clock: systemClock });
  const shutdown = new AbortController();
  const config = xpManifest.configSchema.parse({ url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' } });
  const client = xpManifest.create(config, { http, logger: silentLogger, clock: systemClock, signal: shutdown.signal, name: 'xp' });
  const source = client.xray;
  if (!source) throw new Error('sitecore-xp has no X-Ray source');
  const rss = sampleRss();
  const cpu = process.cpuUsage();
  try {
    const result = await walkBreadthFirst(source, '/sitecore', opts.concurrency);
    const used = process.cpuUsage(cpu);
    return { ...result, peakRss: rss.stop(), cpuMs: (used.user + used.system) / 1000 };
  } finally {
    shutdown.abort();
    await client.close?.();
    http.close();
  }
}

async function main(): Promise<void> {
  out(`ssc-walk-bench: ${opts.items.toLocaleString('en')} items, concurrency ${opts.concurrency}, latency ${opts.latencyMs} ms, ${opts.runs} run(s), `
    + `simulator ${opts.inProcess ? 'in process' : 'in a child process'}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  const sim = opts.inProcess ? await simInProcess() : await simInChild();
  out(`simulator built ${sim.items.toLocaleString('en')} items in ${(sim.buildMs / 1000).toFixed(2)} s (target < 5 s); its RSS ${sim.rssMb.toFixed(0)} MB; `
    + `${sim.reachable.toLocaleString('en')} readable items reachable from /sitecore`);
  try {
    const runs: RunResult[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const r = await walkOnce(sim.url);
      runs.push(r);
      const complete = r.items === sim.reachable && r.uniqueItems === r.items ? 'complete' : `INCOMPLETE (${r.uniqueItems} unique of ${sim.reachable})`;
      out(`run ${i + 1}: ${r.items.toLocaleString('en')} items (${complete}) in ${(r.ms / 1000).toFixed(2)} s: `
        + `${(r.items / (r.ms / 1000)).toFixed(0)} items/s, ${r.requests.toLocaleString('en')} requests, ${(r.requests / (r.ms / 1000)).toFixed(0)} req/s, peak RSS ${mb(r.peakRss)}, `
        + `walker CPU ${(r.cpuMs / 1000).toFixed(1)} s (${(1000 * r.cpuMs / r.requests).toFixed(0)} µs/request)`);
    }
    const secs = runs.map((r) => r.ms / 1000);
    out(`median: wall ${median(secs).toFixed(2)} s, ${median(runs.map((r) => r.items / (r.ms / 1000))).toFixed(0)} items/s, `
      + `${median(runs.map((r) => r.requests / (r.ms / 1000))).toFixed(0)} req/s, peak RSS ${mb(median(runs.map((r) => r.peakRss)))} `
      + `(walker process lifetime maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
    out(`ideal at this latency: ${(opts.concurrency * 1000 / Math.max(1, opts.latencyMs)).toFixed(0)} req/s (concurrency × 1000 / latency-ms)`);
  } finally {
    await sim.close();
  }
}

await main();
