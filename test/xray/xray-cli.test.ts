// The xray, worker and db commands through the built binary, against the simulator and SQLite files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { runCli } from '../support/run-cli.ts';
import { writeXrayConfig } from './support/cli-process.ts';
import { reachableIds, tempDir } from './support/xray-fixtures.ts';

const viewShape = z.object({ scanId: z.string(), status: z.string(), items: z.number(), truncated: z.boolean(), phase: z.string().nullable() }).loose();
const jsonLines = (stdout: string): unknown[] => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

let sim: SitecoreSimulator;
let config: { path: string; env: Record<string, string> };

before(async () => {
  sim = await startSitecoreSimulator({ items: 1200, seed: 51 });
  config = writeXrayConfig({ simUrl: sim.url, sqlite: join(tempDir(), 'conduit.db'), maxConcurrent: 4 });
});

after(async () => {
  await sim.close();
});

const cli = (args: string[]) => runCli([...args, '-c', config.path], { env: config.env, timeoutMs: 60_000 });

void test('xray scan queues without --wait; resume crawls it with JSON progress lines and a final summary line', async () => {
  const queued = await cli(['xray', 'scan', '--adapter', 'sim', '--json']);
  assert.equal(queued.code, 0, queued.stderr);
  const scan = viewShape.parse(JSON.parse(queued.stdout));
  assert.equal(scan.status, 'running');
  assert.equal(scan.items, 0);

  const resumed = await cli(['xray', 'resume', scan.scanId, '--json']);
  assert.equal(resumed.code, 0, resumed.stderr);
  const lines = jsonLines(resumed.stdout);
  const last = viewShape.extend({ type: z.literal('summary') }).parse(lines[lines.length - 1]);
  assert.equal(last.status, 'completed');
  assert.equal(last.items, reachableIds(sim.tree).size);
  const progress = lines.slice(0, -1).map((l) => z.object({ type: z.literal('progress'), event: z.string(), items: z.number(), requestsPerSecond: z.number(), etaSeconds: z.number().nullable(), errors: z.number() }).loose().parse(l));
  assert.equal(progress[0]?.event, 'started');
  assert.equal(progress[progress.length - 1]?.event, 'ended');

  const status = await cli(['xray', 'status', scan.scanId]);
  assert.equal(status.code, 0);
  assert.match(status.stdout, new RegExp(`Scan ${scan.scanId} \\(sim\\): completed in [\\d.]+ s\\n  [\\d,]+ items · [\\d,]+ references`));
  const list = await cli(['xray', 'list', '--json', '--status', 'completed']);
  assert.deepEqual(z.object({ scans: z.array(viewShape) }).parse(JSON.parse(list.stdout)).scans.map((s) => s.scanId), [scan.scanId]);

  const finished = await cli(['xray', 'cancel', scan.scanId]);
  assert.equal(finished.code, 6, 'a finished scan cannot be cancelled');
  assert.match(finished.stderr, /XRAY_SCAN_FINISHED/);
  const unknown = await cli(['xray', 'status', 'no-such-scan', '--json']);
  assert.equal(unknown.code, 6);
  assert.equal(z.object({ error: z.object({ code: z.string() }) }).parse(JSON.parse(unknown.stderr)).error.code, 'XRAY_SCAN_NOT_FOUND');
});

void test('xray scan --wait --max-items: exit 0, the last line is the summary, truncated with a warning', async () => {
  const result = await cli(['xray', 'scan', '--adapter', 'sim', '--wait', '--json', '--max-items', '100']);
  assert.equal(result.code, 0, result.stderr);
  const lines = jsonLines(result.stdout);
  const summary = viewShape.extend({ type: z.literal('summary'), warning: z.string() }).parse(lines[lines.length - 1]);
  assert.equal(summary.truncated, true);
  assert.match(summary.warning, /maxItems is 100/);
  const human = await cli(['xray', 'status', summary.scanId]);
  assert.match(human.stdout, /warning: Truncated/);
});

void test('xray scan --languages: kept with the queued scan, so another process resumes it in the same languages; a scan without says what it leaves out; a malformed list is refused', async () => {
  const queued = await cli(['xray', 'scan', '--adapter', 'sim', '--json', '--root', '/sitecore/content', '--languages', 'all']);
  assert.equal(queued.code, 0, queued.stderr);
  const scan = viewShape.parse(JSON.parse(queued.stdout));
  const resumed = await cli(['xray', 'resume', scan.scanId, '--json']);
  assert.equal(resumed.code, 0, resumed.stderr);
  const report = await cli(['xray', 'report', scan.scanId, '--format', 'json']);
  assert.equal(report.code, 0, report.stderr);
  const parsed = z.object({ scan: z.object({ notes: z.array(z.string()) }), stats: z.object({ languages: z.array(z.string()) }) }).loose().parse(JSON.parse(report.stdout));
  assert.deepEqual({ languages: parsed.stats.languages, notes: parsed.scan.notes }, { languages: ['de-DE', 'en'], notes: [] });

  // A scan in the adapter's language alone says at once, and in its final summary, what it leaves out.
  const single = await cli(['xray', 'scan', '--adapter', 'sim', '--json', '--root', '/sitecore/content', '--wait']);
  assert.equal(single.code, 0, single.stderr);
  const lines = jsonLines(single.stdout);
  const noted = z.object({ notes: z.array(z.string()) }).loose();
  assert.match(noted.parse(lines[0]).notes.join(' '), /^This scan reads en; the instance also has de-DE\./);
  assert.deepEqual(noted.parse(lines[lines.length - 1]).notes, noted.parse(lines[0]).notes);
  assert.equal(Reflect.get(viewShape.parse(JSON.parse(queued.stdout)), 'notes'), undefined, 'the all-language scan has no note');

  const malformed = await cli(['xray', 'scan', '--adapter', 'sim', '--languages', 'en,,de-DE']);
  assert.notEqual(malformed.code, 0);
  assert.match(malformed.stderr, /CFG_INVALID_VALUE.*--languages "en,,de-DE" is not "all" or a comma-separated list of language names/s);
});

void test('a scan of an adapter that cannot be reached fails with a coded error and exit status', async () => {
  const bad = writeXrayConfig({ simUrl: 'http://127.0.0.1:9', sqlite: join(tempDir(), 'conduit.db') });
  const result = await runCli(['xray', 'scan', '--adapter', 'sim', '--wait', '-c', bad.path], { env: bad.env, timeoutMs: 60_000 });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /error \[ADP_(UNAVAILABLE|CIRCUIT_OPEN|TIMEOUT)\]/);
  const missing = await runCli(['xray', 'scan', '--adapter', 'nope', '-c', bad.path], { env: bad.env });
  assert.equal(missing.code, 4);
  assert.match(missing.stderr, /ADP_UNKNOWN/);
});

void test('worker --once crawls a queued scan to the end', async () => {
  const queued = viewShape.parse(JSON.parse((await cli(['xray', 'scan', '--adapter', 'sim', '--json', '--root', '/sitecore/content/Home'])).stdout));
  const worker = await cli(['worker', '--once', '--json']);
  assert.equal(worker.code, 0, worker.stderr);
  const ended = jsonLines(worker.stdout).map((l) => z.object({ type: z.string() }).loose().parse(l)).find((l) => l.type === 'scan-ended' && l['scanId'] === queued.scanId);
  assert.equal(ended?.['status'], 'completed');
});

void test('db migrate: dry run lists the pending migrations, a real run applies them, a second run has nothing to do', async () => {
  const file = join(tempDir(), 'fresh.db');
  const fresh = writeXrayConfig({ simUrl: sim.url, sqlite: file });
  const run = (args: string[]) => runCli(['db', 'migrate', ...args, '-c', fresh.path], { env: fresh.env });
  const shape = z.object({ dryRun: z.boolean(), fromVersion: z.number(), latestVersion: z.number(), applied: z.array(z.object({ version: z.number() })), pending: z.array(z.object({ version: z.number() })) }).loose();
  const dry = shape.parse(JSON.parse((await run(['--dry-run', '--json'])).stdout));
  assert.equal(dry.dryRun, true);
  assert.ok(dry.pending.length >= 1);
  assert.equal(dry.applied.length, 0);
  const real = shape.parse(JSON.parse((await run(['--json'])).stdout));
  assert.deepEqual(real.applied.map((m) => m.version), dry.pending.map((m) => m.version));
  assert.ok(existsSync(file));
  const again = await run([]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /up to date/);
});
