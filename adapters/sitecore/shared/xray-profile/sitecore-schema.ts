import type { ProfileItem } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid, splitGuidList } from '../guid.ts';
import { TEMPLATE_IDS } from '../well-known-ids.ts';

/** Sitecore's "Required" field validator (/sitecore/system/Settings/Validation Rules/Field Rules/Required). */
export const REQUIRED_VALIDATOR_ID = '59d4ee10-627c-4fd3-a964-61a88b092cbc';

export interface FieldDef {
  /** The field type as the template field item's `Type` holds it, e.g. "Rich Text", "Droplink". */
  type: string;
  /** A Required validator is attached to the field. */
  required: boolean;
}

/**
 * What the scan's template items say: field types per template (own and
 * inherited through `__Base template`), base templates, and which workflow
 * states are final. Built once per scan from the definition items; when the
 * scan did not cover /sitecore/templates the schema is empty and callers fall
 * back to the shape of the values.
 */
export interface SitecoreSchema {
  /** Whether any template definition was in scope. */
  readonly hasTemplates: boolean;
  fieldDef(templateId: string | null, fieldName: string): FieldDef | undefined;
  /** The template and every template it inherits from (cycle-safe). */
  lineage(templateId: string): ReadonlySet<string>;
  isFinalState(stateId: string): boolean;
}

interface TemplateDraft { bases: string[]; fields: Map<string, FieldDef> }

export const SCHEMA_TEMPLATE_IDS: readonly string[] = [
  TEMPLATE_IDS.template, TEMPLATE_IDS.templateSection, TEMPLATE_IDS.templateField, TEMPLATE_IDS.workflowState,
];

function fieldDefOf(item: ProfileItem): FieldDef {
  let required = false;
  for (const [name, value] of Object.entries(item.fields)) {
    if (!name.startsWith('__') && value.toLowerCase().includes(REQUIRED_VALIDATOR_ID)) required = true;
  }
  return { type: item.fields['Type'] ?? '', required };
}

export function buildSitecoreSchema(definitions: readonly ProfileItem[]): SitecoreSchema {
  const templates = new Map<string, TemplateDraft>();
  const sectionOwner = new Map<string, string>();
  const fieldItems: ProfileItem[] = [];
  const finalStates = new Set<string>();
  for (const item of definitions) {
    if (item.templateId === TEMPLATE_IDS.template) {
      const bases = splitGuidList(item.fields['__Base template'] ?? '').map(normalizeGuid).filter((id): id is string => id !== null);
      const draft = templates.get(item.id);
      if (draft) draft.bases = bases;
      else templates.set(item.id, { bases, fields: new Map() });
    } else if (item.templateId === TEMPLATE_IDS.templateSection && item.parentId !== null) {
      sectionOwner.set(item.id, item.parentId);
    } else if (item.templateId === TEMPLATE_IDS.templateField) {
      fieldItems.push(item);
    } else if (item.templateId === TEMPLATE_IDS.workflowState && item.fields['Final'] === '1') {
      finalStates.add(item.id);
    }
  }
  for (const field of fieldItems) {
    const owner = field.parentId === null ? undefined : sectionOwner.get(field.parentId);
    const template = owner === undefined ? undefined : templates.get(owner);
    template?.fields.set(field.name.toLowerCase(), fieldDefOf(field));
  }
  return createSchema(templates, finalStates);
}

function createSchema(templates: Map<string, TemplateDraft>, finalStates: Set<string>): SitecoreSchema {
  const lineages = new Map<string, Set<string>>();
  const merged = new Map<string, Map<string, FieldDef>>();
  const lineage = (templateId: string): Set<string> => {
    let seen = lineages.get(templateId);
    if (seen) return seen;
    seen = new Set<string>();
    const stack = [templateId];
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(templates.get(id)?.bases ?? []));
    }
    lineages.set(templateId, seen);
    return seen;
  };
  const fieldsOf = (templateId: string): Map<string, FieldDef> => {
    let fields = merged.get(templateId);
    if (fields) return fields;
    fields = new Map();
    // Own fields first: a template's own definition wins over an inherited one of the same name.
    for (const id of lineage(templateId)) {
      for (const [name, def] of templates.get(id)?.fields ?? []) if (!fields.has(name)) fields.set(name, def);
    }
    merged.set(templateId, fields);
    return fields;
  };
  return {
    hasTemplates: templates.size > 0,
    fieldDef: (templateId, fieldName) => (templateId === null ? undefined : fieldsOf(templateId).get(fieldName.toLowerCase())),
    lineage,
    isFinalState: (stateId) => finalStates.has(stateId),
  };
}
