import type { ContentItem, MediaItem, XrayItem } from '../../src/adapter-kit/index.ts';
import { normalizeGuid, sitecoreDateToIso, toCompactGuid } from '../sitecore/shared/index.ts';
import { SSC_METADATA_KEYS, type SscItem } from './ssc-schemas.ts';
import { extractReferences } from './ssc-references.ts';

export interface ItemMapOptions {
  /** CM base URL, used to make item and media URLs absolute. */
  baseUrl: string;
  includeSystemFields?: boolean;
  /** Projection: only these fields are kept. */
  fields?: string[];
  includeRaw?: boolean;
}

export const MEDIA_LIBRARY_PATH = '/sitecore/media library';

/** ItemModel values are strings by contract; anything else is turned into one (null → ""). */
export type SscValue = string | number | boolean | null | undefined;

export function sscString(value: SscValue): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Every field of an ItemModel (metadata keys excluded), exactly as sent, as strings; optionally without empty `__` fields. */
export function rawFieldsOf(item: SscItem, options: { dropEmptyStandardFields?: boolean } = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(item)) {
    if (SSC_METADATA_KEYS.has(key)) continue;
    const text = sscString(value);
    if (text === '' && options.dropEmptyStandardFields === true && key.startsWith('__')) continue;
    fields[key] = text;
  }
  return fields;
}

/** `"HasChildren":"True"` is a string, not a JSON boolean. */
export function hasChildrenOf(item: SscItem): boolean {
  return sscString(item.HasChildren).toLowerCase() === 'true';
}

export function itemIdOf(item: SscItem): string {
  // The schema guarantees ItemID is a GUID, so normalizeGuid never fails here.
  return normalizeGuid(item.ItemID) ?? item.ItemID.toLowerCase();
}

function optionalGuid(value: SscValue): string | undefined {
  return normalizeGuid(sscString(value)) ?? undefined;
}

function optionalText(value: SscValue): string | undefined {
  const text = sscString(value);
  return text === '' ? undefined : text;
}

function isoDate(value: string | undefined): string | undefined {
  return value === undefined ? undefined : sitecoreDateToIso(value) ?? undefined;
}

function versionOf(item: SscItem): number | undefined {
  const n = Number.parseInt(sscString(item.ItemVersion), 10);
  return Number.isFinite(n) ? n : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function isMediaPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === MEDIA_LIBRARY_PATH || lower.startsWith(`${MEDIA_LIBRARY_PATH}/`);
}

/**
 * A URL that resolves on the CM: media through the media handler by id, other
 * items through the dynamic link SSC returns in `ItemUrl`
 * (`~/link.aspx?_id=<32 HEX>&amp;_z=z`, HTML-escaped), which Sitecore redirects
 * to the item's friendly URL.
 */
export function itemUrlOf(item: SscItem, baseUrl: string): string | undefined {
  const base = trimSlash(baseUrl);
  if (isMediaPath(item.ItemPath)) return `${base}/-/media/${toCompactGuid(itemIdOf(item))}.ashx`;
  const link = sscString(item['ItemUrl']).replace(/&amp;/g, '&');
  if (link === '') return undefined;
  return link.startsWith('~/') || link.startsWith('/') ? `${base}/${link.replace(/^\/+/, '')}` : link;
}

function selectFields(all: Record<string, string>, options: ItemMapOptions): Record<string, string> {
  const wanted = options.fields && options.fields.length > 0 ? new Set(options.fields) : undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(all)) {
    if (wanted && !wanted.has(name)) continue;
    if (!wanted && name.startsWith('__') && !options.includeSystemFields) continue;
    out[name] = value;
  }
  return out;
}

/** An SSC ItemModel as Conduit's ContentItem. Pure: no IO. */
export function toContentItem(item: SscItem, options: ItemMapOptions): ContentItem {
  const all = rawFieldsOf(item);
  const fields = selectFields(all, options);
  const references = extractReferences(fields);
  const typeId = optionalGuid(item.TemplateID);
  const typeName = optionalText(item.TemplateName);
  const mapped: ContentItem = {
    id: itemIdOf(item),
    name: item.ItemName,
    path: item.ItemPath,
    type: { ...(typeId ? { id: typeId } : {}), ...(typeName ? { name: typeName } : {}) },
    hasChildren: hasChildrenOf(item),
    fields,
  };
  const displayName = optionalText(item.DisplayName);
  if (displayName !== undefined) mapped.displayName = displayName;
  const locale = optionalText(item.ItemLanguage);
  if (locale !== undefined) mapped.locale = locale;
  const version = versionOf(item);
  if (version !== undefined) mapped.version = version;
  const parentId = optionalGuid(item.ParentID);
  if (parentId !== undefined) mapped.parentId = parentId;
  const createdAt = isoDate(all['__Created']);
  if (createdAt !== undefined) mapped.createdAt = createdAt;
  const updatedAt = isoDate(all['__Updated']);
  if (updatedAt !== undefined) mapped.updatedAt = updatedAt;
  if (references.length > 0) mapped.references = references;
  const url = itemUrlOf(item, options.baseUrl);
  if (url !== undefined) mapped.url = url;
  if (options.includeRaw) mapped.raw = item;
  return mapped;
}

/**
 * An ItemModel as X-Ray stores it: every raw field value except empty standard (`__`) fields. With
 * includeStandardTemplateFields an item carries ~70 of them, mostly empty; an empty one tells no analyzer
 * anything (no reference, no date, no security, no Required validator on a standard field), and dropping
 * them cuts the stored scan, and the crawl's write volume, by more than half.
 */
export function toXrayItem(item: SscItem): XrayItem {
  const fields = rawFieldsOf(item, { dropEmptyStandardFields: true });
  const xray: XrayItem = { id: itemIdOf(item), path: item.ItemPath, name: item.ItemName, hasChildren: hasChildrenOf(item), fields };
  const parentId = optionalGuid(item.ParentID);
  if (parentId !== undefined) xray.parentId = parentId;
  const templateId = optionalGuid(item.TemplateID);
  if (templateId !== undefined) xray.templateId = templateId;
  const templateName = optionalText(item.TemplateName);
  if (templateName !== undefined) xray.templateName = templateName;
  const language = optionalText(item.ItemLanguage);
  if (language !== undefined) xray.language = language;
  const version = versionOf(item);
  if (version !== undefined) xray.version = version;
  const createdAt = isoDate(fields['__Created']);
  if (createdAt !== undefined) xray.createdAt = createdAt;
  const updatedAt = isoDate(fields['__Updated']);
  if (updatedAt !== undefined) xray.updatedAt = updatedAt;
  return xray;
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}

/** A media library item (fields `Mime Type`, `Size`, `Alt`, `Width`, `Height`) as a MediaItem. */
export function toMediaItem(item: SscItem, options: ItemMapOptions): MediaItem {
  const fields = rawFieldsOf(item);
  const media: MediaItem = { id: itemIdOf(item), name: item.ItemName, path: item.ItemPath };
  const url = itemUrlOf(item, options.baseUrl);
  if (url !== undefined) media.url = url;
  const mime = fields['Mime Type'];
  if (mime) media.mimeType = mime;
  const size = positiveInt(fields['Size']);
  if (size !== undefined) media.sizeBytes = size;
  const alt = fields['Alt'];
  if (alt !== undefined) media.alt = alt;
  const width = positiveInt(fields['Width']);
  if (width !== undefined) media.width = width;
  const height = positiveInt(fields['Height']);
  if (height !== undefined) media.height = height;
  const updatedAt = isoDate(fields['__Updated']);
  if (updatedAt !== undefined) media.updatedAt = updatedAt;
  if (options.includeRaw) media.raw = item;
  return media;
}
