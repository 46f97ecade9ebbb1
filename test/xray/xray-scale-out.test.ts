// Scale-out: three `conduit worker` processes share one scan of 10k+ items on Postgres (FOR UPDATE SKIP LOCKED leases).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { openScanStore, type StorageSettings } from '../../src/store/open-scan-store.ts';
import { POSTGRES_TEST_URL, describePostgres } from '../../src/store/test-support/postgres-test-gate.ts';
import { freshPostgresSchema, spawnConduit, writeXrayConfig, type ConduitProcess } from './support/cli-process.ts';
import { scanSnapshot, snapshotDiff } from './support/scan-snapshot.ts';
import { tempDir } from './support/xray-fixtures.ts';

await describePostgres('X-Ray scale-out on Postgres', () => {
  let sim: SitecoreSimulator;
  let storage: StorageSettings;
  let config: { path: string; env: Record<string, string> };
  let drop: () => Promise<void>;
  const workers: ConduitProcess[] = [];

  before(async () => {
    sim = await startSitecoreSimulator({ items: 10_500, seed: 31 });
    const schema = await freshPostgresSchema(POSTGRES_TEST_URL);
    drop = schema.drop;
    const sqlite = join(tempDir(), 'unused.db');
    storage = { sqlite, postgres: schema.url, autoMigrate: true };
    config = writeXrayConfig({ simUrl: sim.url, sqlite, postgres: schema.url, maxConcurrent: 4 });
  });

  after(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await sim.close();
    await drop();
  });

  void test('three workers share one scan: every page fetched exactly once, the result equals a single-worker scan', async (t) => {
    const args = ['--adapter', 'sim', '--root', '/sitecore', '--json', '--lease-seconds', '5', '-c', config.path];
    sim.resetStats();
    const single = spawnConduit(['xray', 'scan', ...args, '--wait'], config.env);
    const singleId = String((await single.waitFor((l) => l['type'] === 'started'))['scanId']);
    assert.equal(await single.exited, 0, single.stderr());
    const singleFetches = sim.stats().childrenFetches;

    sim.resetStats();
    for (let i = 0; i < 3; i++) workers.push(spawnConduit(['worker', '--poll-seconds', '0.2', '--json', '-c', config.path], config.env));
    await Promise.all(workers.map((w) => w.waitFor((l) => l['type'] === 'worker-ready')));
    const create = spawnConduit(['xray', 'scan', ...args], config.env);
    const sharedId = String((await create.waitFor((l) => l['type'] === 'scan'))['scanId']);
    assert.equal(await create.exited, 0, create.stderr());
    const ended = await Promise.all(workers.map((w) => w.waitFor((l) => l['type'] === 'scan-ended' && l['scanId'] === sharedId, 170_000)));
    for (const w of workers) w.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all(workers.map((w) => w.exited)), [0, 0, 0], workers.map((w) => w.stderr()).join('\n'));

    const pagesHere = ended.map((e) => Number(e['pagesHere']));
    t.diagnostic(`pages committed per worker: ${pagesHere.join(', ')}`);
    assert.ok(ended.every((e) => e['status'] === 'completed'));
    assert.ok(pagesHere.every((n) => n > 0), 'every worker crawled part of the scan');
    const { store } = await openScanStore(storage);
    try {
      const shared = await store.getScan(sharedId);
      assert.equal(pagesHere.reduce((a, b) => a + b, 0), (shared?.pagesCommitted ?? 0) - 1, 'the workers\' pages add up (plus the finishing step)');
      assert.deepEqual(snapshotDiff(await scanSnapshot(store, singleId), await scanSnapshot(store, sharedId)),
        { missingItems: 0, extraItems: 0, missingRefs: 0, extraRefs: 0, duplicateItems: 0 });
    } finally {
      await store.close();
    }
    assert.deepEqual(sim.stats().childrenFetches, singleFetches, 'each page fetched exactly once, as by one worker');
  });
});
