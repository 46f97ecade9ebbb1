import type { ItemRole, ItemScope, ProfileReference, XrayModel } from '../../adapter-kit/index.ts';
import type { StoredItem } from '../../store/scan-store-types.ts';

/**
 * Answers the model gives about an item, kept for the batch being shared:
 * thirteen analyzers ask about the same item objects, so each question is
 * computed once per item. Plain maps cleared at each new batch, not
 * WeakMaps: V8 keeps weak entries (and their values) until a full GC, which
 * at a million items costs hundreds of MB and seconds.
 */
export interface BatchMemo {
  /** The model with role, scope and references memoised; null without a profile. */
  readonly model: XrayModel | null;
  referencesOf(item: StoredItem): readonly ProfileReference[];
  /** Forget everything: a new batch is about to be shared. */
  clear(): void;
}

export function createBatchMemo(base: XrayModel | null): BatchMemo {
  const roles = new Map<object, ItemRole>();
  const scopes = new Map<object, ItemScope>();
  const refs = new Map<object, ProfileReference[]>();
  const memo = <V>(cache: Map<object, V>, item: object, compute: () => V): V => {
    let value = cache.get(item);
    if (value === undefined) { value = compute(); cache.set(item, value); }
    return value;
  };
  const model: XrayModel | null = base === null ? null : {
    ...base,
    role: (item) => memo(roles, item, () => base.role(item)),
    scope: (item) => memo(scopes, item, () => base.scope(item)),
    references: (item) => memo(refs, item, () => base.references(item)),
  };
  return {
    model,
    referencesOf: (item) => (model === null ? [] : model.references(item)),
    clear() { roles.clear(); scopes.clear(); refs.clear(); },
  };
}
