import type { SitecoreSchema } from './sitecore-schema.ts';

/**
 * Field-type families X-Ray cares about (reference §3). Type names are the
 * values of a template field's `Type` field.
 */
const ID_TYPES = new Set(['droplink', 'droptree', 'grouped droplink', 'reference']);
const LIST_TYPES = new Set(['multilist', 'treelist', 'multilistex', 'treelistex', 'checklist', 'multilist with search', 'treelist with search', 'tree list']);
const DATE_TYPES = new Set(['date', 'datetime']);
const LINK_XML_TYPES = new Set(['general link', 'general link with search', 'image', 'file']);

const STANDARD_DATE_FIELDS = new Set(['__created', '__updated', '__valid from', '__valid to', '__publish', '__unpublish', '__archive date',
  '__archive version date', '__reminder date']);
const STANDARD_ID_FIELDS = new Set(['__workflow', '__workflow state', '__default workflow', '__standard values', '__source item']);
const STANDARD_LIST_FIELDS = new Set(['__masters', '__base template']);

/** GUID-bearing standard fields the README of the simulator and SPE treat as id lists whatever their declared type. */
export const GUID_STANDARD_FIELDS = new Set(['__Workflow', '__Workflow state', '__Default workflow', '__Masters', '__Base template', '__Standard values']);

export type TypeFamily = 'layout' | 'security' | 'rich-text' | 'link-xml' | 'id' | 'id-list' | 'date' | 'attachment' | 'text';

/** The family of a declared field type. */
export function familyOfType(type: string): TypeFamily {
  const t = type.trim().toLowerCase();
  if (t === 'layout') return 'layout';
  if (t === 'security') return 'security';
  if (t === 'rich text') return 'rich-text';
  if (LINK_XML_TYPES.has(t)) return 'link-xml';
  if (ID_TYPES.has(t)) return 'id';
  if (LIST_TYPES.has(t)) return 'id-list';
  if (DATE_TYPES.has(t)) return 'date';
  if (t === 'attachment') return 'attachment';
  return 'text';
}

const BRACED_LIST = /^\{[0-9a-f-]{36}\}(\|\{[0-9a-f-]{36}\})*$/i;
const RICH_TEXT_MARKS = /_id=[0-9a-f]{32}|[-~]\/media\/[0-9a-f]{32}\.ashx/i;

/** Without the template in scope, the family is guessed from the standard field's name or the value's shape. */
function guessFamily(field: string, value: string): TypeFamily {
  const f = field.toLowerCase();
  if (f === '__renderings' || f === '__final renderings') return 'layout';
  if (f === '__security') return 'security';
  if (STANDARD_DATE_FIELDS.has(f)) return 'date';
  if (STANDARD_ID_FIELDS.has(f)) return 'id';
  if (STANDARD_LIST_FIELDS.has(f)) return 'id-list';
  if (f === 'blob') return 'attachment';
  const v = value.trimStart();
  if (v.startsWith('<link') || v.startsWith('<image') || v.startsWith('<file')) return 'link-xml';
  if (RICH_TEXT_MARKS.test(value)) return 'rich-text';
  if (BRACED_LIST.test(value.trim())) return value.includes('|') ? 'id-list' : 'id';
  return 'text';
}

export interface ResolvedField {
  family: TypeFamily;
  /** The declared type, or "" when the template was not in scope. */
  type: string;
  required: boolean;
}

/** Resolves a field of one template to its type family, once per (template, field): the analysis asks millions of times. */
export type TemplateFields = (field: string, value: string) => ResolvedField;
export type FieldResolver = (templateId: string | null) => TemplateFields;

export function createFieldResolver(schema: SitecoreSchema): FieldResolver {
  const perTemplate = new Map<string, TemplateFields>();
  return (templateId) => {
    const key = templateId ?? '';
    let fields = perTemplate.get(key);
    if (fields) return fields;
    const known = new Map<string, ResolvedField | null>();
    fields = (field, value) => {
      let r = known.get(field);
      if (r === undefined) {
        const def = schema.fieldDef(templateId, field);
        r = def && def.type !== '' ? { family: familyOfType(def.type), type: def.type, required: def.required } : null;
        known.set(field, r);
      }
      // Without a declared type the value's shape decides, so the answer cannot be cached.
      return r ?? { family: guessFamily(field, value), type: '', required: false };
    };
    perTemplate.set(key, fields);
    return fields;
  };
}
