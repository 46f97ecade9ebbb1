import { ConduitError, quoted } from '../../src/adapter-kit/index.ts';
import type { ContentItem, ContentType, MediaItem, ReadOptions, XrayItem } from '../../src/adapter-kit/index.ts';
import { normalizeGuid, sitecoreDateToIso } from '../sitecore/shared/index.ts';
import type { EdgeItem, EdgeTemplate } from './edge-response-schemas.ts';

/**
 * Pure mapping from Edge payloads to Conduit's content model. Edge prints IDs
 * in .NET "N" format (32 hex digits, letter case NOT verified); everything is
 * keyed by the canonical lower-case dashed GUID.
 */
export function canonicalEdgeId(value: string, what: string): string {
  const id = normalizeGuid(value);
  if (id === null) {
    throw new ConduitError('ADP_BAD_RESPONSE', `Experience Edge returned ${what} ${quoted(value)}, which is not a GUID.`, {
      hint: 'Check that the adapter URL points at an Experience Edge GraphQL endpoint.',
    });
  }
  return id;
}

/** Raw field values by name; null values become "". Standard fields are dropped unless asked for. */
export function edgeFieldValues(item: EdgeItem, includeSystemFields = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of item.fields) {
    if (!field) continue;
    if (field.name.startsWith('__') && !includeSystemFields) continue;
    out[field.name] = field.value ?? '';
  }
  return out;
}

function projected(fields: Record<string, string>, names: readonly string[] | undefined): Record<string, string> {
  if (!names || names.length === 0) return fields;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(fields).filter(([name]) => wanted.has(name.toLowerCase())));
}

/** `__Updated`/`__Created` are only present if an endpoint (CM preview) returned standard fields. */
function standardDate(item: EdgeItem, name: string): string | undefined {
  const raw = item.fields.find((f) => f?.name === name)?.value;
  return raw ? sitecoreDateToIso(raw) ?? undefined : undefined;
}

export function edgeItemToContent(item: EdgeItem, options: ReadOptions = {}): ContentItem {
  const fields = projected(edgeFieldValues(item, options.includeSystemFields ?? false), options.fields);
  const content: ContentItem = {
    id: canonicalEdgeId(item.id, 'an item id'),
    name: item.name,
    path: item.path,
    displayName: item.displayName ?? item.name,
    type: { id: canonicalEdgeId(item.template.id, 'a template id'), name: item.template.name },
    hasChildren: item.hasChildren,
    fields,
  };
  if (item.language) content.locale = item.language.name;
  if (item.version !== undefined) content.version = item.version;
  if (item.parent) content.parentId = canonicalEdgeId(item.parent.id, 'a parent id');
  if (item.url?.url) content.url = item.url.url;
  const updatedAt = options.includeSystemFields ? standardDate(item, '__Updated') : undefined;
  if (updatedAt) content.updatedAt = updatedAt;
  const createdAt = options.includeSystemFields ? standardDate(item, '__Created') : undefined;
  if (createdAt) content.createdAt = createdAt;
  if (options.includeRaw) content.raw = item;
  return content;
}

function positiveInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** Media items carry their metadata in ordinary (non-standard) fields of the media templates. */
export function edgeItemToMedia(item: EdgeItem, options: ReadOptions = {}): MediaItem {
  const fields = edgeFieldValues(item);
  const media: MediaItem = { id: canonicalEdgeId(item.id, 'a media item id'), name: item.name, path: item.path };
  if (item.url?.url) media.url = item.url.url;
  const mime = fields['Mime Type'];
  if (mime) media.mimeType = mime;
  const size = positiveInt(fields['Size']);
  if (size !== undefined) media.sizeBytes = size;
  if (fields['Alt']) media.alt = fields['Alt'];
  const width = positiveInt(fields['Width']);
  if (width !== undefined) media.width = width;
  const height = positiveInt(fields['Height']);
  if (height !== undefined) media.height = height;
  if (options.includeRaw) media.raw = item;
  return media;
}

export function edgeItemToXray(item: EdgeItem, parentId: string | undefined): XrayItem {
  const x: XrayItem = {
    id: canonicalEdgeId(item.id, 'an item id'),
    path: item.path,
    name: item.name,
    templateId: canonicalEdgeId(item.template.id, 'a template id'),
    templateName: item.template.name,
    hasChildren: item.hasChildren,
    fields: edgeFieldValues(item),
  };
  const parent = parentId ?? (item.parent ? canonicalEdgeId(item.parent.id, 'a parent id') : undefined);
  if (parent !== undefined) x.parentId = parent;
  if (item.language) x.language = item.language.name;
  if (item.version !== undefined) x.version = item.version;
  return x;
}

/** A template as Edge describes it on an item; fields exclude standard `__` fields. */
export function edgeTemplateToType(template: EdgeTemplate, baseTemplates: readonly EdgeTemplate[] = []): ContentType {
  const type: ContentType = {
    id: canonicalEdgeId(template.id, 'a template id'),
    name: template.name,
    fields: (template.fields ?? [])
      .filter((f): f is NonNullable<typeof f> => f !== null && !f.name.startsWith('__'))
      .map((f) => ({
        name: f.name,
        type: f.type,
        ...(f.id ? { id: normalizeGuid(f.id) ?? f.id } : {}),
        ...(f.section ? { section: f.section } : {}),
        ...(typeof f.shared === 'boolean' ? { shared: f.shared } : {}),
      })),
  };
  if (baseTemplates.length > 0) type.baseTypes = baseTemplates.map((b) => canonicalEdgeId(b.id, 'a base template id'));
  return type;
}

/** Edge accepts a path or an ID in `item(path:)`; IDs are sent in Sitecore's braced form. */
export function edgePathArgument(ref: { id?: string; path?: string }): string {
  if (ref.path !== undefined) return ref.path;
  const id = normalizeGuid(ref.id ?? '');
  if (id === null) {
    throw new ConduitError('ADP_REQUEST_REJECTED', `${quoted(ref.id ?? '')} is not a Sitecore item ID.`, {
      hint: 'Pass a GUID (any spelling: {…}, dashed or 32 hex digits) or use path instead.',
    });
  }
  return `{${id.toUpperCase()}}`;
}
