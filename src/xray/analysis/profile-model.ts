import type { XrayModel, XrayProfile } from '../../adapter-kit/index.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { StoredItem } from '../../store/scan-store-types.ts';

/**
 * The profile's model for a scan is built from its definition items
 * (templates, field definitions, workflow states). Finding them by template
 * through the store would walk the whole items table once per template on
 * SQLite (the planner prefers the primary key for the ORDER BY), so they are
 * spotted during the structure pass and read by id before the content pass.
 * Until then the model answers from no definitions, which is enough for the
 * structure pass (roles, scopes); references and field checks need the
 * schema and only run in the content pass.
 */
export interface DeferredModel {
  /** Delegates to the model built last. */
  readonly model: XrayModel;
  /** Remembers a definition item seen in the structure pass. */
  note(item: StoredItem): void;
  /** Reads the noted definitions by id and builds the full model. */
  load(store: ScanStore, scanId: string): Promise<void>;
}

export function createDeferredModel(profile: XrayProfile): DeferredModel {
  const templates = new Set(profile.definitionTemplateIds);
  const ids = new Set<string>();
  let current = profile.createModel([]);
  const model: XrayModel = {
    role: (item) => current.role(item),
    scope: (item) => current.scope(item),
    references: (item) => current.references(item),
    baseTypes: (item) => current.baseTypes(item),
    access: (item) => current.access(item),
    lastUpdated: (item) => current.lastUpdated(item),
    inActiveWorkflow: (item) => current.inActiveWorkflow(item),
    mediaSize: (item) => current.mediaSize(item),
    fieldIssues: (item) => current.fieldIssues(item),
    nameIssue: (item) => current.nameIssue(item),
    isReuseFolder: (item) => current.isReuseFolder(item),
    isGeneratedFolder: (item) => current.isGeneratedFolder(item),
    reuseKind: (item, below) => current.reuseKind(item, below),
  };
  return {
    model,
    note(item) {
      if (item.templateId !== null && templates.has(item.templateId)) ids.add(item.id);
    },
    async load(store, scanId) {
      const definitions: StoredItem[] = [];
      const all = [...ids];
      for (let i = 0; i < all.length; i += 500) definitions.push(...await store.getItems(scanId, all.slice(i, i + 500)));
      current = profile.createModel(definitions);
    },
  };
}

/** The full model of a stored scan outside an analysis run (graph, probes): one pass without fields, then the definitions by id. */
export async function loadProfileModel(store: ScanStore, scanId: string, profile: XrayProfile): Promise<XrayModel> {
  const deferred = createDeferredModel(profile);
  for await (const batch of store.iterateItems(scanId, { withoutFields: true, batchSize: 5000 })) for (const item of batch) deferred.note(item);
  await deferred.load(store, scanId);
  return deferred.model;
}
