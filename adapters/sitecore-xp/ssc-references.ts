import type { ContentReference } from '../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../sitecore/shared/index.ts';

/**
 * Cheap reference extraction from raw field values, for ContentItem.references.
 * X-Ray does the full job (layout merge, rendering parameters, personalization);
 * this covers what an agent needs to follow links: General Link, Image/File,
 * Rich Text dynamic links and media URLs, Droplink/Multilist GUID lists,
 * base templates, workflow, and layout datasources and renderings.
 */
const GUID_LIST = /^\{[0-9a-f-]{36}\}(\|\{[0-9a-f-]{36}\})*$/i;
const WORKFLOW_FIELDS = new Set(['__Workflow', '__Default workflow', '__Workflow state']);
const LAYOUT_FIELDS = new Set(['__Renderings', '__Final Renderings']);
/** GUID-valued standard fields that are not references to other items. */
const NOT_REFERENCES = new Set(['__Revision']);

export function extractReferences(fields: Readonly<Record<string, string>>): ContentReference[] {
  const out = new Map<string, ContentReference>();
  const add = (field: string, kind: string, raw: string, asPath = false): void => {
    const targetId = asPath ? undefined : normalizeGuid(raw);
    if (!asPath && !targetId) return;
    const ref: ContentReference = targetId ? { targetId, kind, field } : { targetPath: raw, kind, field };
    out.set(`${field}|${kind}|${targetId ?? raw}`, ref);
  };
  for (const [field, value] of Object.entries(fields)) {
    if (value === '' || NOT_REFERENCES.has(field)) continue;
    if (field === '__Base template') {
      for (const part of value.split('|')) add(field, 'base-template', part);
    } else if (WORKFLOW_FIELDS.has(field)) {
      for (const part of value.split('|')) add(field, 'workflow', part);
    } else if (LAYOUT_FIELDS.has(field)) {
      layoutReferences(field, value, add);
    } else {
      valueReferences(field, value, add);
    }
  }
  return [...out.values()];
}

type Add = (field: string, kind: string, raw: string, asPath?: boolean) => void;

function layoutReferences(field: string, value: string, add: Add): void {
  for (const m of value.matchAll(/\s(?:s:)?ds="([^"]+)"/g)) {
    const ds = decodeXml(m[1] ?? '');
    if (ds.startsWith('/sitecore')) add(field, 'datasource', ds, true);
    else add(field, 'datasource', ds);
  }
  for (const m of value.matchAll(/<r\b[^>]*?\s(?:s:)?id="([^"]+)"/g)) add(field, 'rendering', m[1] ?? '');
}

function valueReferences(field: string, value: string, add: Add): void {
  const trimmed = value.trim();
  if (GUID_LIST.test(trimmed)) {
    const parts = trimmed.split('|');
    for (const part of parts) add(field, parts.length > 1 ? 'multilist' : 'droplink', part);
    return;
  }
  for (const m of trimmed.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const type = /\slinktype="([^"]*)"/.exec(tag)?.[1];
    const id = /\sid="([^"]*)"/.exec(tag)?.[1];
    if (id && (type === 'internal' || type === 'media')) add(field, type === 'media' ? 'media' : 'link', id);
  }
  for (const m of trimmed.matchAll(/<(?:image|file)\b[^>]*?\smediaid="([^"]*)"/g)) add(field, 'media', m[1] ?? '');
  for (const m of trimmed.matchAll(/_id=([0-9a-f]{32})/gi)) add(field, 'link', m[1] ?? '');
  for (const m of trimmed.matchAll(/[-~]\/media\/([0-9a-f]{32})\.ashx/gi)) add(field, 'media', m[1] ?? '');
}

function decodeXml(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
