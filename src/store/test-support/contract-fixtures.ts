import type { CrawlTask, XrayItem } from '../../adapter-kit/xray-source-types.ts';
import type { Clock } from '../../core/ports.ts';
import type { Db } from '../db-port.ts';
import { migrate } from '../migrate.ts';
import { createScanStore, type ScanStore } from '../scan-store.ts';
import type { ScanRecord } from '../scan-store-types.ts';
import type { StoreTestTarget, TestDatabase } from './test-databases.ts';

/** A clock tests move by hand, so lease expiry needs no sleeping. */
export interface ManualClock extends Clock { advance(ms: number): void; set(ms: number): void }

export function manualClock(start = Date.UTC(2026, 10, 1)): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; }, set: (ms) => { t = ms; } };
}

export interface StoreHarness {
  store: ScanStore;
  clock: ManualClock;
  db: Db;
  database: TestDatabase;
  /** A second store on the same database (own pool / connection), sharing the clock. */
  anotherStore(): ScanStore;
}

/** Runs `fn` against a freshly migrated database of `target`, and always cleans up. */
export async function withStore(target: StoreTestTarget, fn: (h: StoreHarness) => Promise<void>, options: { maxAttempts?: number } = {}): Promise<void> {
  const database = await target.fresh();
  const clock = manualClock();
  const storeOptions = { clock, ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }) };
  try {
    await migrate(database.db);
    const store = createScanStore(database.db, storeOptions);
    await fn({ store, clock, db: database.db, database, anotherStore: () => createScanStore(database.another(), storeOptions) });
  } finally {
    await database.cleanup();
  }
}

/** A scan already running, as the engine would leave it before leasing. */
export async function runningScan(store: ScanStore, adapter = 'sitecore'): Promise<ScanRecord> {
  const scan = await store.createScan({ adapter, root: '/sitecore/content', options: { maxItems: 1000 } });
  return store.updateScanStatus(scan.id, 'running', { phase: 'crawl' });
}

export function task(key: string, depth = 0): CrawlTask {
  return { key, cursor: `cursor:${key}`, depth };
}

export function tasks(prefix: string, count: number, depth = 0): CrawlTask[] {
  return Array.from({ length: count }, (_, i) => task(`${prefix}${String(i).padStart(5, '0')}`, depth));
}

/** A deterministic item; `n` makes it unique. */
export function item(n: number, overrides: Partial<XrayItem> = {}): XrayItem {
  const id = `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
  return {
    id,
    parentId: '00000000-0000-0000-0000-000000000000',
    path: `/sitecore/content/Home/Item ${n}`,
    name: `Item ${n}`,
    templateId: 'tpl-page',
    templateName: 'Page',
    language: 'en',
    version: 1,
    updatedAt: '2026-01-02T03:04:05.000Z',
    createdAt: '2025-01-02T03:04:05.000Z',
    hasChildren: n % 3 === 0,
    fields: { Title: `Title ${n}`, Body: `<p>Body of item ${n}</p>` },
    ...overrides,
  };
}

export function items(from: number, count: number): XrayItem[] {
  return Array.from({ length: count }, (_, i) => item(from + i));
}

export async function collect<T>(batches: AsyncIterable<T[]>): Promise<{ all: T[]; batches: number }> {
  const all: T[] = [];
  let n = 0;
  for await (const batch of batches) {
    all.push(...batch);
    n++;
  }
  return { all, batches: n };
}
