// The X-Ray crawl engine in-process: the real App, the sitecore-xp adapter over HTTP, the simulator, SQLite files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { extractFieldReferences } from '../../adapters/sitecore/shared/field-references.ts';
import type { App } from '../../src/app-types.ts';
import { hasCode } from '../../src/core/conduit-error.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { openScanStore } from '../../src/store/open-scan-store.ts';
import type { ScanProgress } from '../../src/xray/engine/engine-types.ts';
import { expectedChildrenFetches, reachableIds, refetchedPages, tempDir, xrayApp } from './support/xray-fixtures.ts';
import { scanSnapshot, snapshotDiff, type ScanSnapshot } from './support/scan-snapshot.ts';

const PAGE_SIZE = 200;
let sim: SitecoreSimulator;
let full: ScanSnapshot;

before(async () => {
  sim = await startSitecoreSimulator({ items: 2000, seed: 11 });
});

after(async () => {
  await sim.close();
});

/** Resolves once the scan's progress passes `items` (its run keeps going). */
function whenItems(app: App, scanId: string, items: number): Promise<ScanProgress> {
  return new Promise((resolve) => {
    const off = app.xray.subscribe(scanId, (p) => {
      if (p.items >= items) {
        off();
        resolve(p);
      }
    });
  });
}

void test('a scan crawls every reachable item once, with its references, and completes', async () => {
  sim.resetStats();
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 8 });
  try {
    const { scan, run } = await app.xray.start({ adapter: 'sim' });
    assert.equal(scan.status, 'running');
    const result = await run.done;
    assert.equal(result.outcome, 'finished');
    assert.equal(result.scan.status, 'completed');
    const store = await app.scanStore();
    full = await scanSnapshot(store, scan.scanId);
    const expected = reachableIds(sim.tree);
    assert.deepEqual(new Set(full.items.map((k) => k.split('|')[0])), expected, 'every reachable item, nothing else');
    assert.equal(full.items.length, expected.size, 'one row per item (en)');
    assert.equal(refetchedPages(sim.stats().childrenFetches, expectedChildrenFetches(sim.tree, PAGE_SIZE)), 0, 'no page fetched twice');
    // References are stored with their items, exactly as the extractor reads the stored fields.
    const items = await store.getItems(scan.scanId, [...expected].slice(0, 200));
    const refs = new Set(full.references);
    for (const item of items) {
      for (const r of extractFieldReferences(item.fields, { itemPath: item.path })) {
        assert.ok(refs.has(`${item.id}|${item.language}|${r.field}|${r.kind}|${r.targetId ?? ''}|${r.targetPath ?? ''}`), `${item.path} ${r.field} ${r.kind}`);
      }
    }
    const view = await app.xray.get(scan.scanId);
    assert.equal(view.items, expected.size);
    assert.equal(view.references, full.references.length);
    assert.deepEqual(view.tasks, { pending: 0, leased: 0, done: view.pages, failed: 0, total: view.pages });
    const events = (await store.listEvents(scan.scanId)).map((e) => e.type);
    assert.ok(events.includes('xray.coverage') && events.includes('completed'), events.join(','));
  } finally {
    await app.close();
  }
});

void test('maxItems truncates the scan with a warning, never silently', async () => {
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 2 });
  try {
    const { run } = await app.xray.start({ adapter: 'sim', maxItems: 300 });
    const result = await run.done;
    assert.equal(result.scan.status, 'completed');
    assert.equal(result.scan.truncated, true);
    assert.match(result.scan.warning ?? '', /Truncated: .*maxItems is 300/);
    assert.ok(result.scan.itemsCrawled >= 300 && result.scan.itemsCrawled < full.items.length, `${result.scan.itemsCrawled} items`);
    const view = await app.xray.get(result.scan.id);
    assert.ok((view.tasks?.pending ?? 0) > 0, 'the pages not crawled stay visible');
  } finally {
    await app.close();
  }
});

void test('a graceful stop checkpoints mid-scan; a new process resumes it without fetching any page twice', async () => {
  const storage = join(tempDir(), 'conduit.db');
  sim.resetStats();
  const first = await xrayApp({ simUrl: sim.url, sqlite: storage, maxConcurrent: 4 });
  const { scan, run } = await first.xray.start({ adapter: 'sim' });
  await whenItems(first, scan.scanId, 400);
  first.xray.beginShutdown();
  const stopped = await run.done;
  assert.equal(stopped.outcome, 'stopped');
  assert.equal(stopped.scan.status, 'running');
  assert.equal((await first.xray.get(scan.scanId)).tasks?.leased, 0, 'every lease given back');
  await first.close();

  const second = await xrayApp({ simUrl: sim.url, sqlite: storage, maxConcurrent: 4 });
  try {
    const resumed = await second.xray.resumeAll();
    assert.deepEqual(resumed.map((r) => r.scanId), [scan.scanId]);
    const result = await resumed[0]?.done;
    assert.equal(result?.scan.status, 'completed');
    assert.deepEqual(snapshotDiff(full, await scanSnapshot(await second.scanStore(), scan.scanId)), { missingItems: 0, extraItems: 0, missingRefs: 0, extraRefs: 0, duplicateItems: 0 });
    assert.equal(refetchedPages(sim.stats().childrenFetches, expectedChildrenFetches(sim.tree, PAGE_SIZE)), 0, 'no page fetched twice across the stop');
  } finally {
    await second.close();
  }
});

void test('cancel stops the crawl within a second and keeps what was crawled', async () => {
  sim.setFaults({ latencyMs: 5 });
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 2 });
  try {
    const { scan, run } = await app.xray.start({ adapter: 'sim' });
    await whenItems(app, scan.scanId, 100);
    const cancelled = await app.xray.cancel(scan.scanId);
    assert.equal(cancelled.status, 'cancelled');
    const started = Date.now();
    const result = await run.done;
    assert.ok(Date.now() - started < 1500, 'the run stopped promptly');
    assert.equal(result.scan.status, 'cancelled');
    const requests = sim.stats().total;
    await new Promise((r) => setTimeout(r, 200));
    // Requests already on the wire when the pages were aborted may still arrive (at most one per page in flight); nothing new is sent.
    assert.ok(sim.stats().total - requests <= 2, 'no new request after the run ended');
    assert.ok((await app.xray.get(scan.scanId)).items >= 100);
    assert.equal((await app.xray.cancel(scan.scanId)).status, 'cancelled', 'cancelling again is a no-op');
  } finally {
    sim.setFaults({});
    await app.close();
  }
});

void test('the CMS dying mid-scan interrupts it resumably; after a restart on the same port it completes', async () => {
  const own = await startSitecoreSimulator({ tree: sim.tree, groundTruth: sim.groundTruth() });
  const port = Number(new URL(own.url).port);
  const storage = join(tempDir(), 'conduit.db');
  own.setFaults({ dieAfterRequests: 150 });
  const app = await xrayApp({ simUrl: own.url, sqlite: storage, maxConcurrent: 4 });
  let restarted: SitecoreSimulator | undefined;
  try {
    const { scan, run } = await app.xray.start({ adapter: 'sim' });
    const interrupted = await run.done;
    assert.equal(interrupted.outcome, 'interrupted');
    assert.ok(interrupted.error && ['ADP_UNAVAILABLE', 'ADP_CIRCUIT_OPEN', 'ADP_TIMEOUT'].includes(interrupted.error.code), interrupted.error?.code);
    const view = await app.xray.get(scan.scanId);
    assert.equal(view.status, 'running');
    assert.equal(view.phase, 'interrupted');
    assert.equal(view.tasks?.leased, 0);
    assert.match(view.hint ?? '', /conduit xray resume/);
    await own.close();
    restarted = await startSitecoreSimulator({ port, tree: sim.tree, groundTruth: sim.groundTruth() });
    const again = await app.xray.crawl(scan.scanId).done;
    assert.equal(again.scan.status, 'completed', JSON.stringify(again.error));
    assert.deepEqual(snapshotDiff(full, await scanSnapshot(await app.scanStore(), scan.scanId)), { missingItems: 0, extraItems: 0, missingRefs: 0, extraRefs: 0, duplicateItems: 0 });
  } finally {
    await app.close();
    await restarted?.close();
    await own.close();
  }
});

void test('a page that keeps failing fails alone: the scan completes and says what is missing', async () => {
  const home = sim.tree.getByPath('/sitecore/content/Home');
  const section = home ? sim.tree.children(home, true).find((c) => sim.tree.children(c, true).length > 0) : undefined;
  assert.ok(section, 'a section with children');
  sim.setFaults({ script: Array.from({ length: 10 }, () => 400), routes: `/item/${section.id}/children` });
  const dir = tempDir();
  const { store } = await openScanStore({ sqlite: join(dir, 'conduit.db'), autoMigrate: true }, { maxAttempts: 2 });
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 4 }, { store, logger: silentLogger, xray: { settings: { leaseMs: 2_000 } } });
  try {
    const result = await (await app.xray.start({ adapter: 'sim' })).run.done;
    assert.equal(result.scan.status, 'completed');
    assert.match(result.scan.warning ?? '', /^1 of [\d,]+ pages could not be crawled/);
    const view = await app.xray.get(result.scan.id);
    assert.equal(view.tasks?.failed, 1);
    const stored = new Set((await scanSnapshot(store, result.scan.id)).items.map((k) => k.split('|')[0]));
    assert.ok(!stored.has(sim.tree.children(section, true)[0]?.id ?? ''), 'the failed page\'s items are missing');
    const failures = (await store.listEvents(result.scan.id)).filter((e) => e.type === 'page-failed');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.data['code'], 'ADP_REQUEST_REJECTED');
  } finally {
    sim.setFaults({});
    await app.close();
  }
});

void test('wrong credentials fail the scan at once, with the reason stored', async () => {
  const app = await xrayApp({ simUrl: sim.url, password: 'wrong' });
  try {
    await assert.rejects(app.xray.start({ adapter: 'sim' }), (e: unknown) => hasCode(e, 'ADP_AUTH_FAILED'));
    const { scans } = await app.xray.list();
    assert.equal(scans[0]?.status, 'failed');
    assert.equal(scans[0]?.error?.code, 'ADP_AUTH_FAILED');
  } finally {
    await app.close();
  }
});

void test('analysis hooks: deep fetch of declared items, then analyze; an analysis error fails the scan and keeps the data', async () => {
  const analyzed: string[] = [];
  const wanted = [...reachableIds(sim.tree)].slice(0, 30);
  sim.resetStats();
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 4 }, {
    logger: silentLogger,
    xray: {
      settings: { leaseMs: 2_000 },
      hooks: {
        async *planDeepFetch() { yield wanted; },
        async analyze(ctx) {
          analyzed.push(ctx.scan.id);
          if (ctx.scan.options['maxItems'] === 50) throw new Error('analyzer exploded');
        },
      },
    },
  });
  try {
    const ok = await (await app.xray.start({ adapter: 'sim' })).run.done;
    assert.equal(ok.scan.status, 'completed');
    assert.deepEqual(analyzed, [ok.scan.id]);
    assert.equal(sim.stats().byRoute['item'] ?? 0, 1 + wanted.length, 'the root item, then each declared item once');
    assert.equal((await app.xray.get(ok.scan.id)).items, full.items.length + wanted.length, 'itemsCrawled counts the upserts of the deep fetch');
    const bad = await (await app.xray.start({ adapter: 'sim', maxItems: 50 })).run.done;
    assert.equal(bad.scan.status, 'failed');
    assert.equal(bad.scan.error?.code, 'INTERNAL');
    assert.ok(bad.scan.itemsCrawled >= 50, 'the crawled items are kept');
  } finally {
    await app.close();
  }
});

void test('a malformed root is refused before any scan is recorded; a root that does not exist leaves a failed scan', async () => {
  const app = await xrayApp({ simUrl: sim.url, maxConcurrent: 2 });
  try {
    const before = (await app.xray.list()).scans.length;
    await assert.rejects(app.xray.start({ adapter: 'sim', root: 'not a path or an id' }), (error: unknown) => hasCode(error, 'TOOL_INVALID_ARGS'));
    assert.equal((await app.xray.list()).scans.length, before, 'the caller\'s typo is not stored as a scan');
    await assert.rejects(app.xray.start({ adapter: 'sim', root: '/sitecore/content/No such item' }), (error: unknown) => hasCode(error, 'ADP_NOT_FOUND'));
    const [failed] = (await app.xray.list()).scans;
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error?.code, 'ADP_NOT_FOUND', 'why the scan failed is visible in xray list');
  } finally {
    await app.close();
  }
});
