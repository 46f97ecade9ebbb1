import type { EdgeTemplateField } from './edge-content-source.ts';
import { edgeCanonicalId } from './edge-ids.ts';
import type { EdgeItemNode, EdgePublishedView } from './edge-published-view.ts';

/** One field of one item version, as `ItemField` resolvers receive it. */
export interface EdgeFieldNode {
  kind: 'field';
  owner: EdgeItemNode;
  name: string;
  value: string;
  definition: EdgeTemplateField | undefined;
  /** Concrete GraphQL type implementing ItemField. */
  typeName: string;
}

const TYPE_BY_SITECORE_TYPE: Record<string, string> = {
  'rich text': 'RichTextField',
  checkbox: 'CheckboxField',
  date: 'DateField',
  datetime: 'DateField',
  number: 'NumberField',
  integer: 'NumberField',
  image: 'ImageField',
  'general link': 'LinkField',
  'general link with search': 'LinkField',
  droplink: 'LookupField',
  droptree: 'LookupField',
  'grouped droplink': 'LookupField',
  reference: 'LookupField',
  multilist: 'MultilistField',
  'multilist with search': 'MultilistField',
  treelist: 'MultilistField',
  'treelist with search': 'MultilistField',
  treelistex: 'MultilistField',
  checklist: 'MultilistField',
};

/** Field definitions of a template and its bases, own template first; standard fields excluded. */
function definitions(view: EdgePublishedView, templateId: string, ownOnly: boolean): EdgeTemplateField[] {
  const ids = ownOnly ? [templateId] : view.templateIds(templateId);
  return ids.flatMap((id) => view.source.template(id)?.ownFields ?? []).filter((f) => !f.name.startsWith('__'));
}

function fieldNode(owner: EdgeItemNode, name: string, definition: EdgeTemplateField | undefined): EdgeFieldNode {
  return {
    kind: 'field', owner, name, definition,
    value: owner.version.fields[name] ?? '',
    typeName: TYPE_BY_SITECORE_TYPE[(definition?.type ?? '').toLowerCase()] ?? 'TextField',
  };
}

/**
 * `fields(ownFields)`: Edge never returns standard (`__`) fields. With
 * ownFields the template's own fields are returned; when the template is
 * unknown to the source every non-standard field counts as own.
 */
export function fieldNodes(view: EdgePublishedView, owner: EdgeItemNode, ownFields: boolean): EdgeFieldNode[] {
  const defs = definitions(view, owner.item.templateId, ownFields);
  const templateKnown = view.source.template(owner.item.templateId) !== undefined;
  const byName = new Map(defs.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  if (!ownFields || !templateKnown) {
    for (const name of Object.keys(owner.version.fields)) {
      if (!name.startsWith('__') && !byName.has(name)) names.push(name);
    }
  }
  return names.map((name) => fieldNode(owner, name, byName.get(name)));
}

/** `field(name)`: null for standard fields and names the item does not have. */
export function singleFieldNode(view: EdgePublishedView, owner: EdgeItemNode, name: string): EdgeFieldNode | null {
  if (name.startsWith('__')) return null;
  const definition = definitions(view, owner.item.templateId, false).find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (definition) return fieldNode(owner, definition.name, definition);
  const actual = Object.keys(owner.version.fields).find((n) => n.toLowerCase() === name.toLowerCase());
  return actual === undefined ? null : fieldNode(owner, actual, undefined);
}

/** `yyyyMMddTHHmmssZ` → ISO 8601; Sitecore's empty date is DateTime.MinValue. */
export function sitecoreDateToIso(raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : '0001-01-01T00:00:00Z';
}

export function xmlAttributes(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of value.matchAll(/([\w-]+)="([^"]*)"/g)) {
    if (m[1] !== undefined && m[2] !== undefined) out[m[1].toLowerCase()] = m[2];
  }
  return out;
}

/** Items a Droplink/Multilist value points at that are published in the owner's language. */
export function targetNodes(view: EdgePublishedView, field: EdgeFieldNode): EdgeItemNode[] {
  return field.value.split('|')
    .map((part) => edgeCanonicalId(part))
    .filter((id): id is string => id !== undefined)
    .map((id) => view.source.byId(id))
    .map((item) => (item ? view.node(item, field.owner.language) : undefined))
    .filter((n): n is EdgeItemNode => n !== undefined);
}
