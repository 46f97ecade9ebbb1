// X-Ray analysis benchmark: time and peak RSS of analyzing stored scans of 100k and (with --million) 1M items.
//   node bench/xray/analysis-bench.ts [--million] [--cache DIR] [--items N]
// Stored scans are built once without HTTP (bench/xray/stored-scan.ts) and kept in the cache directory;
// each analysis runs in a child process of its own, so its peak RSS is the analysis alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openScanStore } from '../../src/store/open-scan-store.ts';
import { analyzeScan } from '../../src/xray/analysis/run-analysis.ts';
import { sitecoreXrayProfile } from '../../adapters/sitecore/shared/xray-profile/sitecore-xray-profile.ts';
import { storeGeneratedScan } from './stored-scan.ts';

const NOW = new Date('2026-11-01T00:00:00Z');
const { values } = parseArgs({ options: {
  million: { type: 'boolean', default: false },
  cache: { type: 'string', default: join(tmpdir(), 'conduit-xray-bench') },
  items: { type: 'string', default: '100000' },
  analyze: { type: 'string' },
  build: { type: 'string' },
  seeds: { type: 'string', default: '1' },
} });
const out = (line: string): void => { process.stdout.write(`${line}\n`); };

async function build(file: string, items: number, seeds: number): Promise<void> {
  const started = performance.now();
  const { store } = await openScanStore({ sqlite: file, autoMigrate: true }, { clock: { now: () => NOW.getTime() } });
  try {
    await storeGeneratedScan(store, { items, seeds: Array.from({ length: seeds }, (_, i) => i + 1), now: NOW, log: (l) => out(`  ${l}`) });
  } finally {
    await store.close();
  }
  out(`  built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function analyze(file: string): Promise<void> {
  const { store } = await openScanStore({ sqlite: file, autoMigrate: true }, { clock: { now: () => NOW.getTime() } });
  try {
    const scan = (await store.listScans({ limit: 1 })).entries[0];
    if (!scan) throw new Error(`no scan in ${file}`);
    const started = performance.now();
    const result = await analyzeScan(store, scan.id, { profile: sitecoreXrayProfile });
    const ms = performance.now() - started;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    out(JSON.stringify({ items: result.record.items, ms: Math.round(ms), peakRssMb: Math.round(peakMb), score: result.score.score, grade: result.score.grade, findings: result.score.open }));
  } finally {
    await store.close();
  }
}

/** Builds the stored scan if the cache lacks it, then analyzes it in a fresh child process and reports. */
function run(label: string, items: number, seeds: number, limits: { ms: number; rssMb: number }): boolean {
  mkdirSync(values.cache, { recursive: true });
  const file = join(values.cache, `scan-${items}x${seeds}.db`);
  const self = process.argv[1] ?? 'bench/xray/analysis-bench.ts';
  if (!existsSync(file)) {
    out(`${label}: building the stored scan (${(items * seeds).toLocaleString('en')} items, once; kept in ${values.cache})`);
    const b = spawnSync(process.execPath, [self, '--build', file, '--items', String(items), '--seeds', String(seeds)], { stdio: 'inherit' });
    if (b.status !== 0) { rmSync(file, { force: true }); throw new Error(`building ${file} failed`); }
  }
  const a = spawnSync(process.execPath, [self, '--analyze', file], { encoding: 'utf8' });
  if (a.status !== 0) throw new Error(`analysis of ${file} failed: ${a.stderr}`);
  const result: { items: number; ms: number; peakRssMb: number; score: number; grade: string; findings: number } = JSON.parse(a.stdout.trim().split('\n').at(-1) ?? '{}');
  const ok = result.ms < limits.ms && result.peakRssMb < limits.rssMb;
  out(`${label}: ${result.items.toLocaleString('en')} items analysed in ${(result.ms / 1000).toFixed(2)} s, peak RSS ${result.peakRssMb} MB `
    + `(score ${result.score} ${result.grade}, ${result.findings} findings) — target < ${limits.ms / 1000} s, < ${limits.rssMb} MB: ${ok ? 'OK' : 'MISSED'}`);
  return ok;
}

if (values.build) await build(values.build, Number(values.items), Number(values.seeds));
else if (values.analyze) await analyze(values.analyze);
else {
  let ok = run('100k', Number(values.items), 1, { ms: 10_000, rssMb: 1024 });
  if (values.million) ok = run('1M', 100_000, 10, { ms: 120_000, rssMb: 1024 }) && ok;
  process.exitCode = ok ? 0 : 1;
}
