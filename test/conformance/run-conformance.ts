// Runs the official MCP conformance suites against Conduit's HTTP server and
// checks the result against test/conformance/expected-failures.yml.
//
//   npx node test/conformance/run-conformance.ts            # conduit serve --http … --conformance (needs `npm run build`)
//   CONFORMANCE_SERVER=dev npx node test/conformance/run-conformance.ts   # test App + in-memory CMS, no build needed
//
// Sets: the stable suite 0.1.16 (`server --suite all`) and the 0.2.0 pre-release
// (`--requirements 2025-11-25` and `--requirements 2026-07-28`). Prints each
// suite's `Total:` line; exits 1 on a failure not in the baseline, or on a
// baseline entry that now passes (stale).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../../src/package-info.ts';

const root = packageRoot();
const SETS = [
  { id: 'stable', bin: 'node_modules/@modelcontextprotocol/conformance/dist/index.js', args: ['--suite', 'all'] },
  { id: 'next-2025-11-25', bin: 'node_modules/conformance-next/dist/index.js', args: ['--requirements', '2025-11-25'] },
  { id: 'next-2026-07-28', bin: 'node_modules/conformance-next/dist/index.js', args: ['--requirements', '2026-07-28'] },
] as const;

const baselineSchema = z.object({
  expected_failures: z.array(z.object({ set: z.string(), scenario: z.string(), reason: z.string().min(10) })).default([]),
});

async function main(): Promise<number> {
  const baseline = baselineSchema.parse(parse(readFileSync(join(root, 'test/conformance/expected-failures.yml'), 'utf8')) ?? {});
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'conduit-conformance-'));
  const server = startServer(port, work);
  try {
    await waitForServer(`http://127.0.0.1:${port}/mcp`, server);
    const problems: string[] = [];
    for (const set of SETS) {
      const output = await runSet(set.bin, [...set.args, '--url', `http://127.0.0.1:${port}/mcp`, '-o', join(work, set.id)]);
      const failing = failingScenarios(output);
      const totals = output.split('\n').filter((l) => /^Total: \d+ passed, \d+ failed/.test(l));
      console.log(`[${set.id}] ${totals.join(' | ') || 'no Total line (suite did not finish)'}`);
      if (totals.length === 0) problems.push(`${set.id}: the suite did not print a Total line`);
      const expected = new Set(baseline.expected_failures.filter((e) => e.set === set.id).map((e) => e.scenario));
      for (const scenario of failing) if (!expected.has(scenario)) problems.push(`${set.id}: unexpected failure ${scenario}`);
      for (const scenario of expected) if (!failing.includes(scenario)) problems.push(`${set.id}: ${scenario} passes now; remove it from expected-failures.yml`);
      for (const scenario of failing.filter((s) => expected.has(s))) console.log(`  expected failure: ${scenario}`);
    }
    for (const problem of problems) console.log(`PROBLEM ${problem}`);
    console.log(problems.length === 0 ? 'Conformance: all failures are expected.' : `Conformance: ${problems.length} problem(s).`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

function startServer(port: number, work: string): ChildProcess {
  const mode = process.env['CONFORMANCE_SERVER'] ?? 'cli';
  let args: string[];
  if (mode === 'dev') {
    args = [join(root, 'test/conformance/dev-serve.ts'), String(port)];
  } else {
    const config = join(work, 'conduit.yaml');
    writeFileSync(config, `adapters: {}\nstorage:\n  sqlite: ${join(work, 'conduit.db')}\nlogging:\n  level: error\n`);
    args = [join(root, 'bin/conduit.js'), 'serve', '--http', `127.0.0.1:${port}`, '--conformance', '--config', config];
  }
  return spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready');
    const ready = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(1_000) }).then(() => true, () => false);
    if (ready) return;
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  throw new Error(`the server at ${url} did not answer within 10 s`);
}

function runSet(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, bin), 'server', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${bin} timed out`)); }, 15 * 60_000);
    child.on('error', reject);
    child.on('close', () => { clearTimeout(timer); resolve(output); });
  });
}

/** Scenarios the suite's SUMMARY marks with failures (`✗ name: N passed, M failed`, M > 0). */
function failingScenarios(output: string): string[] {
  const summary = output.slice(output.lastIndexOf('=== SUMMARY ==='));
  return [...summary.matchAll(/^[✓✗] (\S+): \d+ passed, (\d+) failed$/gm)].filter((m) => Number(m[2]) > 0).map((m) => m[1] ?? '');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

process.exitCode = await main();
