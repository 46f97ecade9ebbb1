// The crawl pipeline's bounds: fetch slots, pages waiting for their commit, and that a page waiting for a
// slow commit does not hold a fetch slot. A real SQLite store; the source is a synthetic tree served in-process, because what
// is under test is the worker's scheduling, not an adapter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CrawlPage, CrawlTask, XraySource } from '../../adapter-kit/xray-source-types.ts';
import { silentLogger, systemClock } from '../../core/ports.ts';
import { openScanStore } from '../../store/open-scan-store.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import { CrawlWorker } from './crawl-worker.ts';

const CONCURRENCY = 4;
const FETCH_MS = 10;
const COMMIT_MS = 25;

/** What is in flight: fetches, pages fetched and waiting for their commit, and the most of each seen at once. */
interface InFlight { fetching: number; uncommitted: number; maxFetching: number; maxUncommitted: number; maxTotal: number }

function note(seen: InFlight): void {
  seen.maxFetching = Math.max(seen.maxFetching, seen.fetching);
  seen.maxUncommitted = Math.max(seen.maxUncommitted, seen.uncommitted);
  seen.maxTotal = Math.max(seen.maxTotal, seen.fetching + seen.uncommitted);
}

/** A tree of `fanOut`-ary folders, `depth` levels deep: one task per folder. */
function syntheticSource(fanOut: number, depth: number, seen: InFlight): XraySource {
  const task = (path: string, level: number): CrawlTask => ({ key: path, cursor: path, depth: level });
  return {
    supportedCategories: [],
    rootTasks: async () => [task('/root', 0)],
    async crawl(t): Promise<CrawlPage> {
      seen.fetching += 1;
      note(seen);
      await sleep(FETCH_MS);
      seen.fetching -= 1;
      const children = t.depth < depth ? Array.from({ length: fanOut }, (_, i) => `${t.cursor}/n${i}`) : [];
      return {
        items: [{ id: t.cursor, path: t.cursor, name: t.cursor.split('/').at(-1) ?? '', hasChildren: children.length > 0, fields: {} }],
        next: children.map((path) => task(path, t.depth + 1)),
        requests: 1,
      };
    },
  };
}

/** The real store, with every commit slowed down and the pages fetched but not yet committed counted. */
function slowCommits(store: ScanStore, seen: InFlight): ScanStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'commitPage') return Reflect.get(target, name, receiver) as unknown;
      return async (...args: Parameters<ScanStore['commitPage']>) => {
        seen.uncommitted += 1;
        note(seen);
        try {
          await sleep(COMMIT_MS);
          return await target.commitPage(...args);
        } finally {
          seen.uncommitted -= 1;
        }
      };
    },
  });
}

void test('a page waiting for its commit frees its fetch slot; at most 1.5 × concurrency pages are uncommitted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-crawl-worker-'));
  const { store } = await openScanStore({ sqlite: join(dir, 'scan.db'), autoMigrate: true });
  try {
    const seen: InFlight = { fetching: 0, uncommitted: 0, maxFetching: 0, maxUncommitted: 0, maxTotal: 0 };
    const source = syntheticSource(6, 3, seen); // 1 + 6 + 36 + 216 = 259 pages
    const scan = await store.createScan({ adapter: 'synthetic' });
    await store.addRootTasks(scan.id, await source.rootTasks(undefined));
    await store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
    const result = await new CrawlWorker({
      store: slowCommits(store, seen), source, scanId: scan.id, owner: 'test', settings: { concurrency: CONCURRENCY, leaseMs: 30_000 },
      hooks: {}, logger: silentLogger, clock: systemClock, stop: new AbortController().signal,
    }).run();

    assert.equal(result.scan.status, 'completed');
    assert.equal(result.scan.itemsCrawled, 259);
    assert.ok(seen.maxFetching <= CONCURRENCY, `${seen.maxFetching} fetches at once (concurrency ${CONCURRENCY})`);
    assert.equal(seen.maxFetching, CONCURRENCY, 'the fetch slots were used in full');
    // Pages in a fetch or waiting for their commit are what a SIGKILL can cost: the engine README's bound.
    assert.ok(seen.maxTotal <= CONCURRENCY * 1.5, `${seen.maxTotal} pages fetched or uncommitted at once (bound ${CONCURRENCY * 1.5})`);
    // Were a slot held through its page's commit, fetches + pages awaiting commit could never pass CONCURRENCY.
    assert.ok(seen.maxTotal > CONCURRENCY, `at most ${seen.maxTotal} pages in flight: a page waiting for its commit held its fetch slot`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
