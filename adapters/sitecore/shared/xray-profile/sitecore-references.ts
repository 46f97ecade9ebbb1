import type { ProfileItem, ProfileReference } from '../../../../src/adapter-kit/index.ts';
import { extractFieldReferences } from '../field-references.ts';
import type { SitecoreSchema } from './sitecore-schema.ts';

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

export function itemReferences(schema: SitecoreSchema, item: ProfileItem): ProfileReference[] {
  const fieldType = (field: string): string | undefined => {
    const type = schema.fieldDef(item.templateId, field)?.type;
    return type === undefined || type === '' ? undefined : type;
  };
  return extractFieldReferences(item.fields, { itemPath: item.path, fieldType }).map((r) => ({
    kind: r.kind,
    use: USE[r.kind] ?? 'link',
    field: r.field,
    token: r.value,
    ...(r.targetId !== undefined ? { targetId: r.targetId } : { targetPath: r.targetPath ?? '' }),
  }));
}
