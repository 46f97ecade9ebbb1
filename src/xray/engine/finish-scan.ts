import type { CrawlTask } from '../../adapter-kit/xray-source-types.ts';
import { hasCode } from '../../core/conduit-error.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { ScanRecord } from '../../store/scan-store-types.ts';
import { TARGET_PROBE_EVENT } from '../analysis/scan-inputs.ts';
import { findUnresolvedTargets } from '../analysis/unresolved-targets.ts';
import { TERMINAL_STATUSES } from '../../store/scan-store-types.ts';
import type { HookContext, WorkerContext } from './engine-types.ts';
import { FINISH_TASK, fullFetchIds, fullFetchTask } from './engine-tasks.ts';
import { storedErrorOf } from './error-policy.ts';
import { commitFetchedPage } from './page-runner.ts';

/** Items per fetchFull call (and per engine task). */
const DEEP_FETCH_BATCH = 50;

/**
 * The last step of a scan, run by exactly one worker (the one holding the
 * `xray:finish` lease, or the one that truncated the scan): the deep fetch the
 * analyzers asked for, the probe of referenced targets the crawl did not
 * store, the analysis, then `completed` with any warnings.
 * Every step can run again after a crash: fetched items are upserts, the
 * analysis is idempotent, and completing twice is refused harmlessly.
 */
export async function finishScan(w: WorkerContext, signal: AbortSignal, finishTask: boolean): Promise<void> {
  let scan = await w.store.getScan(w.scanId);
  if (scan === null || TERMINAL_STATUSES.includes(scan.status)) return;
  const hook = (current: ScanRecord): HookContext => ({
    scan: current, store: w.store, source: w.source, signal, logger: w.logger,
    setPhase: async (phase) => { await w.store.updateScanStatus(w.scanId, 'running', { phase }); },
  });
  if (w.hooks.planDeepFetch && w.source.fetchFull) {
    scan = await w.store.updateScanStatus(w.scanId, 'running', { phase: 'deep-fetch' });
    for await (const ids of w.hooks.planDeepFetch(hook(scan))) await deepFetch(w, ids, signal);
  }
  if (w.source.profile && w.source.probeTargets && !(await hasEvent(w.store, w.scanId, TARGET_PROBE_EVENT))) {
    await w.store.updateScanStatus(w.scanId, 'running', { phase: 'probe' });
    await probeTargets(w, signal);
  }
  if (w.hooks.analyze) {
    scan = await w.store.updateScanStatus(w.scanId, 'running', { phase: 'analyze' });
    try {
      await w.hooks.analyze(hook(scan));
    } catch (error) {
      if (signal.aborted) throw error;
      w.logger.error({ err: error, scanId: w.scanId }, 'X-Ray analysis failed');
      await w.store.updateScanStatus(w.scanId, 'failed', { phase: 'analyze', error: storedErrorOf(error) });
      await w.store.appendEvent(w.scanId, 'failed', { ...storedErrorOf(error) });
      return;
    }
  }
  if (finishTask) await w.store.commitPage(w.scanId, FINISH_TASK.key, w.owner, { items: [] });
  await completeScan(w);
}

/** Marks the scan completed, adding a warning when pages failed for good. A scan someone else finished stays as it is. */
export async function completeScan(w: WorkerContext): Promise<void> {
  const counts = await w.store.taskCounts(w.scanId);
  const scan = await w.store.getScan(w.scanId);
  if (scan === null || TERMINAL_STATUSES.includes(scan.status)) return;
  const warnings = [scan.warning];
  if (counts.failed > 0) {
    warnings.push(`${counts.failed.toLocaleString('en')} of ${counts.total.toLocaleString('en')} pages could not be crawled after every attempt; `
      + 'the items they list (and everything below them) are missing from this scan.');
  }
  const warning = warnings.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
  try {
    await w.store.updateScanStatus(w.scanId, 'completed', { phase: 'done', ...(warning ? { warning } : {}) });
    await w.store.appendEvent(w.scanId, 'completed', { items: scan.itemsCrawled, failedPages: counts.failed });
  } catch (error) {
    // Another worker completed (or someone cancelled) the scan in the meantime: nothing left to do.
    if (!hasCode(error, 'XRAY_SCAN_FINISHED')) throw error;
  }
}

/** Queues and runs full-field fetches for a batch of item ids, one engine task per depth and batch. */
async function deepFetch(w: WorkerContext, ids: readonly string[], signal: AbortSignal): Promise<void> {
  for (let i = 0; i < ids.length; i += DEEP_FETCH_BATCH) {
    const stored = await w.store.getItems(w.scanId, ids.slice(i, i + DEEP_FETCH_BATCH));
    const byDepth = new Map<number, Set<string>>();
    for (const item of stored) {
      const set = byDepth.get(item.depth) ?? new Set<string>();
      set.add(item.id);
      byDepth.set(item.depth, set);
    }
    for (const [depth, set] of byDepth) {
      const task = fullFetchTask([...set], depth);
      await w.store.addRootTasks(w.scanId, [task]);
      await runFullFetchTask(w, task, signal);
    }
  }
}

/** Runs one `xray:full:*` task (from the finisher, or leased by any worker): fetchFull, then commit. */
export async function runFullFetchTask(w: WorkerContext, task: CrawlTask, signal: AbortSignal): Promise<void> {
  const fetchFull = w.source.fetchFull;
  const ids = fullFetchIds(task);
  const items = fetchFull ? await fetchFull.call(w.source, ids, signal) : [];
  await commitFetchedPage(w.store, w.scanId, task, w.owner, { items, next: [], requests: ids.length }, signal);
}

/** Targets per probeTargets call. */
const PROBE_BATCH = 200;

/**
 * Asks the CMS about referenced targets the crawl did not store (reference
 * §3.3: outside the tree, unreadable, or really missing) and records the
 * answers as one `xray.targets.probed` event, which the analysis reads.
 */
async function probeTargets(w: WorkerContext, signal: AbortSignal): Promise<void> {
  const profile = w.source.profile;
  const probe = w.source.probeTargets;
  if (!profile || !probe) return;
  const targets = await findUnresolvedTargets(w.store, w.scanId, profile);
  const result = { exists: [] as string[], unreadable: [] as string[], missing: [] as string[] };
  const all = [...targets.ids.map((id) => ({ id })), ...targets.paths.map((path) => ({ path }))];
  for (let i = 0; i < all.length; i += PROBE_BATCH) {
    const batch = all.slice(i, i + PROBE_BATCH);
    const answer = await probe.call(w.source, {
      ids: batch.flatMap((t) => ('id' in t ? [t.id] : [])), paths: batch.flatMap((t) => ('path' in t ? [t.path] : [])),
    }, signal);
    result.exists.push(...answer.exists);
    result.unreadable.push(...answer.unreadable);
    result.missing.push(...answer.missing);
  }
  // One event with every answer: a probe cut short by a crash leaves no event and is simply run again.
  await w.store.appendEvent(w.scanId, TARGET_PROBE_EVENT, { ...result, truncated: targets.truncated });
}

async function hasEvent(store: ScanStore, scanId: string, type: string): Promise<boolean> {
  for (let after = 0; ;) {
    const events = await store.listEvents(scanId, after, 1000);
    if (events.some((e) => e.type === type)) return true;
    const last = events[events.length - 1];
    if (events.length < 1000 || last === undefined) return false;
    after = last.seq;
  }
}
