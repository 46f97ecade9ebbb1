import { randomUUID } from 'node:crypto';
import { formatSitecoreDate } from '../../shared/sitecore-date.ts';
import type { SimItem } from './sim-item.ts';
import type { SimTree } from './sim-tree.ts';

/**
 * The item writes both write surfaces (SSC Item Service and the Authoring and
 * Management GraphQL API) perform on the shared tree, so an item written
 * through one is read back the same way through SSC and Edge.
 */
export interface NewSimItem {
  parent: SimItem;
  name: string;
  templateId: string;
  language: string;
  /** Account stamped in __Created by / __Updated by / __Owner. */
  user: string;
  /** Epoch ms for __Created / __Updated. */
  now: number;
}

/** Writes field values the item's template knows; unknown names are ignored, like SSC. */
export function applyFields(tree: SimTree, item: SimItem, values: Record<string, string>, language: string): void {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'ItemName' || name === 'TemplateID') continue;
    if (tree.hasField(item.templateId, name)) tree.setField(item, name, value, language);
  }
}

export function createSimItem(tree: SimTree, spec: NewSimItem): SimItem {
  const stamp = formatSitecoreDate(spec.now);
  return tree.add({
    id: randomUUID(), name: spec.name, parentId: spec.parent.id, templateId: spec.templateId,
    shared: { '__Sortorder': String((spec.parent.childIds.length + 1) * 100) },
    langs: {
      [spec.language]: {
        version: 1,
        fields: { '__Created': stamp, '__Created by': spec.user, '__Updated': stamp, '__Updated by': spec.user, '__Revision': randomUUID(), '__Owner': spec.user },
      },
    },
  });
}

/** Stamps __Updated, __Updated by and a new __Revision on the language version (created when missing). */
export function stampUpdate(item: SimItem, language: string, user: string, now: number): void {
  const version = (item.langs[language] ??= { version: 1, fields: {} });
  Object.assign(version.fields, { '__Updated': formatSitecoreDate(now), '__Updated by': user, '__Revision': randomUUID() });
}
