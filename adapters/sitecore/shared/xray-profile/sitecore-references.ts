import type { ProfileItem, ProfileReference } from '../../../../src/adapter-kit/index.ts';
import { fieldValueReferences, type FieldReference } from '../field-references.ts';
import type { FieldResolver } from './sitecore-field-types.ts';

/**
 * The item's references for X-Ray: the shared field parser
 * (`../field-references.ts`, the same one the crawl stores references with),
 * given the field types from the scan's templates, so a one-entry Multilist
 * is still a multilist and a Rich Text field is read as rich text.
 */
const USE: Readonly<Record<string, ProfileReference['use']>> = {
  'rendering-id': 'component',
  'layout': 'component',
  'rendering-datasource-id': 'datasource',
  'rendering-datasource-path': 'datasource',
  'personalization-datasource': 'datasource',
  'rendering-parameter': 'setting',
  'layout-device': 'setting',
  'rule-element': 'setting',
  'general-link-media': 'media',
  'image': 'media',
  'file': 'media',
  'rich-text-media': 'media',
  'base-template': 'type',
  'standard-values': 'type',
  'insert-option': 'type',
  'workflow': 'workflow',
};
const NOT_REFERENCES = new Set(['__Revision', 'Blob', '__Security', '__Sortorder', '__Lock']);
const LAYOUT_FIELDS = new Set(['__Renderings', '__Final Renderings']);
/** Distinct layout values kept parsed: pages mostly inherit their template's standard values layout, so few values repeat a lot. */
const LAYOUT_CACHE_SIZE = 2000;

function toProfile(r: FieldReference): ProfileReference {
  return {
    kind: r.kind, use: USE[r.kind] ?? 'link', field: r.field, token: r.value,
    ...(r.targetId !== undefined ? { targetId: r.targetId } : { targetPath: r.targetPath ?? '' }),
  };
}

export type ReferenceReader = (item: ProfileItem) => ProfileReference[];

export function createReferenceReader(resolve: FieldResolver): ReferenceReader {
  const layouts = new Map<string, ProfileReference[]>();
  const layoutRefs = (item: ProfileItem, field: string, value: string): ProfileReference[] => {
    // `local:` datasources resolve against the page, so only values without one are shared between pages.
    if (value.includes('local:')) return fieldValueReferences(field, value, { itemPath: item.path }).map(toProfile);
    const key = `${field}\u0000${value}`;
    let refs = layouts.get(key);
    if (refs === undefined) {
      refs = fieldValueReferences(field, value).map(toProfile);
      if (layouts.size >= LAYOUT_CACHE_SIZE) layouts.clear();
      layouts.set(key, refs);
    }
    return refs;
  };
  return (item) => {
    const out: ProfileReference[] = [];
    const typeOf = resolve(item.templateId);
    const fieldType = (field: string): string | undefined => {
      const type = typeOf(field, item.fields[field] ?? '').type;
      return type === '' ? undefined : type;
    };
    for (const field in item.fields) {
      const value = item.fields[field] ?? '';
      if (value === '' || NOT_REFERENCES.has(field)) continue;
      if (LAYOUT_FIELDS.has(field)) out.push(...layoutRefs(item, field, value));
      else for (const r of fieldValueReferences(field, value, { itemPath: item.path, fieldType })) out.push(toProfile(r));
    }
    return out;
  };
}
