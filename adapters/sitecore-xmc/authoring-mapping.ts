import { ConduitError, quoted, type ContentItem } from '../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import type { AuthoringItem } from './authoring-queries.ts';

/** The Authoring API prints ids as lower-case .NET "N" (`30a8616d…`, Sitecore's documented example); Conduit keys on the canonical dashed form. */
export function canonicalAuthoringId(value: string, what: string): string {
  const id = normalizeGuid(value);
  if (id === null) {
    throw new ConduitError('ADP_BAD_RESPONSE', `The Authoring and Management API returned ${what} ${quoted(value)}, which is not a GUID.`, {
      hint: 'Check that the authoring endpoint is /sitecore/api/authoring/graphql/v1 on the XM Cloud CM host.',
    });
  }
  return id;
}

/** An item as a write returned it, in Conduit's content model: the same shape Edge reads give (no `__` fields). */
export function authoringItemToContent(item: AuthoringItem): ContentItem {
  const fields: Record<string, string> = {};
  for (const field of item.fields.nodes) {
    if (!field.name.startsWith('__')) fields[field.name] = field.value ?? '';
  }
  const content: ContentItem = {
    id: canonicalAuthoringId(item.itemId, 'an item id'),
    name: item.name,
    path: item.path,
    displayName: item.displayName ?? item.name,
    type: { id: canonicalAuthoringId(item.template.templateId, 'a template id'), name: item.template.name },
    fields,
  };
  if (typeof item.hasChildren === 'boolean') content.hasChildren = item.hasChildren;
  if (item.language) content.locale = item.language.name;
  if (typeof item.version === 'number') content.version = item.version;
  if (item.parent) content.parentId = canonicalAuthoringId(item.parent.itemId, 'a parent id');
  return content;
}
