import type { XrayProfile } from '../../adapter-kit/index.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import { PathResolver, pathKey } from './analyzer-support.ts';
import { createDeferredModel } from './profile-model.ts';

export interface UnresolvedTargets {
  /** Canonical ids referenced but not crawled. */
  ids: string[];
  /** Absolute paths referenced but not crawled. */
  paths: string[];
  /** More were found than `limit`; the lists are cut. */
  truncated: boolean;
}

/**
 * Targets of references that the crawl did not store, for the scan engine to
 * probe against the CMS after the crawl (reference §3.3 step 3: an unscanned
 * target may be unreadable or outside the scanned tree rather than missing).
 * The engine records the answers as a `xray.targets.probed` event before it
 * runs the analysis. Reads the store only.
 */
export async function findUnresolvedTargets(store: ScanStore, scanId: string, profile: XrayProfile, limit = 10_000): Promise<UnresolvedTargets> {
  const deferred = createDeferredModel(profile);
  const known = new Set<string>();
  for await (const batch of store.iterateItems(scanId, { withoutFields: true, batchSize: 5000 })) {
    for (const item of batch) { known.add(item.id); deferred.note(item); }
  }
  await deferred.load(store, scanId);
  const model = deferred.model;
  const ids = new Set<string>();
  const pathCandidates = new Set<string>();
  for await (const batch of store.iterateItems(scanId, { batchSize: 1000 })) {
    for (const item of batch) {
      for (const ref of model.references(item)) {
        if (ref.targetId !== undefined && !known.has(ref.targetId)) ids.add(ref.targetId);
        else if (ref.targetPath !== undefined) pathCandidates.add(ref.targetPath);
      }
    }
  }
  const resolver = new PathResolver((paths) => store.getItemsByPath(scanId, paths));
  await resolver.load(pathCandidates);
  const paths = [...pathCandidates].filter((p) => resolver.idOf(p) === null);
  const uniquePaths = [...new Map(paths.map((p) => [pathKey(p), p])).values()];
  const truncated = ids.size + uniquePaths.length > limit;
  return { ids: [...ids].slice(0, limit), paths: uniquePaths.slice(0, Math.max(0, limit - ids.size)), truncated };
}
