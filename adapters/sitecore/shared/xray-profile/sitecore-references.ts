import type { ProfileItem, ProfileReference } from '../../../../src/adapter-kit/index.ts';
import { normalizeGuid } from '../guid.ts';
import { resolveField, type TypeFamily } from './sitecore-field-types.ts';
import { layoutReferences } from './sitecore-layout.ts';
import type { SitecoreSchema } from './sitecore-schema.ts';
import { readAttributes } from './xml-attributes.ts';

/**
 * Every item reference in an item's raw field values (reference §3, §3.3;
 * simulator README "What is a reference"). The kind follows the field's
 * declared type when the template is in scope: a one-entry Multilist is still
 * a multilist. Not references: `__Revision`, attachments (`Blob` holds a blob
 * id), `__Security`, external/mailto/anchor links.
 */
const NOT_REFERENCE_FIELDS = new Set(['__revision']);
const BRACED = /\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}/gi;
const DYNAMIC_LINK = /_id=([0-9a-f]{32})/gi;
const MEDIA_URL = /[-~]\/media\/([0-9a-f]{32})\.ashx/gi;

type Push = (ref: ProfileReference) => void;

function useOfField(field: string): ProfileReference['use'] {
  const f = field.toLowerCase();
  if (f === '__base template' || f === '__standard values' || f === '__masters') return 'type';
  if (f.startsWith('__workflow') || f === '__default workflow') return 'workflow';
  return 'link';
}

function linkXml(push: Push, field: string, value: string): boolean {
  const trimmed = value.trimStart();
  const element = /^<(link|image|file)\b([^>]*)/i.exec(trimmed);
  if (!element) return false;
  const name = (element[1] ?? '').toLowerCase();
  const a = readAttributes(element[2] ?? '');
  if (name === 'link') {
    const linktype = (a.get('linktype') ?? '').toLowerCase();
    const token = a.get('id') ?? '';
    const targetId = normalizeGuid(token);
    if (targetId !== null && (linktype === 'internal' || linktype === 'media')) {
      push({ kind: `general-link-${linktype}`, use: linktype === 'media' ? 'media' : 'link', field, token, targetId });
    }
    return true;
  }
  const token = a.get('mediaid') ?? '';
  const targetId = normalizeGuid(token);
  if (targetId !== null) push({ kind: name, use: 'media', field, token, targetId });
  return true;
}

function richText(push: Push, field: string, value: string): void {
  for (const m of value.matchAll(DYNAMIC_LINK)) {
    const targetId = normalizeGuid(m[1] ?? '');
    if (targetId !== null) push({ kind: 'rich-text-link', use: 'link', field, token: m[1] ?? '', targetId });
  }
  for (const m of value.matchAll(MEDIA_URL)) {
    const targetId = normalizeGuid(m[1] ?? '');
    if (targetId !== null) push({ kind: 'rich-text-media', use: 'media', field, token: m[1] ?? '', targetId });
  }
}

function guids(push: Push, field: string, family: TypeFamily, value: string): void {
  const kind = family === 'id' ? 'droplink' : family === 'id-list' ? 'multilist' : 'guid';
  const use = useOfField(field);
  for (const m of value.matchAll(BRACED)) {
    const targetId = normalizeGuid(m[0]);
    if (targetId !== null) push({ kind, use, field, token: m[0], targetId });
  }
}

export function fieldReferences(item: ProfileItem, field: string, value: string, family: TypeFamily, push: Push): void {
  if (value === '' || NOT_REFERENCE_FIELDS.has(field.toLowerCase()) || family === 'security' || family === 'attachment') return;
  if (family === 'layout') {
    layoutReferences(field, value, item.path, push);
    return;
  }
  if (linkXml(push, field, value)) return;
  if (family === 'rich-text') richText(push, field, value);
  else guids(push, field, family, value);
}

/** All references of one item (one language version), deduplicated by field, kind and target. */
export function itemReferences(schema: SitecoreSchema, item: ProfileItem): ProfileReference[] {
  const out = new Map<string, ProfileReference>();
  const push: Push = (ref) => {
    const key = `${ref.field}\u0000${ref.kind}\u0000${ref.targetId ?? ''}\u0000${ref.targetPath ?? ''}`;
    if (!out.has(key)) out.set(key, ref);
  };
  for (const [field, value] of Object.entries(item.fields)) {
    if (value === '') continue;
    fieldReferences(item, field, value, resolveField(schema, item.templateId, field, value).family, push);
  }
  return [...out.values()];
}
