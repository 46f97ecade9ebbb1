import { ConduitError } from '../core/conduit-error.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { openScanStore, type StorageSettings } from '../store/open-scan-store.ts';
import type { ScanStore } from '../store/scan-store.ts';

/** What readiness needs from a store; a ScanStore is one too. */
export interface StoreProbe {
  kind: 'sqlite' | 'postgres' | 'none';
  check(): Promise<{ ok: boolean; message?: string }>;
  close(): Promise<void>;
}

export interface LazyScanStore {
  kind: 'sqlite' | 'postgres' | 'none';
  /** Opens (and migrates) the store on first call; a failed open is tried again on the next call. */
  open(): Promise<ScanStore>;
  check(): Promise<{ ok: boolean; message?: string }>;
  close(): Promise<void>;
}

function isScanStore(store: StoreProbe | ScanStore): store is ScanStore {
  return 'commitPage' in store;
}

/**
 * The app's scan store, opened on first use: commands that never touch X-Ray
 * never create a database file, and a database that is down at start-up
 * degrades /ready and X-Ray instead of stopping the server. A test probe
 * (readiness only) can stand in; then X-Ray reports the store unavailable.
 */
export function lazyScanStore(storage: StorageSettings, options: { logger: Logger; clock?: Clock; override?: StoreProbe | ScanStore }): LazyScanStore {
  const override = options.override;
  let opening: Promise<ScanStore> | undefined;
  let closed = false;

  function open(): Promise<ScanStore> {
    if (override) {
      return isScanStore(override) ? Promise.resolve(override)
        : Promise.reject(new ConduitError('STORE_UNAVAILABLE', 'This Conduit instance runs without a scan store (a readiness-only store was given).'));
    }
    if (closed) return Promise.reject(new ConduitError('SHUTTING_DOWN', 'The scan store is closed.'));
    opening ??= openScanStore(storage, { logger: options.logger, ...(options.clock ? { clock: options.clock } : {}) })
      .then((r) => r.store)
      .catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
    return opening;
  }

  return {
    kind: override ? override.kind : storage.postgres !== undefined ? 'postgres' : 'sqlite',
    open,
    async check() {
      if (override && !isScanStore(override)) return override.check();
      try {
        return await (await open()).check();
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : 'the scan store could not be opened' };
      }
    },
    async close() {
      closed = true;
      if (override) return override.close();
      const pending = opening;
      opening = undefined;
      if (!pending) return;
      const store = await pending.catch((error: unknown) => {
        // It never opened: nothing to close; the error was reported to whoever asked for the store.
        options.logger.debug({ err: error }, 'scan store never opened');
        return undefined;
      });
      await store?.close();
    },
  };
}
