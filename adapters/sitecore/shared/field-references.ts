import type { XrayItem } from '../../../src/adapter-kit/index.ts';
import { normalizeGuid } from './guid.ts';
import { decodeXmlEntities, parseLayoutXml, xmlAttributes, type LayoutRendering } from './layout-xml.ts';

/**
 * References to other items found in raw Sitecore field values (reference §3):
 * layout XML, General Link / Image / File XML, GUID lists, Rich Text dynamic
 * links and media URLs, rendering parameters and personalization. Pure; used
 * by the adapters at crawl time and by X-Ray analysis.
 */
export interface FieldReference {
  field: string;
  /**
   * rendering-id · rendering-datasource-id · rendering-datasource-path · rendering-parameter ·
   * personalization-datasource · rule-element · layout · layout-device · general-link-internal ·
   * general-link-media · image · file · rich-text-link · rich-text-media · droplink · multilist ·
   * internal-link · base-template · workflow · insert-option · standard-values · clone-source · guid
   */
  kind: string;
  /** Canonical (lower-case dashed) id of the target. */
  targetId?: string;
  /** Absolute path of the target (path datasources; `local:` resolved against the item's path). */
  targetPath?: string;
  /** The token as stored: braced GUID, 32-hex id, path or `local:` path. */
  value: string;
}

export interface FieldReferenceOptions {
  /** The item's path, to resolve `local:` datasources. Without it they are skipped. */
  itemPath?: string;
  /** The field's type (Droplink, Multilist, Rich Text, Internal Link…) when known; otherwise the value's shape decides. */
  fieldType?(field: string): string | undefined;
}

/** GUID-valued fields that do not point at other items. */
const NOT_REFERENCES = new Set(['__Revision', 'Blob', '__Security', '__Sortorder', '__Lock']);
const LAYOUT_FIELDS = new Set(['__Renderings', '__Final Renderings']);
const STANDARD_KINDS: Readonly<Record<string, string>> = {
  '__Base template': 'base-template',
  '__Workflow': 'workflow',
  '__Workflow state': 'workflow',
  '__Default workflow': 'workflow',
  '__Masters': 'insert-option',
  '__Standard values': 'standard-values',
  '__Source': 'clone-source',
  '__Source Item': 'clone-source',
};
const SINGLE_KINDS = new Set(['Droplink', 'Droptree', 'Grouped Droplink', 'Reference', 'Lookup']);
const LIST_KINDS = new Set(['Multilist', 'Treelist', 'MultilistEx', 'TreelistEx', 'Checklist', 'Multilist with Search', 'Treelist with Search']);
const BRACED = /\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g;
const GUID_LIST = /^\s*\{[0-9A-Fa-f-]{36}\}(\s*\|\s*\{[0-9A-Fa-f-]{36}\})*\s*$/;
const DYNAMIC_LINK = /_id=([0-9A-Fa-f]{32})\b/g;
const MEDIA_URL = /[-~]\/media\/([0-9A-Fa-f]{32})\.ashx/g;

type Emit = (kind: string, value: string, asPath?: boolean) => void;

/** Every reference in an item's fields; one entry per (field, kind, target). */
export function extractFieldReferences(fields: Readonly<Record<string, string>>, options: FieldReferenceOptions = {}): FieldReference[] {
  const out: FieldReference[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === '' || NOT_REFERENCES.has(field)) continue;
    out.push(...fieldValueReferences(field, value, options));
  }
  return out;
}

/** The references in one field value. */
export function fieldValueReferences(field: string, value: string, options: FieldReferenceOptions = {}): FieldReference[] {
  // Most values hold no reference at all: skip them before any regex runs.
  if (!value.includes('{') && !value.includes('<') && !value.includes('_id=') && !value.includes('/media/') && !value.startsWith('/')) return [];
  const found = new Map<string, FieldReference>();
  const emit: Emit = (kind, raw, asPath = false) => {
    const ref = toReference(field, kind, raw, asPath, options.itemPath);
    if (ref) found.set(`${ref.kind}\u0000${ref.targetId ?? ''}\u0000${ref.targetPath ?? ''}`, ref);
  };
  if (LAYOUT_FIELDS.has(field)) layoutReferences(value, emit);
  else typedReferences(field, value, options.fieldType?.(field), emit);
  return [...found.values()];
}

function toReference(field: string, kind: string, raw: string, asPath: boolean, itemPath: string | undefined): FieldReference | null {
  if (!asPath) {
    const targetId = normalizeGuid(raw);
    return targetId === null ? null : { field, kind, targetId, value: raw };
  }
  if (raw.startsWith('local:')) {
    if (itemPath === undefined) return null;
    const rest = raw.slice('local:'.length);
    return { field, kind, targetPath: `${itemPath.replace(/\/+$/, '')}${rest.startsWith('/') ? '' : '/'}${rest}`, value: raw };
  }
  return raw.startsWith('/') ? { field, kind, targetPath: raw, value: raw } : null;
}

function layoutReferences(value: string, emit: Emit): void {
  const layout = parseLayoutXml(value);
  if (!layout) return;
  for (const device of layout.devices) {
    emit('layout-device', device.id);
    if (device.layoutId) emit('layout', device.layoutId);
    for (const r of device.renderings) renderingReferences(r, emit);
  }
}

function renderingReferences(r: LayoutRendering, emit: Emit): void {
  if (r.id) emit('rendering-id', r.id);
  datasourceReference(r.datasource, 'rendering-datasource', emit);
  if (r.parameters) {
    for (const m of safeDecodeUri(r.parameters).matchAll(BRACED)) emit('rendering-parameter', m[0]);
  }
  for (const id of [...r.personalization.conditionIds, ...r.personalization.actionIds]) emit('rule-element', id);
  for (const ds of r.personalization.datasources) datasourceReference(ds, 'personalization-datasource', emit);
}

/** `{GUID}` → <prefix>-id; `/path` or `local:/…` → <prefix>-path; `query:` is dynamic and skipped. */
function datasourceReference(ds: string | undefined, prefix: string, emit: Emit): void {
  const value = ds?.trim() ?? '';
  if (value === '' || value.toLowerCase().startsWith('query:')) return;
  if (value.startsWith('/') || value.startsWith('local:')) emit(prefix === 'rendering-datasource' ? `${prefix}-path` : prefix, value, true);
  else emit(prefix === 'rendering-datasource' ? `${prefix}-id` : prefix, value);
}

function typedReferences(field: string, value: string, type: string | undefined, emit: Emit): void {
  const trimmed = value.trimStart();
  if (trimmed.startsWith('<link')) return linkReferences(trimmed, emit);
  if (trimmed.startsWith('<image') || trimmed.startsWith('<file')) {
    const id = xmlAttributes(/^<[^>]*>?/.exec(trimmed)?.[0] ?? '').get('mediaid');
    if (id) emit(trimmed.startsWith('<image') ? 'image' : 'file', id);
    return;
  }
  if (type === 'Internal Link') {
    if (trimmed.startsWith('/')) emit('internal-link', trimmed.trim(), true);
    return;
  }
  const standard = STANDARD_KINDS[field];
  if (type === 'Rich Text' || (!standard && (value.includes('_id=') || value.includes('/media/')))) richTextReferences(value, emit);
  if (type === 'Rich Text') return;
  const listKind = standard ?? guidListKind(value, type);
  for (const m of value.matchAll(BRACED)) emit(listKind, m[0]);
}

function guidListKind(value: string, type: string | undefined): string {
  if (type !== undefined && SINGLE_KINDS.has(type)) return 'droplink';
  if (type !== undefined && LIST_KINDS.has(type)) return 'multilist';
  if (type !== undefined || !GUID_LIST.test(value)) return 'guid';
  return value.includes('|') ? 'multilist' : 'droplink';
}

function linkReferences(value: string, emit: Emit): void {
  // Malformed values (an unclosed tag) still name their target: read up to the end.
  for (const m of value.matchAll(/<link\b[^>]*(?:>|$)/g)) {
    const a = xmlAttributes(m[0]);
    const type = a.get('linktype');
    const id = a.get('id');
    if (id && (type === 'internal' || type === 'media')) emit(`general-link-${type}`, id);
  }
}

function richTextReferences(value: string, emit: Emit): void {
  const text = value.includes('&') ? decodeXmlEntities(value) : value;
  for (const m of text.matchAll(DYNAMIC_LINK)) emit('rich-text-link', m[1] ?? '');
  for (const m of text.matchAll(MEDIA_URL)) emit('rich-text-media', m[1] ?? '');
}

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    // A malformed %-sequence elsewhere in the string: decode just the braces, so the GUIDs are still found.
    if (error instanceof URIError) return value.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
    throw error;
  }
}

/** The item with `references` parsed from its raw fields (X-Ray stores them with the item at crawl time). */
export function withXrayReferences(item: XrayItem): XrayItem {
  const refs = extractFieldReferences(item.fields, { itemPath: item.path });
  item.references = refs.map((r) => ({ field: r.field, kind: r.kind, ...(r.targetId ? { targetId: r.targetId } : { targetPath: r.targetPath ?? '' }) }));
  return item;
}
