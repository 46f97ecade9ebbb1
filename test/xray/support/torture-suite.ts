import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { openScanStore, type StorageSettings } from '../../../src/store/open-scan-store.ts';
import { freshPostgresSchema, spawnConduit, writeXrayConfig, type ConduitProcess } from './cli-process.ts';
import { scanSnapshot, snapshotDiff, type ScanSnapshot } from './scan-snapshot.ts';
import { tempDir } from './xray-fixtures.ts';
import { join } from 'node:path';

/** 10k+ items: the whole /sitecore tree of a 10,500-item instance. */
const ITEMS = 10_500;
const ROOT = '/sitecore';
const LEASE_SECONDS = 2;
const KILLS = 10;
const NO_DIFF = { missingItems: 0, extraItems: 0, missingRefs: 0, extraRefs: 0, duplicateItems: 0 };

/** A small seeded PRNG, so a failing run's kill points can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function extraFetches(fetches: Record<string, number>, baseline: Record<string, number>): number {
  let extra = 0;
  for (const [id, n] of Object.entries(fetches)) extra += Math.max(0, n - (baseline[id] ?? 0));
  return extra;
}

function addFetches(into: Record<string, number>, more: Record<string, number>): void {
  for (const [id, n] of Object.entries(more)) into[id] = (into[id] ?? 0) + n;
}

/**
 * Crash torture of the crawl through the real CLI, as child processes, with
 * the simulator in this process (its stats survive the kills). Concurrency 1:
 * at most one page is ever fetched and not yet committed, so a SIGKILL can
 * cost at most one page fetched twice (with concurrency C the bound is 1.5 C per kill: see the engine README).
 */
export function tortureSuite(kind: 'sqlite' | 'postgres', postgresUrl?: string): void {
  let sim: SitecoreSimulator;
  let storage: StorageSettings;
  let config: { path: string; env: Record<string, string> };
  let dropSchema: (() => Promise<void>) | undefined;
  let baseline: { snapshot: ScanSnapshot; fetches: Record<string, number>; ms: number };

  const scanArgs = (): string[] => ['xray', 'scan', '--adapter', 'sim', '--root', ROOT, '--wait', '--json', '--lease-seconds', String(LEASE_SECONDS), '-c', config.path];
  const resumeArgs = (scanId: string): string[] => ['xray', 'resume', scanId, '--json', '-c', config.path];
  const snapshotOf = async (scanId: string): Promise<ScanSnapshot> => {
    const { store } = await openScanStore(storage);
    try {
      return await scanSnapshot(store, scanId);
    } finally {
      await store.close();
    }
  };
  const scanIdOf = async (p: ConduitProcess): Promise<string> => String((await p.waitFor((l) => l['type'] === 'started'))['scanId']);
  const finish = async (p: ConduitProcess): Promise<void> => {
    const code = await p.exited;
    assert.equal(code, 0, p.stderr());
  };

  before(async () => {
    sim = await startSitecoreSimulator({ items: ITEMS, seed: 21 });
    const sqlite = join(tempDir(), 'conduit.db');
    let pgUrl: string | undefined;
    if (kind === 'postgres' && postgresUrl) {
      const schema = await freshPostgresSchema(postgresUrl);
      pgUrl = schema.url;
      dropSchema = schema.drop;
    }
    storage = { sqlite, autoMigrate: true, ...(pgUrl ? { postgres: pgUrl } : {}) };
    config = writeXrayConfig({ simUrl: sim.url, sqlite, maxConcurrent: 1, ...(pgUrl ? { postgres: pgUrl } : {}) });
  });

  after(async () => {
    await sim.close();
    await dropSchema?.();
  });

  void test(`${kind}: an uninterrupted scan of 10k+ items (the baseline)`, async (t) => {
    sim.resetStats();
    const started = performance.now();
    const p = spawnConduit(scanArgs(), config.env);
    const scanId = await scanIdOf(p);
    await finish(p);
    const ms = performance.now() - started;
    const snapshot = await snapshotOf(scanId);
    assert.ok(snapshot.items.length >= 10_000, `${snapshot.items.length} items`);
    baseline = { snapshot, fetches: sim.stats().childrenFetches, ms };
    t.diagnostic(`baseline: ${snapshot.items.length} items, ${snapshot.references.length} references in ${(ms / 1000).toFixed(1)} s`);
  });

  void test(`${kind}: ${KILLS} SIGKILLs at random points lose nothing, duplicate nothing, refetch at most one page per kill`, async (t) => {
    assert.ok(baseline, 'the baseline ran');
    sim.resetStats();
    const random = prng(kind === 'sqlite' ? 7 : 8);
    const started = performance.now();
    let p = spawnConduit(scanArgs(), config.env);
    const scanId = await scanIdOf(p);
    const delays: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill while pages are being crawled: after the run started, at a random moment within ~1.5 s.
      await p.waitFor((l) => l['type'] === 'progress' && l['event'] === 'started');
      const delay = Math.round(100 + random() * 1400);
      delays.push(delay);
      await sleep(delay);
      assert.equal(p.child.exitCode, null, `the scan ended before kill ${kill + 1}; make the tree bigger`);
      p.child.kill('SIGKILL');
      await p.exited;
      p = spawnConduit(resumeArgs(scanId), config.env);
    }
    await finish(p);
    const wallMs = performance.now() - started;
    const refetched = extraFetches(sim.stats().childrenFetches, baseline.fetches);
    let uninterruptedMs = baseline.ms;
    if (wallMs > 1.5 * uninterruptedMs + KILLS * LEASE_SECONDS * 1000) {
      // Other tests share the machine: time an uninterrupted scan again, under the load of now, before judging.
      const again = spawnConduit(scanArgs(), config.env);
      const t0 = performance.now();
      await finish(again);
      uninterruptedMs = Math.max(uninterruptedMs, performance.now() - t0);
    }
    const budgetMs = 1.5 * uninterruptedMs + KILLS * LEASE_SECONDS * 1000;
    t.diagnostic(`kills after ${delays.join(', ')} ms; ${refetched} pages refetched; ${(wallMs / 1000).toFixed(1)} s (budget ${(budgetMs / 1000).toFixed(1)} s)`);
    assert.deepEqual(snapshotDiff(baseline.snapshot, await snapshotOf(scanId)), NO_DIFF);
    assert.ok(refetched <= KILLS, `${refetched} pages fetched more than once for ${KILLS} kills`);
    assert.ok(wallMs <= budgetMs, `${Math.round(wallMs)} ms > 1.5 × ${Math.round(uninterruptedMs)} ms + ${KILLS} × ${LEASE_SECONDS} s`);
  });

  // One scan for both (a crawl less in CI): SIGTERM, resume, the CMS dies, restart, resume; no page may be fetched twice.
  void test(`${kind}: SIGTERM checkpoints mid-scan and the CMS dying leaves it resumable; neither refetches a page`, async () => {
    assert.ok(baseline, 'the baseline ran');
    const dying = await startSitecoreSimulator({ tree: sim.tree, groundTruth: sim.groundTruth() });
    const port = Number(new URL(dying.url).port);
    const own = writeXrayConfig({ simUrl: dying.url, sqlite: storage.sqlite, maxConcurrent: 1, ...(storage.postgres ? { postgres: storage.postgres } : {}) });
    const args = scanArgs().map((a) => (a === config.path ? own.path : a));
    const first = spawnConduit(args, own.env);
    const scanId = await scanIdOf(first);
    await first.waitFor((l) => l['type'] === 'progress' && Number(l['items']) > 2500);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 6, `a stopped crawl exits with XRAY_CRAWL_INTERRUPTED's code\n${first.stderr()}`);
    assert.match(first.stderr(), /XRAY_CRAWL_INTERRUPTED/);
    const { store } = await openScanStore(storage);
    const counts = await store.taskCounts(scanId);
    await store.close();
    assert.equal(counts.leased, 0, 'leases released on SIGTERM');
    assert.ok(counts.pending > 0, 'stopped mid-scan');

    dying.setFaults({ dieAfterRequests: 1500 });
    const second = spawnConduit([...resumeArgs(scanId).map((a) => (a === config.path ? own.path : a)), '--outage-seconds', '2'], own.env);
    assert.equal(await second.exited, 6, second.stderr());
    assert.match(second.stderr(), /XRAY_CRAWL_INTERRUPTED/);
    const fetches = dying.stats().childrenFetches;
    await dying.close();
    const status = spawnConduit(['xray', 'status', scanId, '--json', '-c', own.path], own.env);
    const view = await status.waitFor((l) => l['type'] === 'scan');
    assert.equal(await status.exited, 0);
    assert.equal(view['status'], 'running');
    assert.equal(view['phase'], 'interrupted');

    const revived = await startSitecoreSimulator({ port, tree: sim.tree, groundTruth: sim.groundTruth() });
    try {
      await finish(spawnConduit(resumeArgs(scanId).map((a) => (a === config.path ? own.path : a)), own.env));
      addFetches(fetches, revived.stats().childrenFetches);
    } finally {
      await revived.close();
    }
    assert.deepEqual(snapshotDiff(baseline.snapshot, await snapshotOf(scanId)), NO_DIFF);
    assert.equal(extraFetches(fetches, baseline.fetches), 0, 'no page fetched twice across the SIGTERM and the CMS dying');
  });
}
