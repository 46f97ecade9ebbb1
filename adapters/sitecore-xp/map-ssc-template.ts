import type { ContentType, ContentTypeField } from '../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';
import { itemIdOf, rawFieldsOf, sscString } from './map-ssc-item.ts';
import type { SscItem } from './ssc-schemas.ts';

/** Well-known template ids of the template system itself (/sitecore/templates/System/Templates). */
export const TEMPLATE_TEMPLATE_ID = 'ab86861a-6030-46c5-b394-e8f99e8b87db';
export const TEMPLATE_SECTION_ID = 'e269fbb5-3750-427a-9149-7aa950b49301';
export const TEMPLATE_FIELD_ID = '455a3e98-a627-4b40-8035-e683a0331ac7';
export const TEMPLATES_ROOT_PATH = '/sitecore/templates';

function isOfTemplate(item: SscItem, id: string, name: string): boolean {
  return normalizeGuid(sscString(item.TemplateID)) === id || sscString(item.TemplateName) === name;
}

export const isTemplate = (item: SscItem): boolean => isOfTemplate(item, TEMPLATE_TEMPLATE_ID, 'Template');
export const isTemplateSection = (item: SscItem): boolean => isOfTemplate(item, TEMPLATE_SECTION_ID, 'Template section');
export const isTemplateField = (item: SscItem): boolean => isOfTemplate(item, TEMPLATE_FIELD_ID, 'Template field');

export interface TemplateSection {
  section: SscItem;
  fields: SscItem[];
}

function sortOrder(item: SscItem): number {
  const n = Number.parseInt(sscString(item['__Sortorder']), 10);
  return Number.isFinite(n) ? n : 0;
}

const bySortOrder = (a: SscItem, b: SscItem): number => sortOrder(a) - sortOrder(b);

function toField(field: SscItem, section: string): ContentTypeField {
  const raw = rawFieldsOf(field);
  const out: ContentTypeField = { name: field.ItemName, id: itemIdOf(field), section };
  const type = raw['Type'];
  if (type) out.type = type;
  if (raw['Shared'] !== undefined) out.shared = raw['Shared'] === '1';
  return out;
}

/**
 * A template item with its section children and their field children as a
 * ContentType. Base templates come from `__Base template` (pipe-joined GUIDs),
 * present when the template was read with standard fields. Pure: no IO.
 */
export function toContentType(template: SscItem, sections: TemplateSection[], includeRaw = false): ContentType {
  const raw = rawFieldsOf(template);
  const fields = [...sections]
    .filter((s) => isTemplateSection(s.section))
    .sort((a, b) => bySortOrder(a.section, b.section))
    .flatMap((s) => [...s.fields].filter(isTemplateField).sort(bySortOrder).map((f) => toField(f, s.section.ItemName)));
  const type: ContentType = { id: itemIdOf(template), name: template.ItemName, path: template.ItemPath, fields };
  const bases = (raw['__Base template'] ?? '').split('|').map((p) => normalizeGuid(p)).filter((id): id is string => id !== null);
  if (bases.length > 0) type.baseTypes = bases;
  if (includeRaw) type.raw = { template, sections };
  return type;
}
