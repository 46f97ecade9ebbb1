// npm run bench:soak [-- --rounds 8 --seconds 15 --connections 20 --sessions 1000]
//
// Does `conduit serve --http` hold its memory under hours-like use? One process against the Sitecore simulator:
//  1. rounds of stateless 2026-07-28 calls (wrk): a mix of cached content_get, content_list and content_search
//     (both reach the CMS) and health_check. After each round: calls so far, failed calls, RSS, and the V8 heap
//     after a full GC (bench/mcp/soak-gc-hook.ts, loaded into the server for this bench only). A leak shows as
//     live-heap growth per 100k calls after the first round (warm-up).
//  2. 2025-era session churn: `--sessions` sessions opened, used once and closed (DELETE), then as many opened and
//     abandoned. Reports the memory each abandoned session holds and that the session cap (1,000) bounds them.
// Prints numbers; it is a benchmark, not a test. Needs wrk (apt-get install -y wrk).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { spawnServeHttp, writeSimulatorConfig, type ServeProcess } from '../../test/support/spawn-serve.ts';
import { haveWrk, toolCallBody, wrkMixLoad } from './http-load.ts';

const { values } = parseArgs({ options: {
  rounds: { type: 'string', default: '8' }, seconds: { type: 'string', default: '15' },
  connections: { type: 'string', default: '20' }, sessions: { type: 'string', default: '1000' },
} });
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const sessions = Number(values.sessions);
const out = (line: string): void => { process.stdout.write(`${line}\n`); };
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

interface Memory { rss: number; heapTotal: number; heapUsed: number; calls: number }

/** Live memory of the server: a full GC first (SIGUSR2, see soak-gc-hook.ts), then /metrics. */
async function memory(server: ServeProcess): Promise<Memory> {
  const base = server.url;
  server.child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const text = await (await fetch(`${base}/metrics`)).text();
  const metric = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const calls = [...text.matchAll(/^conduit_request_total\{[^}]*\} (\S+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  return { rss: metric('process_resident_memory_bytes'), heapTotal: metric('nodejs_heap_size_total_bytes'), heapUsed: metric('nodejs_heap_size_used_bytes'), calls };
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** Opens a 2025-11-25 session and makes one call in it; returns its id. */
async function openSession(mcp: string): Promise<string> {
  const init = await fetch(mcp, { method: 'POST', headers: HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'soak', version: '1' } } }) });
  await init.text();
  const id = init.headers.get('mcp-session-id');
  if (!id) throw new Error(`initialize answered ${init.status} without a session id`);
  const inSession = { ...HEADERS, 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
  await (await fetch(mcp, { method: 'POST', headers: inSession, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })).text();
  const call = await fetch(mcp, { method: 'POST', headers: inSession, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'health_check', arguments: {} } }) });
  const text = await call.text();
  if (!text.includes('"ok":true')) throw new Error(`a session call failed: ${text.slice(0, 200)}`);
  return id;
}

async function inBatches(count: number, width: number, task: () => Promise<void>): Promise<void> {
  for (let done = 0; done < count; done += width) await Promise.all(Array.from({ length: Math.min(width, count - done) }, task));
}

async function main(): Promise<void> {
  if (!haveWrk()) throw new Error('bench:soak needs wrk: apt-get install -y wrk');
  const sim = await startSitecoreSimulator({ items: 600 });
  const config = writeSimulatorConfig(sim.url);
  const hook = fileURLToPath(new URL('./soak-gc-hook.ts', import.meta.url));
  const server = await spawnServeHttp(['--config', config.path], { ...config.env, NODE_OPTIONS: `--expose-gc --import ${hook}` });
  const base = server.url;
  const mcp = `${base}/mcp`;
  try {
    out(`bench:soak — ${rounds} rounds × ${seconds} s at ${connections} connections, then ${sessions} + ${sessions} 2025-era sessions; node ${process.version}`);
    const mix = [
      { tool: 'content_get', body: toolCallBody('content_get', { path: '/sitecore/content/Home' }) },
      { tool: 'content_list', body: toolCallBody('content_list', { parentPath: '/sitecore/content/Home', limit: 20 }) },
      { tool: 'content_search', body: toolCallBody('content_search', { text: 'Home', limit: 10 }) },
      { tool: 'health_check', body: toolCallBody('health_check', {}) },
    ];
    const start = await memory(server);
    out(`start: RSS ${mb(start.rss)}, V8 heap ${mb(start.heapTotal)} of which live ${mb(start.heapUsed)}`);
    const samples: Memory[] = [];
    let failed = 0;
    for (let round = 1; round <= rounds; round++) {
      const load = await wrkMixLoad(mcp, mix, connections, seconds);
      failed += load.errors;
      const m = await memory(server);
      samples.push(m);
      out(`round ${round}: ${load.callsPerSecond.toFixed(0)} calls/s, p99 ${load.p99Ms.toFixed(1)} ms, ${m.calls.toLocaleString('en')} calls so far, failed ${load.errors}; RSS ${mb(m.rss)}, V8 heap ${mb(m.heapTotal)} of which live ${mb(m.heapUsed)}`);
    }
    const first = samples[0];
    const last = samples.at(-1);
    if (first && last && last.calls > first.calls) {
      const per100k = (bytes: number): string => mb((bytes / (last.calls - first.calls)) * 100_000);
      out(`after warm-up (round 1 → ${rounds}, ${(last.calls - first.calls).toLocaleString('en')} calls): heap ${mb(last.heapUsed - first.heapUsed)} (${per100k(last.heapUsed - first.heapUsed)} per 100k calls), RSS ${mb(last.rss - first.rss)}; failed calls in all rounds: ${failed}`);
    }

    const beforeChurn = await memory(server);
    await inBatches(sessions, 20, async () => {
      const id = await openSession(mcp);
      const closed = await fetch(mcp, { method: 'DELETE', headers: { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' } });
      await closed.text();
      if (closed.status !== 200) throw new Error(`DELETE of a session answered ${closed.status}`);
    });
    const afterClosed = await memory(server);
    out(`${sessions} sessions opened, used and closed: heap ${mb(afterClosed.heapUsed - beforeChurn.heapUsed)}, RSS ${mb(afterClosed.rss - beforeChurn.rss)}`);
    const abandoned: string[] = [];
    await inBatches(sessions, 20, async () => { abandoned.push(await openSession(mcp)); });
    const afterAbandoned = await memory(server);
    out(`${sessions} sessions opened and abandoned: heap +${mb(afterAbandoned.heapUsed - afterClosed.heapUsed)} (${((afterAbandoned.heapUsed - afterClosed.heapUsed) / sessions / 1024).toFixed(0)} KB each), RSS +${mb(afterAbandoned.rss - afterClosed.rss)}`);
    const oldest = abandoned[0];
    if (oldest !== undefined && sessions >= 1_000) {
      await openSession(mcp);
      const gone = await fetch(mcp, { method: 'POST', headers: { ...HEADERS, 'mcp-session-id': oldest, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
      await gone.text();
      out(`session cap: one more session evicts the least recently used (its next request: HTTP ${gone.status}, 404 expected)`);
    }
    const health = await fetch(`${base}/health`);
    out(`end: /health ${health.status}, server ${server.child.exitCode === null ? 'running' : `exited ${server.child.exitCode}`}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await sim.close();
  }
}

await main();
