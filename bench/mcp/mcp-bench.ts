// npm run bench:mcp — cached content_get throughput and latency over Streamable HTTP (50 connections),
// in one process and with `serve --workers N` (N = --workers, default one per core), and over stdio,
// against a plain SDK server built per request answering a trivial tool (the baseline).
// Also a ceiling: node:http answering a canned JSON-RPC result with no MCP at all (what no MCP server can beat).
// Prints medians of --runs runs (default 3) of --seconds each (default 8).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { packageRoot } from '../../src/package-info.ts';
import { CONDUIT_BIN } from '../../test/support/run-cli.ts';
import { spawnServeHttp, writeSimulatorConfig } from '../../test/support/spawn-serve.ts';
import { haveWrk, toolCallBody, wrkLoad, type LoadResult } from './http-load.ts';
import { stdioLoad } from './stdio-load.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '8' }, connections: { type: 'string', default: '50' }, workers: { type: 'string', default: String(cpus().length) } } });
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const workers = Number(values.workers);
const GET_HOME = { name: 'content_get', arguments: { path: '/sitecore/content/Home' } };

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };
const summarise = (label: string, rs: Array<{ callsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }>) => {
  const row = { label, callsPerSecond: median(rs.map((r) => r.callsPerSecond)), p50Ms: median(rs.map((r) => r.p50Ms)), p99Ms: median(rs.map((r) => r.p99Ms)), errors: rs.reduce((a, r) => a + r.errors, 0), runs: rs.map((r) => Math.round(r.callsPerSecond)) };
  process.stdout.write(`${label.padEnd(44)} ${row.callsPerSecond.toFixed(0).padStart(6)} calls/s  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms.toFixed(2)} ms  errors ${row.errors}  (runs: ${row.runs.join(', ')})\n`);
  return row;
};

async function startBaseline(mode: 'baseline' | 'ceiling'): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(packageRoot(), 'bench/mcp/baseline-server.ts'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const parsed: unknown = JSON.parse(line);
  return { url: String(Reflect.get(parsed as object, 'url')), stop: () => child.kill('SIGTERM') };
}

/**
 * Login, cache fill and JIT before anything is measured: a short run at 10 connections, then a full-length
 * run at full load. Measured: with --workers 2, a 2 s warm-up left the first measured run ~20% below the
 * next ones (each worker had seen only half the warm-up traffic). Printed, never counted.
 */
async function warmUp(url: string, tool: string, body: string): Promise<void> {
  await wrkLoad(url, tool, body, 10, 2);
  const warm = await wrkLoad(url, tool, body, connections, seconds);
  process.stdout.write(`  (warm-up run, not counted: ${warm.callsPerSecond.toFixed(0)} calls/s)\n`);
}

function workersIn(args: string[]): number {
  const at = args.indexOf('--workers');
  return at === -1 ? 1 : Number(args[at + 1]);
}

async function httpRuns(config: { path: string; env: Record<string, string> }, extra: string[]): Promise<LoadResult[]> {
  const server = await spawnServeHttp(['--config', config.path, ...extra], config.env);
  // With --workers the others start after the session worker: measure them all, not their start-up.
  const deadline = Date.now() + 30_000;
  while (workersIn(extra) > 1 && !server.stderr().includes(`"worker":${workersIn(extra) - 1},`) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const body = toolCallBody(GET_HOME.name, GET_HOME.arguments);
  await warmUp(`${server.url}/mcp`, 'content_get', body);
  const results: LoadResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await wrkLoad(`${server.url}/mcp`, 'content_get', body, connections, seconds));
  server.child.kill('SIGTERM');
  await server.exited;
  return results;
}

/** The baseline (or the ceiling) in a process of its own, warmed up as conduit is, then measured. */
async function referenceRuns(mode: 'baseline' | 'ceiling'): Promise<LoadResult[]> {
  const server = await startBaseline(mode);
  const ping = toolCallBody('ping', { text: 'hi' });
  await warmUp(`${server.url}/mcp`, 'ping', ping);
  const results: LoadResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await wrkLoad(`${server.url}/mcp`, 'ping', ping, connections, seconds));
  server.stop();
  return results;
}

async function main(): Promise<void> {
  if (!haveWrk()) throw new Error('bench:mcp needs wrk for the HTTP runs: apt-get install -y wrk');
  process.stdout.write(`bench:mcp — ${runs} run(s) × ${seconds} s, ${connections} HTTP connections, node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  const sim = await startSitecoreSimulator({ items: 600 });
  const config = writeSimulatorConfig(sim.url);
  try {
    const baseRow = summarise('baseline: plain SDK server per request (HTTP)', await referenceRuns('baseline'));
    const ceilingRow = summarise('ceiling: node:http, no MCP, canned answer', await referenceRuns('ceiling'));

    const httpRow = summarise('conduit: cached content_get (Streamable HTTP)', await httpRuns(config, []));
    const clusterRow = workers > 1
      ? summarise(`conduit: same, serve --workers ${workers}`, await httpRuns(config, ['--workers', String(workers)]))
      : undefined;

    const stdio = [];
    for (let i = 0; i < runs; i++) {
      stdio.push(await stdioLoad(process.execPath, [CONDUIT_BIN, 'serve', '--config', config.path], config.env, GET_HOME, { window: 32, seconds }));
    }
    const stdioRow = summarise('conduit: cached content_get (stdio)', stdio);
    process.stdout.write(`ratio HTTP / baseline: ${(httpRow.callsPerSecond / baseRow.callsPerSecond).toFixed(2)}×; `
      + (clusterRow ? `--workers ${workers} / baseline: ${(clusterRow.callsPerSecond / baseRow.callsPerSecond).toFixed(2)}×; ` : '')
      + `stdio / baseline: ${(stdioRow.callsPerSecond / baseRow.callsPerSecond).toFixed(2)}×\n`);
    process.stdout.write(`5× baseline would be ${(5 * baseRow.callsPerSecond).toFixed(0)} calls/s; the ceiling (one process, no MCP) is ${(ceilingRow.callsPerSecond / baseRow.callsPerSecond).toFixed(2)}× baseline\n`);
    process.stdout.write('targets: HTTP ≥ 5× baseline and ≥ 4000 calls/s with p99 ≤ 50 ms; stdio ≥ 7000 calls/s\n');
  } finally {
    await sim.close();
  }
}

await main();
