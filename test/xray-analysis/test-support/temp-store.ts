import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../src/core/ports.ts';
import { openScanStore } from '../../../src/store/open-scan-store.ts';
import type { ScanStore } from '../../../src/store/scan-store.ts';

export interface TempStore {
  store: ScanStore;
  dir: string;
  file: string;
  close(): Promise<void>;
}

/** A real, migrated SQLite store in a temp directory, removed on close. */
export async function openTempStore(clock?: Clock): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-xray-'));
  const file = join(dir, 'scans.db');
  const { store } = await openScanStore({ sqlite: file, autoMigrate: true }, clock ? { clock } : {});
  return {
    store, dir, file,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock fixed at `at` unless moved (the scan's clock decides what is stale). */
export function fixedClock(at: number): Clock & { set(ms: number): void } {
  let t = at;
  return { now: () => t, set: (ms) => { t = ms; } };
}
