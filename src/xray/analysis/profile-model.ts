import type { XrayModel, XrayProfile } from '../../adapter-kit/index.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { StoredItem } from '../../store/scan-store-types.ts';

/** Builds the adapter profile's model for a scan from its definition items (read by template, through the index). */
export async function loadProfileModel(store: ScanStore, scanId: string, profile: XrayProfile): Promise<XrayModel> {
  const definitions: StoredItem[] = [];
  for (const templateId of profile.definitionTemplateIds) {
    for await (const batch of store.iterateItems(scanId, { templateId, batchSize: 2000 })) definitions.push(...batch);
  }
  return profile.createModel(definitions);
}
