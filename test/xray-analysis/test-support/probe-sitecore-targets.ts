import type { AdapterClient } from '../../../src/adapter-kit/index.ts';
import type { ScanStore } from '../../../src/store/scan-store.ts';
import { TARGET_PROBE_EVENT } from '../../../src/xray/analysis/scan-inputs.ts';
import { findUnresolvedTargets } from '../../../src/xray/analysis/unresolved-targets.ts';
import { toIndexGuid } from '../../../adapters/sitecore/shared/guid.ts';
import { sitecoreXrayProfile } from '../../../adapters/sitecore/shared/xray-profile/sitecore-xray-profile.ts';

/**
 * Test support standing in for the engine's post-crawl probe (reference §3.3
 * step 3-4): every target the crawl did not store is looked up in the CMS.
 * SSC answers 404 for missing and unreadable items alike, but its search
 * counts unreadable hits in TotalCount (§1.4), so `_group:<id>` tells them apart.
 */
export async function probeSitecoreTargets(store: ScanStore, scanId: string, client: AdapterClient): Promise<{ exists: string[]; unreadable: string[]; missing: string[] }> {
  const search = client.search;
  if (!search) throw new Error('the adapter has no search part to probe with');
  const targets = await findUnresolvedTargets(store, scanId, sitecoreXrayProfile);
  const out = { exists: [] as string[], unreadable: [] as string[], missing: [] as string[] };
  for (const id of targets.ids) {
    const page = await search.search({ text: `_group:${toIndexGuid(id)}`, limit: 1 });
    if (page.items.length > 0) out.exists.push(id);
    else if ((page.total ?? 0) > 0) out.unreadable.push(id);
    else out.missing.push(id);
  }
  for (const path of targets.paths) {
    const item = await client.getContent({ path });
    (item === null ? out.missing : out.exists).push(path);
  }
  await store.appendEvent(scanId, TARGET_PROBE_EVENT, out);
  return out;
}
